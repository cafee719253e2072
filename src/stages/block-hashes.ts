/**
 * Per-line fingerprints for the corpus pass that finds page chrome
 * (`recurring.ts`): the scan hashes each line of a body that could be a
 * removable block, without parsing it, and the clean rule `recurring-block`
 * hashes the lines of the tree's paragraphs the same way. Both reduce a line
 * to its *key*: its words (runs of letters and digits, as the scan's
 * `wordsOf` finds them), lower-cased, every run of digits as `0`, joined by
 * one space; link and image targets, bare URLs, HTML tags and entities are
 * not words. So `**Was this page helpful?**`, `> Was this page helpful?` and
 * `- Was this page _helpful_?` have one key, and so do `Step 1 of 3` and
 * `Step 2 of 4`.
 *
 * Lines that are never removed this way are not hashed: headings, ordered
 * list items (steps), table rows, code (fenced or indented), and lines
 * holding an image (screenshots are content, whatever their alt text).
 *
 * HTML is content (the clean stage converts it to Markdown), so a line of an
 * HTML block, or an indented line that opens with a tag (an export's
 * tab-indented `<p>`), is keyed by its text with the tags set aside:
 * `<p><strong>Was this page helpful?</strong></p>` has the key of the
 * paragraph it becomes. A line with an image or a heading tag is not hashed,
 * as in Markdown; what the rule never removes (headings, steps, tables, code)
 * it never removes from converted HTML either.
 */
import {wordsOf} from './scan.js'

const htmlBlockStart = /^ {0,3}<(?:[A-Za-z][\w-]*|\/[A-Za-z]|!--)/
const fence = /^ {0,3}(`{3,}|~{3,})/
const quoteMarkers = /^(?: {0,3}> ?)+/
const heading = /^ {0,3}#{1,6}(?:[ \t]|$)/
const orderedItem = /^ {0,3}\d{1,9}[.)](?:[ \t]|$)/
const bulletMarker = /^ {0,3}[-+*][ \t]+(?:\[[ xX]\][ \t]+)?/
const indentedCode = /^(?: {4}|\t)/
const indentedTag = /^[ \t]+<(?:[A-Za-z][\w-]*|\/[A-Za-z])/
const htmlNotCandidate = /<(?:img|h[1-6]|pre|code|td|th)\b/i
const tag = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g
const linkTarget = /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g
const entity = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi
const bareUrl = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi
const digits = /\d+/g

/** The key of a line's plain text (see the module comment); empty when it has no words. */
export function blockKey(text: string): string {
  // The guards skip a regular expression where it cannot match: most lines have no URL or digit.
  const words = wordsOf((text.includes('://') ? text.replace(bareUrl, ' ') : text).toLowerCase()).join(' ')
  return hasDigit.test(words) ? words.replace(digits, '0') : words
}

const hasDigit = /\d/

/** How many words a key has. */
export function keyWords(key: string): number {
  if (key === '') return 0
  let count = 1
  for (let index = 0; index < key.length; index++) if (key.charCodeAt(index) === 32) count++
  return count
}

/**
 * A 53-bit hash of a key (cyrb53, public domain: two 32-bit multiplicative
 * hashes mixed together), exact as a JavaScript number and in JSON. With a
 * corpus of a million distinct lines the chance that any content line shares
 * the hash of one of a few hundred recurring ones is about 10⁻⁷.
 */
export function hashKey(key: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** One candidate line of a source: its index in `lines`, and its key. */
export interface SourceBlock {
  line: number
  key: string
}

/**
 * The candidate lines of a body (`bodyStart` is its first line after the
 * frontmatter) with a key of at least `minWords` words, in order.
 */
export function sourceBlocks(lines: readonly string[], bodyStart: number, minWords: number): SourceBlock[] {
  const blocks: SourceBlock[] = []
  let inHtmlBlock = false
  let fenceMarker: string | undefined
  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index]!
    if (fenceMarker !== undefined) {
      // CommonMark: a closing fence uses the opening's character, at least as many of them.
      if (line.trimStart().startsWith(fenceMarker) && line.trim().replaceAll(fenceMarker[0]!, '') === '') fenceMarker = undefined
      continue
    }
    if (line.trim() === '') {
      inHtmlBlock = false
      continue
    }
    const opening = inHtmlBlock ? null : fence.exec(line)
    if (opening) {
      fenceMarker = opening[1]!
      continue
    }
    if (!inHtmlBlock && (htmlBlockStart.test(line) || indentedTag.test(line))) inHtmlBlock = true
    const key = inHtmlBlock ? htmlLineKeyOf(line) : candidateKeyOf(line)
    if (key !== undefined && keyWords(key) >= minWords) blocks.push({line: index, key})
  }
  return blocks
}

/** The distinct hashes of a body's candidate lines, sorted: what the scan keeps for the corpus pass. */
export function sourceBlockHashes(lines: readonly string[], bodyStart: number, minWords: number): number[] {
  const hashes = new Set<number>()
  for (const block of sourceBlocks(lines, bodyStart, minWords)) hashes.add(hashKey(block.key))
  return [...hashes].sort((a, b) => a - b)
}

/**
 * A line's key, remembered: the scan keys every line of every file, and a
 * corpus repeats its lines (republished copies, site chrome), so each key is
 * worked out once per distinct line (a bounded memo; both functions are pure).
 */
function remembered(key: (line: string) => string | undefined): (line: string) => string | undefined {
  const known = new Map<string, string | null>()
  return (line) => {
    const found = known.get(line)
    if (found !== undefined) return found ?? undefined
    const value = key(line)
    if (known.size >= maxRemembered) known.clear()
    known.set(line, value ?? null)
    return value
  }
}

const maxRemembered = 50_000
const candidateKeyOf = remembered(candidateKey)
const htmlLineKeyOf = remembered(htmlLineKey)

/** The key of one source line, or undefined when the line is never removed as a recurring block. */
function candidateKey(line: string): string | undefined {
  if (indentedCode.test(line) || line.includes('![')) return undefined
  const unquoted = line.includes('>') ? line.replace(quoteMarkers, '') : line
  if (heading.test(unquoted) || orderedItem.test(unquoted) || unquoted.trimStart().startsWith('|')) return undefined
  let text = unquoted.replace(bulletMarker, '')
  // Each replacement only where its text can be: the scan runs on every line of every file.
  if (text.includes('<')) text = text.replace(tag, ' ')
  if (text.includes('](')) text = text.replace(linkTarget, ' ')
  if (text.includes('&')) text = text.replace(entity, ' ')
  return blockKey(text)
}

/** The key of a line of HTML: its text, tags and references set aside; undefined for a line the rule never removes. */
function htmlLineKey(line: string): string | undefined {
  if (htmlNotCandidate.test(line)) return undefined
  let text = line.replace(tag, ' ')
  if (text.includes('&')) text = text.replace(entity, ' ')
  return blockKey(text)
}
