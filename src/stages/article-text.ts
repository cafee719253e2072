/**
 * How much article text a body holds: its words outside links, images and
 * code (the opening title heading and frontmatter excluded). Headings count:
 * a README made of headings is still text.
 *
 * A body that cleaning brought below `minArticleWords`, keeping less than a
 * quarter of its words, was chrome: a clipped site footer ("Copyright
 * 1999-2025 by Refsnes Data. All Rights Reserved." under the clipper's
 * excerpt), a page that kept only its title, a promo card and a comment
 * form. A body that was short to begin with ("Press Enter now.") is short,
 * not chrome, and stays.
 *
 * Addresses are not prose: a URL, or a path remnant of one that a truncated
 * clip left (`com/environment-variables`), counts no words. A slash alone
 * (`and/or`, `TCP/IP`) does not make a token an address; a slash with a dot,
 * dash, underscore or query mark beside it does.
 */
import type {Nodes, RootContent} from 'mdast'
import {wordsOf} from './scan.js'

export const minArticleWords = 10

/** Whether a body cleaned from `before` words down to `after` was only chrome. */
export function isChromeOnly(after: number, before: number): boolean {
  return after < minArticleWords && after * 4 < before
}

/**
 * The body's words of article text; with `enough`, counting stops once it
 * reaches that many (the answer is then at least `enough`): whether a body
 * is short needs only its first few words, and every rendered body is asked.
 */
export function articleWordCount(body: readonly RootContent[], enough = Infinity): number {
  let count = 0
  const walk = (node: Nodes): void => {
    if (count >= enough) return
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'image' || node.type === 'imageReference' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return
    if (node.type === 'text') count += wordsOf(withoutAddresses(node.value)).length
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  for (const node of body) walk(node)
  return count
}

const url = /\S+:\/\/\S+/g
const pathRemnant = /\S*\/\S*/g
const addressMark = /[.\-_=?#]/

function withoutAddresses(text: string): string {
  return text.replace(url, ' ').replace(pathRemnant, (token) => (addressMark.test(token.replace(/[.,;:!?)]+$/, '')) ? ' ' : token))
}
