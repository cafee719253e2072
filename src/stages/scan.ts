/**
 * The cheap look at a stripped source that deduplication needs, without
 * parsing it: the words of its body and its opening heading.
 *
 * Parsing with remark is ~90% of the cost of a pipeline that touches every
 * file, and real corpora are massively redundant, so fixset signs and
 * clusters every file from this scan and parses only the canonical member of
 * each cluster. The scan approximates what the clean stage keeps: an HTML
 * block (a line opening with a tag, up to the next blank line) counts with
 * the text the clean stage's HTML conversion keeps of it (`html.ts`: parsed
 * with hast-util-from-html, non-content elements and link lists left out,
 * entities decoded), so an HTML-bodied article is signed by its content;
 * blocks with no text between their tags (ad slots, embeds) are not parsed
 * at all. Tags inside Markdown lines are skipped, link and image targets are
 * skipped (their text and alt stay), lines the `dropLines` table matches are
 * skipped, so are blocks (runs of lines between blank lines) whose text starts
 * with a `dropBlocks` match, template placeholders (`{{post-main-content}}`) are skipped, and
 * the opening heading is the title, not body.
 */
import {toString} from 'mdast-util-to-string'
import {defaultConfig, type LineRule, type PatternRule} from '../config.js'
import {firstMatch, isLabel, unlinkedRules} from './clean/util.js'
import {htmlContentText, opensAlsoRead, type HtmlContentOptions} from './html.js'
import {parseMarkdown} from './parse.js'

export interface Scan {
  /** Lower-cased words of the body, in order. */
  words: string[]
  /** Plain text of the opening `#`/`##` heading, unless it is a numbered section. */
  headingTitle: string | null
  /**
   * Plain text of the next `#`/`##` heading when only a page's header stands
   * between it and the opening one (`nextHeadingOf`), else null: a clipper
   * prints the page's title (`# Arrays - Site`) over the page, whose own
   * heading (`# Arrays`) follows; `stages/title.ts` decides which is the title.
   */
  nextHeading: string | null
}

const htmlBlockStart = /^ {0,3}<(?:[A-Za-z][\w-]*|\/[A-Za-z]|!--)/
const tag = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g
const linkTarget = /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g
const bareUrl = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi
export const atxHeading = /^ {0,3}#{1,2}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/
const numbered = /^(?:(?:fix|method|solution|way|step|tip|option)\s*)?#?\d{1,3}\s*[.):\-–—]/i
const placeholder = /\{\{[^{}\n]{1,80}\}\}/g

/** Scans the body of a stripped source, `bodyStart` being the index of its first line after the frontmatter. */
export function scanBody(
  lines: readonly string[],
  bodyStart: number,
  dropLines: ReadonlyArray<LineRule & {regex: RegExp}>,
  options: ScanOptions = {adsenseClasses: defaultConfig.adsenseClasses, alsoReadClasses: defaultConfig.alsoReadClasses, dropBlocks: []}
): Scan {
  const kept: string[] = []
  let htmlBlock: string[] | undefined
  let headingTitle: string | null = null
  let headingLine = -1
  let seenContent = false
  const closeHtmlBlock = () => {
    if (htmlBlock) kept.push(...htmlBlockText(htmlBlock, options), '')
    htmlBlock = undefined
  }
  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index]!
    if (line.trim() === '') {
      closeHtmlBlock()
      if (kept.length > 0 && kept.at(-1) !== '') kept.push('')
      continue
    }
    if (htmlBlock || htmlBlockStart.test(line)) {
      ;(htmlBlock ??= []).push(line)
      continue
    }
    if (!seenContent) {
      seenContent = true
      const heading = atxHeading.exec(line)
      if (heading && !numbered.test(heading[1]!)) {
        headingTitle = headingText(line, heading[1]!)
        headingLine = index
        if (headingTitle !== null) continue
      }
    }
    kept.push(line)
  }
  closeHtmlBlock()
  const text = kept
    .join('\n')
    .replace(tag, ' ')
    .split('\n\n')
    .map((block) => keptLines(block, dropLines, options.dropBlocks))
    .join('\n')
    .replace(linkTarget, ' ')
    .replace(bareUrl, ' ')
    .replace(placeholder, ' ')
  const nextHeading = headingTitle === null ? null : nextHeadingOf(lines, headingLine + 1)
  return {words: wordsOf(text.toLowerCase()), headingTitle, nextHeading}
}

/**
 * The plain text of an opening ATX heading line, `content` being what the
 * `atxHeading` pattern captured (no markers, no closing sequence), or null
 * when it has none. Parsing one line costs as much as setting up the parser,
 * and most titles hold no character Markdown's inline syntax reads: such
 * content is its own text (a property test holds the two to the same
 * result); any other line is parsed.
 */
export function headingText(line: string, content: string): string | null {
  if (plainInline.test(content)) return content.trim() || null
  return toString(parseMarkdown(line)).trim() || null
}

