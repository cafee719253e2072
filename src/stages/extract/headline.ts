/**
 * A second headline: scraped copies often print the page's (re)written title
 * heading and, right after it, the article's own title heading with the intro
 * under it:
 *
 *     ## Struggling with a Forgotten iCloud Login? Discover These 6 Remedies
 *     ## Forgot iCloud Password: How to Recover/Reset iCloud Password
 *     Apple ID is…
 *     ## Part 1. What Is the iCloud Password
 *
 * The second heading is a title too, not an item holding the intro. It is one
 * when it follows the title heading with nothing but page furniture between
 * (breadcrumbs, a logo), at a title's level
 * (`#` or `##`), is not numbered (`Top 11 Free PDF Editors` counts, it does
 * not number) nor a section's name (FAQ, conclusion,
 * background), and shares a distinctive word with the title heading or the
 * frontmatter title. It stays in the Markdown; only the outline skips it.
 *
 * A clipper draws a thematic break under its header (the page's title, its
 * address, its excerpt) and the page follows: a heading after such a break
 * is the page's own title only when it restates the title heading (the same
 * words, `# Go For Loops` under `# Go For Loops`, or the title less a site
 * segment set off by a separator, `# Arrays` under `# Arrays - Site`); a
 * heading that only shares words with it (`## Local Environment Setup` under
 * `# Go - Environment Setup`, `## Assignment Operators` under
 * `# Go Assignment Operators`) is the first section.
 */
import type {Heading, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isBackgroundTitle, isConclusionTitle, isFaqTitle, readLabel} from './labels.js'
import {isLinkOnlyBlock} from './link-only.js'
import {restates} from '../title.js'

const genericWords = new Set(
  'the and for with your you how what why when this that from are can its into not but all our has have will was were who which more most best top new get use using fix fixes ways way guide tips step steps easy quick ultimate complete updated full free'.split(
    ' '
  )
)
const minWords = 3
const maxFurnitureWords = 5
/** `Top 11 Free PDF Editor` counts what the article lists; `Top 1: LetsView` numbers an item (it has a delimiter). */
const countsThings = /^top \d+\s+\p{L}/iu

/**
 * The index of the second headline in the blocks after the title heading, or
 * -1. Only page furniture may stand between them: breadcrumbs and labels of a
 * few words, logos and link lists.
 */
export function secondHeadlineIndex(body: readonly RootContent[], titles: TitlesToCompare): number {
  const index = body.findIndex((node) => node.type === 'heading')
  if (index === -1 || !body.slice(0, index).every((node) => isFurniture(node) || node.type === 'thematicBreak')) return -1
  if (body.slice(0, index).some((node) => node.type === 'thematicBreak') && !titlesOf(titles).some((title) => title !== null && restates(toString(body[index]!), title))) return -1
  return isSecondHeadline(body[index], titles) ? index : -1
}

/** The titles a heading is compared with, or a function giving them: read only when a heading gets that far (the frontmatter's title needs a YAML parse). */
export type TitlesToCompare = ReadonlyArray<string | null> | (() => ReadonlyArray<string | null>)

function titlesOf(titles: TitlesToCompare): ReadonlyArray<string | null> {
  return typeof titles === 'function' ? titles() : titles
}

function isFurniture(node: RootContent): boolean {
  if (isLinkOnlyBlock(node) || node.type === 'html') return true
  // A logo is an image paragraph with no words; a breadcrumb or label has a few.
  return node.type === 'paragraph' && toString(node).trim().split(/\s+/).length <= maxFurnitureWords
}

/** Whether `next`, the first heading after the title heading, is a second headline. */
export function isSecondHeadline(next: RootContent | undefined, titles: TitlesToCompare): next is Heading {
  if (next?.type !== 'heading' || next.depth > 2) return false
  const text = toString(next).replace(/\s+/g, ' ').trim()
  if (text.split(' ').length < minWords || (readLabel(text).number !== null && !countsThings.test(text))) return false
  if (isFaqTitle(text) || isConclusionTitle(text) || isBackgroundTitle(text)) return false
  const known = new Set(titlesOf(titles).flatMap((title) => stems(title ?? '')))
  return stems(text).some((stem) => known.has(stem))
}

/** Distinctive words cut to their first four letters, so `videos` meets `video` and `editing` meets `edit`. */
function stems(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return words.filter((word) => (word.length >= 3 || /^\d{2,}$/.test(word)) && !genericWords.has(word)).map((word) => word.slice(0, 4))
}
