/**
 * Fix set ids: derived from the canonical member's path (not its title or
 * text), so an id survives edits to the article and the arrival of later
 * duplicates. The rule: the path without its extension, lower-cased, every
 * run of characters other than a–z and 0–9 turned into one `-`, at most 80
 * characters. When that leaves nothing, names a reserved device (`con`,
 * `nul`, `com1`, …), is cut short, or is shared by two paths, the id gets `-`
 * and the first 8 hex digits of the path's sha256, for every path concerned.
 *
 * Unique by construction: the rule then checks the ids it produced, not only
 * the slugs. A hashed id can equal another path's plain slug (`a.md` and
 * `a.txt` both become `a-<8 digits>`, and a file may be named exactly that),
 * so every path whose id is still shared gets a longer hash (16, 32, then all
 * 64 digits), until no two ids are the same: two paths with all 64 digits
 * differ in their last 64 characters. Ids never depend on the order files are
 * processed in, and stay at most 89 characters.
 */
import {sha256Hex} from './discover.js'

const maxLength = 80
const maxIdLength = 89
const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/
/** Hex digits of the path's hash an id carries, from none to all. */
const hashLengths = [0, 8, 16, 32, 64] as const

export function slugOf(path: string): string {
  return path
    .replace(/\.[^./]*$/, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Ids for canonical paths, in a map from path to id; no two paths share an id. */
export function assignIds(paths: readonly string[]): Map<string, string> {
  const slugs = new Map(paths.map((path) => [path, slugOf(path)]))
  const counts = countOf(slugs.values())
  // Index into hashLengths, per path: the first round hashes only what the slug rule says must be.
  const level = new Map([...slugs].map(([path, slug]) => [path, needsHash(slug, counts) ? 1 : 0]))
  for (;;) {
    const ids = new Map([...slugs].map(([path, slug]) => [path, idOf(path, slug, hashLengths[level.get(path)!]!)]))
    const idCounts = countOf(ids.values())
    const shared = [...ids].filter(([, id]) => idCounts.get(id)! > 1).map(([path]) => path)
    if (shared.length === 0) return ids
    for (const path of shared) {
      const next = level.get(path)! + 1
      // Only the same path twice can share all 64 digits.
      if (next >= hashLengths.length) throw new Error(`two canonical members have the same path: ${path}`)
      level.set(path, next)
    }
  }
}

function needsHash(slug: string, counts: ReadonlyMap<string, number>): boolean {
  return slug === '' || reserved.test(slug) || slug.length > maxLength || counts.get(slug)! > 1
}

/** The slug alone, or its first characters, `-` and `hashLength` hex digits of the path's sha256. */
function idOf(path: string, slug: string, hashLength: number): string {
  if (hashLength === 0) return slug
  const stem = slug.slice(0, Math.min(maxLength, maxIdLength - 1 - hashLength)).replace(/-+$/, '')
  return [stem, sha256Hex(path).slice(0, hashLength)].filter(Boolean).join('-')
}

function countOf(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
