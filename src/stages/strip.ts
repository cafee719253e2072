/**
 * Stage 2, strip: remove marker-delimited boilerplate ranges on the source text.
 *
 * This must happen before parsing. In real files an ad's `<a …>` line opens a
 * CommonMark HTML block that runs to the next blank line, so the end marker and
 * the real content after it (screenshots, headings) end up in one `html` node;
 * on the tree, ads and content can no longer be told apart.
 *
 * A removed range is replaced by as many line feeds as it held, so line numbers
 * of everything after it survive and the content on either side is separated
 * by a blank line (an end marker is often followed directly by a heading).
 * Markers inside fenced code are text, not markers. A begin marker without an
 * end removes nothing and is reported. YouTube players inside a removed range
 * are often the article's real tutorial: they are kept as structured videos.
 */
import type {VFile} from 'vfile'
import type {MarkerPair} from '../config.js'
import {recordChange, warn} from '../diagnostics.js'
import {findVideos, type Video} from './videos.js'

export interface StripResult {
  text: string
  /** Videos found inside removed ranges, with the line they stood on. */
  videos: Array<Video & {line: number}>
}

interface CompiledPair {
  pair: MarkerPair
  begin: RegExp
  end: RegExp
}

interface OpenRange {
  compiled: CompiledPair
  /** Offset of the begin marker in the text. */
  offset: number
  line: number
  column: number
}

/** Removes every closed marker range from `text`. */
export function stripMarkedRanges(text: string, pairs: readonly MarkerPair[], file: VFile): StripResult {
  const compiled = pairs.map(compilePair)
  const lines = text.split('\n')
  const fenced = fencedLines(lines)
  const ranges: Array<{start: number; end: number; startLine: number; endLine: number; ruleId: string}> = []
  let open: OpenRange | undefined
  let lineOffset = 0

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (!fenced[index]) {
      let column = 0
      // A line may hold several markers (one-line banners): walk it left to right.
      for (;;) {
        if (open) {
          const match = open.compiled.end.exec(line.slice(column))
          if (!match) break
          const end = lineOffset + column + match.index + match[0].length
          ranges.push({start: open.offset, end, startLine: open.line, endLine: index + 1, ruleId: open.compiled.pair.ruleId})
          column += match.index + match[0].length
          open = undefined
        } else {
          const found = firstBegin(compiled, line.slice(column))
          if (!found) break
          open = {compiled: found.compiled, offset: lineOffset + column + found.index, line: index + 1, column: column + found.index + 1}
          column += found.index + found.length
        }
      }
    }
    lineOffset += line.length + 1
  }

  if (open) {
    warn(
      file,
      `Marker \`<!-- ${open.compiled.pair.begin} -->\` is never closed; nothing after it was removed`,
      'unclosed-marker',
      {start: {line: open.line, column: open.column}}
    )
  }

  const videos: StripResult['videos'] = []
  let output = ''
  let last = 0
  for (const range of ranges) {
    const removed = text.slice(range.start, range.end)
    for (const video of findVideos(removed)) videos.push({...video, line: range.startLine})
    output += text.slice(last, range.start) + '\n'.repeat(countLineFeeds(removed))
    last = range.end
    recordChange(file, {
      ruleId: range.ruleId,
      action: 'removed',
      startLine: range.startLine,
      endLine: range.endLine,
      bytes: Buffer.byteLength(removed)
    })
  }
  output += text.slice(last)
  return {text: output, videos}
}

function compilePair(pair: MarkerPair): CompiledPair {
  return {pair, begin: commentPattern(pair.begin), end: commentPattern(pair.end)}
}

/** `<!-- text -->` with any inner whitespace, case-insensitive. */
function commentPattern(inner: string): RegExp {
  const words = inner.trim().split(/\s+/).map(escapeRegExp)
  return new RegExp(`<!--\\s*${words.join('\\s+')}\\s*-->`, 'i')
}

function firstBegin(pairs: readonly CompiledPair[], text: string) {
  let best: {compiled: CompiledPair; index: number; length: number} | undefined
  for (const compiled of pairs) {
    const match = compiled.begin.exec(text)
    if (match && (!best || match.index < best.index)) best = {compiled, index: match.index, length: match[0].length}
  }
  return best
}

/**
 * Marks the lines that belong to fenced code blocks (CommonMark fences: three
 * or more backticks or tildes, indented at most three spaces; the closing
 * fence uses the same character and is at least as long).
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  const mask: boolean[] = []
  let fence: {char: string; length: number} | undefined
  for (const line of lines) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (fence) {
      mask.push(true)
      if (match && match[1]![0] === fence.char && match[1]!.length >= fence.length && match[2]!.trim() === '') {
        fence = undefined
      }
    } else if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
      mask.push(true)
      fence = {char: match[1]![0]!, length: match[1]!.length}
    } else {
      mask.push(false)
    }
  }
  return mask
}

function countLineFeeds(text: string): number {
  let count = 0
  for (const char of text) if (char === '\n') count++
  return count
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
