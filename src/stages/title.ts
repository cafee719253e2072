/**
 * Which title a fix set gets. Scraped copies often carry a frontmatter title
 * that belongs to another article (a bike's title over a game review), while
 * the body's own opening heading is usually the original title.
 *
 * A title *fits* its article when at least half of its significant words
 * (three letters or more, not a stop word) occur in the body or its opening
 * heading (republished copies reword the title a little; that is no mismatch),
 * and so do more than half of its *names* (`YouTube`, `FLV`, `iCloud`, `PS5`:
 * words with a capital after their first letter, or letters mixed with
 * digits), when it has any: generic words ("video", "windows", "without")
 * occur in any article of a site, the names of another article's subject do
 * not.
 * The rule, in order:
 * 1. the frontmatter title, when it fits;
 * 2. else the body's opening heading, when it has one (it is the article's own)
 *    and it is words, not a formula (`## \[Y_1 = -3 \`, a converter's garbage);
 * 3. else the frontmatter title, else the file name.
 * A frontmatter title that does not fit is reported (`title-mismatch`).
 *
 * The body's opening heading is sometimes the page's title, which a clipper
 * prints over the page (`# Implicit Context Managers - Alyssa Coghlan's
 * Python Notes`), and the page's own heading follows
 * (`# Implicit Context Managers`): that second heading is the body's own
 * opening heading when the first is it plus a segment that names the site or
 * its owner (`ownHeading`).
 */
import type {VFile} from 'vfile'
import {quote, warn} from '../diagnostics.js'
import {wordsOf} from './scan.js'

const stopWords = new Set(
  'the and for with your you how what why when this that from are can its into not but all our has have will was were who which more most best top new get use using fix fixes ways way guide tips step steps'.split(' ')
)

export function chooseTitle(
  frontmatterTitle: string | null,
  openingHeading: string | null,
  bodyWords: readonly string[],
  fallback: string,
  file: VFile,
  nextHeading: string | null = null
): string {
  const headingTitle = ownHeading(openingHeading, nextHeading)
  const articleWords = [...bodyWords, ...wordsOf((headingTitle ?? '').toLowerCase())]
  const frontmatterFits = frontmatterTitle !== null && fits(frontmatterTitle, articleWords)
  if (frontmatterTitle !== null && !frontmatterFits) {
    warn(
      file,
      `Frontmatter title ${quote(frontmatterTitle)} does not match the article's text` + (headingTitle ? `; using its heading ${quote(headingTitle)}` : ''),
      'title-mismatch',
      {start: {line: 1, column: 1}}
    )
  }
  if (frontmatterFits) return withoutNumbering(frontmatterTitle!)
  const heading = headingTitle !== null && !isFormula(headingTitle) ? headingTitle : null
  return withoutNumbering(heading ?? frontmatterTitle ?? headingTitle ?? fallback)
}

/**
 * The body's own opening heading: `next` (the page's heading after a
 * clipper's header, `scan.ts`) when the opening heading is its words plus a
 * segment before or after them, set off by a separator (`X - Site`,
 * `X | Site`, `Site: X`, `owner/x: X`), else the opening heading. A page
 * title is the page's heading with the site's name added; a heading that
 * only shares words with the one above it, or ends a sentence of it
 * (`Unveiling the Power of the Samsung Galaxy Fit` over `Samsung Galaxy
 * Fit`), is no such pair.
 */
export function ownHeading(opening: string | null, next: string | null): string | null {
  if (opening === null || next === null) return opening
  const outer = [...opening.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)]
  const inner = wordsOf(next.toLowerCase())
  if (inner.length < 2 || inner.length >= outer.length) return opening
  const matchesAt = (offset: number) => inner.every((word, index) => outer[offset + index]![0] === word)
  const setOff = (before: number) => separator.test(opening.slice(outer[before]!.index! + outer[before]![0].length, outer[before + 1]!.index!))
  const opens = matchesAt(0) && setOff(inner.length - 1)
  const closes = matchesAt(outer.length - inner.length) && setOff(outer.length - inner.length - 1)
  return opens || closes ? next : opening
}

/** What sets a site's name off a page's heading in its title: ` - `, ` | `, ` – `, ` · `, ` :: `, `: `, `/`. */
const separator = /[-|–—·:/»›]/

/** Whether `heading` restates `title`: the same words, or the page's own heading of which `title` is the page title (`ownHeading`). */
export function restates(heading: string, title: string): boolean {
  const words = wordsOf(heading.toLowerCase())
  const same = words.length > 0 && words.join(' ') === wordsOf(title.toLowerCase()).join(' ')
  return same || ownHeading(title, heading) === heading
}

/**
 * A LaTeX formula rather than words: it opens with `\[` or `[`, or holds a
 * command (`\frac`), and has an equals sign, a backslash or a caret.
 * `[Fixed] DXGI_ERROR_DEVICE_REMOVED` is words.
 */
export function isFormula(text: string): boolean {
  return /^\s*\\?\[|\\[a-z]{2,}/i.test(text) && /[=\\^]/.test(text)
}

/** A title is no list item: `1. How to …` → `How to …` (`10 Best Apps` keeps its number). */
export function withoutNumbering(title: string): string {
  return title.replace(/^\s*\d{1,3}\s*[.)]\s+(?=\S)/, '').trim() || title
}

/**
 * Whether at least half of the title's significant words occur in the body.
 * The body's words are looked up in the title's few, not the other way round:
 * no set of the whole body is built.
 */
export function fits(title: string, bodyWords: readonly string[]): boolean {
  const words = wordsOf(title.toLowerCase()).filter((word) => word.length >= 3 && !stopWords.has(word))
  if (words.length === 0) return true
  const names = [...new Set(namesOf(title))]
  const wanted = new Set([...words, ...names])
  const found = new Set(bodyWords.filter((word) => wanted.has(word)))
  if (names.length > 0 && names.filter((name) => found.has(name)).length * 2 <= names.length) return false
  return words.filter((word) => found.has(word)).length / words.length >= 0.5
}

/**
 * The title's names, lower-cased: `YouTube`, `FLV`, `iCloud` (a capital after
 * the first letter), `PS5`, `X1` (letters and digits). A capitalised word of
 * five letters or more (`[FIXED]`, `SOLVED`) is emphasis, not a name.
 */
export function namesOf(title: string): string[] {
  return wordsOf(title)
    .filter((word) => word.length >= 2 && !/^\p{Lu}{5,}$/u.test(word) && (/^.+\p{Lu}/u.test(word) || (/\p{L}/u.test(word) && /\d/.test(word))))
    .map((word) => word.toLowerCase())
}
