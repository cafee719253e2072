/**
 * Fix set ids: derived from the canonical member's path (not its title or
 * text), so an id survives edits to the article and the arrival of later
 * duplicates. The rule: the path without its extension, lower-cased, every
 * run of characters other than a–z and 0–9 turned into one `-`, at most 80
 * characters. When that leaves nothing, names a reserved device (`con`,
 * `nul`, `com1`, …), is cut short, or is shared by two paths, the id gets `-`
 * and the first 8 hex digits of the path's sha256, for every path concerned:
 * ids never depend on the order files are processed in.
 */
import {sha256Hex} from './discover.js'

const maxLength = 80
const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/

export function slugOf(path: string): string {
  return path
    .replace(/\.[^./]*$/, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Ids for canonical paths, in a map from path to id. */
export function assignIds(paths: readonly string[]): Map<string, string> {
  const slugs = new Map(paths.map((path) => [path, slugOf(path)]))
  const counts = new Map<string, number>()
  for (const slug of slugs.values()) counts.set(slug, (counts.get(slug) ?? 0) + 1)
  const ids = new Map<string, string>()
  for (const [path, slug] of slugs) {
    const needsHash = slug === '' || reserved.test(slug) || slug.length > maxLength || counts.get(slug)! > 1
    const stem = slug.slice(0, maxLength).replace(/-+$/, '')
    ids.set(path, needsHash ? [stem, sha256Hex(path).slice(0, 8)].filter(Boolean).join('-') : slug)
  }
  return ids
}
