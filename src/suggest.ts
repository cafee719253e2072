/**
 * `fixset rules suggest`: the corpus's recurring blocks (`stages/recurring.ts`)
 * as `dropLines` rules, for a person to review and keep as data. The scan and
 * deduplication run as in a build (in this thread: nothing is rendered); for
 * each recurring hash the first file holding it, by path, is read again to
 * find the line's text. A line an existing rule already removes is left out;
 * a line found under one top-level folder only (one site) gets `paths` for it.
 */
import path from 'node:path'
import type {Config, PatternRule} from './config.js'
import {readOrReject, scanFile, type ScannedFile} from './process-file.js'
import {blockText, compilePatterns} from './stages/clean/util.js'
import {hashKey, sourceBlocks} from './stages/block-hashes.js'
import {decodeSource} from './stages/decode.js'
import {deduplicate} from './stages/dedupe.js'
import {listSourcePaths} from './stages/discover.js'
import {readFrontmatter} from './stages/frontmatter.js'
import {parseMarkdown} from './stages/parse.js'
import {findRecurring} from './stages/recurring.js'
import {matchesPaths} from './stages/scope.js'
import {compareStrings} from './diagnostics.js'
import {VFile} from 'vfile'

export interface Suggestion {
  rule: PatternRule
  /** Distinct clusters holding the line. */
  clusters: number
  /** The line's plain text, as the rule matches it. */
  text: string
}

/** The recurring blocks of the corpus in `input` as rules, most widespread first. */
export async function suggestRules(input: string, config: Config): Promise<{suggestions: Suggestion[]; clusters: number; threshold: number}> {
  const paths = await listSourcePaths(input, config.extensions)
  const scans = new Map<string, ScannedFile>()
  for (const relative of paths) {
    const source = readOrReject(input, relative, config.limits)
    if (!('bytes' in source)) continue
    const scan = scanFile(source, config)
    if (scan.status === 'ok') scans.set(relative, scan)
  }
  const clusters = deduplicate([...scans.values()].map((scan) => ({path: scan.path, date: scan.meta.date, signature: scan.signature})), config.dedupe)
  const recurring = findRecurring(clusters, (member) => scans.get(member)!.blocks, config.recurring)
  const holders = new Map<number, string[]>()
  for (const scan of scans.values()) {
    for (const hash of scan.blocks) {
      if (!recurring.clusters.has(hash)) continue
      const files = holders.get(hash)
      if (files) files.push(scan.path)
      else holders.set(hash, [scan.path])
    }
  }
  const known = compilePatterns([...config.dropLines, ...config.dropBlocks])
  const suggestions: Suggestion[] = []
  for (const [hash, count] of recurring.clusters) {
    const files = holders.get(hash)!
    const text = lineText(input, files[0]!, hash, config)
    if (text === undefined || text === '' || known.some((rule) => rule.regex.test(text))) continue
    suggestions.push({rule: {ruleId: 'site-chrome', pattern: patternFor(text), ...scopeOf(files)}, clusters: count, text})
  }
  suggestions.sort((a, b) => b.clusters - a.clusters || compareStrings(a.text, b.text))
  return {suggestions, clusters: clusters.length, threshold: recurring.threshold}
}

/** A config fragment: the current `dropLines` followed by the suggestions, each explained in `$comment`. */
export function suggestionsConfig(result: Awaited<ReturnType<typeof suggestRules>>, config: Config): string {
  const comment = [
    `Lines that recur in at least ${result.threshold} of ${result.clusters} distinct articles (fixset rules suggest). Review each before keeping it:`,
    ...result.suggestions.map((suggestion) => `${suggestion.clusters} articles: ${suggestion.text}`)
  ]
  return JSON.stringify({$comment: comment, dropLines: [...config.dropLines, ...result.suggestions.map((suggestion) => suggestion.rule)]}, null, 2) + '\n'
}

/** The plain text of the line of `relative` whose hash is `hash`, as the clean stage reads it. */
function lineText(input: string, relative: string, hash: number, config: Config): string | undefined {
  const source = readOrReject(input, relative, config.limits)
  if (!('bytes' in source)) return undefined
  const file = new VFile()
  const lines = decodeSource(source.bytes, file).split('\n')
  let bodyStart = 0
  try {
    bodyStart = readFrontmatter(lines.join('\n'), file).bodyStart
  } catch {
    return undefined
  }
  const block = sourceBlocks(lines, bodyStart, config.recurring.minWords).find((candidate) => hashKey(candidate.key) === hash)
  return block === undefined ? undefined : blockText(parseMarkdown(lines[block.line]!.trim().replace(/^(?:>\s*)+/, '')))
}

/** `^…$` of the text, literal, each run of digits any number (the key counts them as one). */
function patternFor(text: string): string {
  return `^${text.split(/\d+/).map(escapeRegExp).join('\\d+')}$`
}

/** `paths` for a line found under one top-level folder only, when a glob for it matches every file. */
function scopeOf(files: readonly string[]): {paths?: string[]} {
  const folders = new Set(files.map((file) => (file.includes('/') ? file.split('/')[0]! : '')))
  if (folders.size !== 1 || folders.has('')) return {}
  const glob = `${[...folders][0]!.replace(/[\\*?[\]{}()!+@]/g, '\\$&')}${path.posix.sep}**`
  return files.every((file) => matchesPaths([glob], file)) ? {paths: [glob]} : {}
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