/** Letters, digits, spaces and punctuation that no inline construct starts or ends with (no `*_\`[]<>&#~!|` and no tab). */
const plainInline = /^[\p{L}\p{N} ,.:;?'"’‘“”()/%+=–—-]*$/u

/** How far after the opening heading the page's own heading may stand: a clipper's header is a few lines. */
const maxHeaderLines = 20
const maxHeaderLineWords = 5
const thematicBreak = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/
const quoteLine = /^ {0,3}>/

/**
 * The next `#`/`##` heading from line `start` on, when only a clipper's
 * header stands before it and the header ends in a thematic break (`---`,
 * as MarkDownload draws under the page's title, address and excerpt): blank
 * lines, quote lines (the excerpt) and short lines of at most five words once
 * addresses are left out (`source: https://…`, a breadcrumb). Without the
 * break the next heading is the page's (a product's name under a review's
 * title); any longer line is the article's text. A permalink mark closing
 * the heading (`[¶](#…)`) is no part of its text.
 */
function nextHeadingOf(lines: readonly string[], start: number): string | null {
  let ruled = false
  for (let index = start; index < Math.min(lines.length, start + maxHeaderLines); index++) {
    const line = lines[index]!
    const heading = atxHeading.exec(line)
    if (heading) return ruled && !numbered.test(heading[1]!) ? toString(parseMarkdown(line)).replace(permalinkMark, '').trim() || null : null
    if (thematicBreak.test(line)) ruled = true
    else if (line.trim() !== '' && !quoteLine.test(line) && wordsOf(line.replace(linkTarget, ' ').replace(bareUrl, ' ')).length > maxHeaderLineWords) return null
  }
  return null
}

const permalinkMark = /[\s¶§#🔗]+$/u

export interface ScanOptions extends HtmlContentOptions {
  /** `class` of the span that opens an "Also read" link farm. */
  alsoReadClasses: readonly string[]
  /** The `dropBlocks` table, compiled: a block whose text starts with a match is chrome. */
  dropBlocks: ReadonlyArray<PatternRule & {regex: RegExp}>
}

/** The lines of a block (lines between blank lines) that count: none when `dropBlocks` matches its text, else those `dropLines` does not match. */
function keptLines(block: string, dropLines: ReadonlyArray<LineRule & {regex: RegExp}>, dropBlocks: ReadonlyArray<PatternRule & {regex: RegExp}>): string {
  const lines = block.split('\n')
  const plains = lines.map(plainLine)
  if (dropBlocks.length > 0 && firstMatch(dropBlocks, plains.join(' ').trim()) !== undefined) return ''
  return lines.filter((line, index) => firstMatch(isLinkUnderLabel(line) ? dropLines : unlinkedRules(dropLines), plains[index]!) === undefined).join('\n')
}

/** A Markdown link, `[text](target)` (its text may hold brackets of emphasis, not of other links). */
const markdownLink = /!?\[[^\]]*\]\([^)]*\)/g

/** Whether a Markdown line is a link under a short label, as `LineRule.linked` asks (the clean stage reads the same from the tree). */
function isLinkUnderLabel(line: string): boolean {
  const outside = line.replace(markdownLink, ' ')
  return outside !== line && isLabel(outside.replace(/[*_`>#]/g, ''))
}

/** A line's text without Markdown markers, link targets or a list marker, as the line rules see it. */
function plainLine(line: string): string {
  return line.replace(/[*_`>#]|!?\[|\]\([^)]*\)/g, '').replace(/^\s*(?:[-+]|\d+[.)])\s+/, '').trim()
}

/**
 * The lines of text an HTML block keeps. A block with nothing but white
 * space between its tags (an ad slot, an embed, a closing `</div>`) keeps
 * none and is not parsed: the scan runs on every file. Nor is an "Also
 * read" farm, known by its first line.
 */
function htmlBlockText(block: readonly string[], options: ScanOptions): string[] {
  const value = block.join('\n')
  if (value.replace(tag, '').trim() === '') return []
  if (block.length > 1 && opensAlsoRead(block[0]!, options.alsoReadClasses)) return []
  return htmlContentText(value, options)
    .split('\n')
    .filter((line) => line.trim() !== '')
}

const letterOrDigit = /[\p{L}\p{N}]/u

/**
 * The runs of letters and digits in `text`: exactly what
 * `text.match(/[\p{L}\p{N}]+/gu)` finds (a property test proves it), about
 * 2.5 times as fast on the corpus, because ASCII, nearly all of the text, is
 * classified without the regex's Unicode tables.
 */
export function wordsOf(text: string): string[] {
  const words: string[] = []
  let start = -1
  for (let index = 0; index < text.length; ) {
    const width = wordCharacterWidth(text, index)
    if (width > 0) {
      if (start === -1) start = index
      index += width
    } else {
      if (start !== -1) words.push(text.slice(start, index))
      start = -1
      index++
    }
  }
  if (start !== -1) words.push(text.slice(start))
  return words
}

/** How many UTF-16 units the letter or digit at `index` takes (2 for an astral one), or 0 when it is neither. */
function wordCharacterWidth(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ? 1 : 0
  const character = String.fromCodePoint(text.codePointAt(index)!)
  return letterOrDigit.test(character) ? character.length : 0
}
