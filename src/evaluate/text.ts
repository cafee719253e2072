/**
 * Text comparisons of the gold measure (`fixset eval --gold`): plain text of
 * inline Markdown, title tokens without numbering, token Jaccard, and
 * letters-and-digits keys, so that glued markup (`Click**Uninstall**`) and
 * repaired spacing never decide a match.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const parser = unified().use(remarkParse).freeze()

/**
 * Block syntax counts only at the start of a line: parsed after this
 * character (a zero-width space, which is neither a letter nor a digit), a
 * title such as `1. Intro` or `# Intro` stays the text it is instead of
 * becoming a list or a heading, whose markers would vanish.
 */
const inlineGuard = '\u200b'

/**
 * The plain text of inline Markdown (a title, a step, a question): emphasis,
 * code marks, HTML and link targets gone, link texts kept, images left out
 * (their alt text is not prose). Escapes (`1\.`) are resolved by the parser.
 */
export function plainText(markdown: string): string {
  const tree = parser.parse(inlineGuard + markdown.replace(/\s*\n\s*/g, ' ')) as Root
  return toString(tree, {includeImageAlt: false, includeHtml: false}).replace(inlineGuard, '')
}

/** Letters and digits only, lower-cased: the key that `keep`, `junk` and step starts are compared by. */
export function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Words (runs of letters and digits), lower-cased. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

const numberWords = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const numberWord = new Set(numberWords)
const numbering = new Set(['fix', 'method', 'step', 'way', 'solution', 'option', 'tip', 'part'])
const roman = /^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/

/** A token that is a number: digits, a roman numeral, or a number word. */
function isNumberToken(token: string): boolean {
  return /^\d+$/.test(token) || roman.test(token) || numberWord.has(token) || ordinalWords.includes(token)
}

/**
 * The words of a title that say what it is about: markup gone, and numbering
 * gone: a numbering word followed by a number ("Fix 3", "Method Two",
 * "Part IV"), and any other number (digits, roman numerals, number words).
 * "Fix the driver" keeps "fix": only a numbering word with its number goes.
 */
export function titleTokens(title: string): string[] {
  const tokens = words(plainText(title))
  return tokens.filter((token, index) => {
    if (isNumberToken(token)) return false
    const next = tokens[index + 1]
    return !(numbering.has(token) && next !== undefined && isNumberToken(next))
  })
}

/** Token-set Jaccard similarity; two empty sets are unrelated (0), so bare "Fix 1" titles never match by accident. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a)
  const right = new Set(b)
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const token of left) if (right.has(token)) shared++
  return shared / (left.size + right.size - shared)
}

/** A title compared as a whole (fix set titles): plain text, letters and digits, words separated by one space. */
export function normalisedTitle(title: string): string {
  return words(plainText(title)).join(' ')
}

/**
 * One-to-one matching of two lists by a score: every pair scoring at least
 * `threshold`, taken greedily by best score, then by gold order, then by
 * output order. Returns the output index matched to each gold index (or -1).
 */
export function matchOneToOne<G, O>(gold: readonly G[], output: readonly O[], score: (g: G, o: O) => number, threshold: number): number[] {
  const pairs: Array<{g: number; o: number; score: number}> = []
  gold.forEach((g, gi) =>
    output.forEach((o, oi) => {
      const value = score(g, o)
      if (value >= threshold) pairs.push({g: gi, o: oi, score: value})
    })
  )
  pairs.sort((a, b) => b.score - a.score || a.g - b.g || a.o - b.o)
  const matched = gold.map(() => -1)
  const taken = new Set<number>()
  for (const pair of pairs) {
    if (matched[pair.g] !== -1 || taken.has(pair.o)) continue
    matched[pair.g] = pair.o
    taken.add(pair.o)
  }
  return matched
}
