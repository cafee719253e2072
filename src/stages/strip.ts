/**
 * Stage 2, strip: remove marker-delimited boilerplate ranges on the source text:
 * between two HTML comments, or from a line matching one pattern to the next
 * line matching another (`[ad_1]` … `[ad_2]`; `config.ts`, `MarkerPair`).
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
  /** `comment`: markers anywhere in a line; `line`: whole lines, matched without their surrounding white space. */
  kind: 'comment' | 'line'
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
  const linePairs = compiled.filter((pair) => pair.kind === 'line')
  const commentPairs = compiled.filter((pair) => pair.kind === 'comment')
  const lines = neutraliseUnclosedComments(repairBrokenFences(text.split('\n'), file), file)
  text = lines.join('\n')
  const fenced = fencedLines(lines)
  const ranges: Array<{start: number; end: number; startLine: number; endLine: number; ruleId: string}> = []
  let open: OpenRange | undefined
  let lineOffset = 0

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (open?.compiled.kind === 'line') {
      // Inside a line range nothing else is looked for; it ends at a later line matching its end pattern.
      if (!fenced[index] && index + 1 > open.line && open.compiled.end.test(line.trim())) {
        ranges.push({start: open.offset, end: lineOffset + line.length, startLine: open.line, endLine: index + 1, ruleId: open.compiled.pair.ruleId})
        open = undefined
      }
    } else if (!open && !fenced[index] && linePairs.some((pair) => pair.begin.test(line.trim()))) {
      open = {compiled: linePairs.find((pair) => pair.begin.test(line.trim()))!, offset: lineOffset, line: index + 1, column: 1}
    } else if (!fenced[index]) {
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
          const found = firstBegin(commentPairs, line.slice(column))
          if (!found) break
          open = {compiled: found.compiled, offset: lineOffset + column + found.index, line: index + 1, column: column + found.index + 1}
          column += found.index + found.length
        }
      }
    }
    lineOffset += line.length + 1
  }

  if (open) {
    const {pair} = open.compiled
    warn(
      file,
      'begin' in pair
        ? `Marker \`<!-- ${pair.begin} -->\` is never closed; nothing after it was removed`
        : `The range \`${pair.ruleId}\` opened on this line is never closed by a line matching \`${pair.endPattern}\`; nothing after it was removed`,
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

/** Two or more runs of backticks with only white space between them: scraping debris (```` `` ````). */
const backtickDebris = /(?:^|[ \t]+)`{2,}(?:[ \t]+`{2,})+[ \t]*/g
/**
 * A lone run of backticks, no other backtick on its line, opening or ending a
 * heading (`## ``  Method 2: …`) or opening a line (`` ``   **Case 1** ``; two
 * backticks only, as three open a fence): the tail of that debris. CommonMark
 * shows an unmatched run as text, so it never was code.
 */
const loneBacktickDebris = /^( {0,3}#{1,6}[ \t]+)`{2,}(?:[ \t]+|$)(?=[^`]*$)|^( {0,3}#{1,6}[ \t][^`]*?)[ \t]+`{2,}[ \t]*$|^( {0,3})``(?:[ \t]+|$)(?=[^`]*$)/

/**
 * Rule `broken-fence`: scraped pages carry runs of backticks that never were
 * code (```` ```` `` ```` at the end of a heading, or on lines of their own;
 * a lone run opening a heading or a line, `## ``  Method 2`, is the same debris), and
 * bare ```` fences around prose, images and headings, which would turn the
 * rest of an article into one code block, ads included. Runs of backticks
 * with only spaces between them are removed; a fence without an info string
 * (or with prose for one, or never closed) whose content holds Markdown
 * headings or images is not code: its two
 * fence lines are blanked (line numbers survive) and reported. Real code
 * blocks, with an info string or code inside, are left alone.
 */
function repairBrokenFences(lines: string[], file: VFile): string[] {
  const repaired = lines.map((line, index) => {
    if (!line.includes('``') || /^ {0,3}(`{3,}|~{3,})[^`]*$/.test(line)) return line
    const cleaned = line.replace(backtickDebris, '').replace(loneBacktickDebris, '$1$2$3')
    if (cleaned !== line) recordChange(file, {ruleId: 'broken-fence', action: 'removed', startLine: index + 1, endLine: index + 1, bytes: Buffer.byteLength(line) - Buffer.byteLength(cleaned)})
    return cleaned
  })
  for (const block of fenceBlocks(repaired)) {
    // A real code block has a short info string (`html`, `bash title=x`) or none, and a closing fence.
    const suspicious = block.info === '' || block.close === undefined || block.info.split(/\s+/).length >= 4
    if (!suspicious) continue
    const body = repaired.slice(block.open + 1, block.close ?? repaired.length)
    // Markers alone do not make prose: a code sample may show them (and then they are text).
    const prose = body.some((line) => /^#{1,6} |^!\[[^\]]*\]\(/.test(line))
    if (!prose) continue
    warn(file, 'A code fence around headings or images is scraping debris, not code; its fence lines were removed', 'broken-fence', {start: {line: block.open + 1, column: 1}})
    recordChange(file, {ruleId: 'broken-fence', action: 'removed', startLine: block.open + 1, endLine: (block.close ?? repaired.length - 1) + 1, bytes: Buffer.byteLength(repaired[block.open]!) + Buffer.byteLength(block.close === undefined ? '' : repaired[block.close]!)})
    repaired[block.open] = ''
    if (block.close !== undefined) repaired[block.close] = ''
  }
  return repaired
}

/**
 * Rule `unclosed-comment`: an HTML comment that is never closed would turn
 * the rest of the article into one HTML node, and HTML is dropped. Its `<!--`
 * is removed (and reported), so what follows stays content.
 */
function neutraliseUnclosedComments(lines: string[], file: VFile): string[] {
  const text = lines.join('\n')
  // An opener is unclosed when no `-->` follows it: every opener after the last `-->`.
  const threshold = text.lastIndexOf('-->') + 1
  if (text.indexOf('<!--', threshold) === -1) return lines
  const fenced = fencedLines(lines)
  let offset = 0
  let reported = false
  return lines.map((line, index) => {
    const start = offset
    offset += line.length + 1
    if (fenced[index] || start + line.length < threshold) return line
    const from = Math.max(0, threshold - start)
    const column = line.indexOf('<!--', from)
    if (column === -1) return line
    if (!reported) {
      reported = true
      warn(file, 'An HTML comment opened here is never closed; its `<!--` was removed so the rest stays content', 'unclosed-comment', {start: {line: index + 1, column: column + 1}})
    }
    return line.slice(0, from) + line.slice(from).replaceAll('<!--', '')
  })
}

function compilePair(pair: MarkerPair): CompiledPair {
  if ('begin' in pair) return {pair, kind: 'comment', begin: commentPattern(pair.begin), end: commentPattern(pair.end)}
  const flags = pair.flags ?? 'iu'
  return {pair, kind: 'line', begin: new RegExp(pair.beginPattern, flags), end: new RegExp(pair.endPattern, flags)}
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

interface FenceBlock {
  /** Index of the opening fence line. */
  open: number
  /** Index of the closing fence line; undefined when the block runs to the end. */
  close: number | undefined
  info: string
}

/**
 * Fenced code blocks by CommonMark's rules: three or more backticks or
 * tildes, indented at most three spaces; a backtick fence's info string has
 * no backtick; the closing fence uses the same character, is at least as long
 * and has nothing after it.
 */
export function fenceBlocks(lines: readonly string[]): FenceBlock[] {
  const blocks: FenceBlock[] = []
  let current: (FenceBlock & {char: string; length: number}) | undefined
  lines.forEach((line, index) => {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line)
    if (current) {
      if (match && match[1]![0] === current.char && match[1]!.length >= current.length && match[2]!.trim() === '') {
        blocks.push({open: current.open, close: index, info: current.info})
        current = undefined
      }
    } else if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
      current = {open: index, close: undefined, info: match[2]!.trim(), char: match[1]![0]!, length: match[1]!.length}
    }
  })
  if (current) blocks.push({open: current.open, close: undefined, info: current.info})
  return blocks
}

/** Marks the lines that belong to fenced code blocks, fence lines included. */
export function fencedLines(lines: readonly string[]): boolean[] {
  const mask = lines.map(() => false)
  for (const block of fenceBlocks(lines)) mask.fill(true, block.open, (block.close ?? lines.length - 1) + 1)
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
