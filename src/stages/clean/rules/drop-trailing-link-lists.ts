/**
 * Rule `tag-links`: what ends an article after its last word is often a list
 * of links and nothing else: the post's tags (`* [Drivers](…)`, `* [NVIDIA](…)`),
 * "more from the site" lists (as a list, or as paragraphs of one link each),
 * or a "Tags: [a](…), [b](…)" line. Such a block
 * goes when it is the last block of the article; a heading left with nothing
 * under it at the end ("More from ZDNET") goes with it, and so does the label
 * that announced the links: a short bold line (`**Related links**`) or one
 * sentence ending in a colon ("…then check out these articles:"), which
 * introduced nothing else. Repeated while the
 * article ends this way (tags, then related stories). Links inside the text,
 * and link lists followed by more text, stay.
 */
import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {isBlank, isLinkList, recordRemoval, soleLink} from '../util.js'

export default function remarkDropTrailingLinkLists() {
  return function (tree: Root, file: VFile) {
    for (;;) {
      const run = trailingLinks(tree)
      if (run.length === 0) return
      for (const index of run) {
        recordRemoval(file, tree.children[index]!, 'tag-links')
        tree.children.splice(index, 1)
      }
      const above = tree.children[lastContent(tree)]
      if (above !== undefined && (above.type === 'heading' || isListLabel(above))) {
        recordRemoval(file, above, 'tag-links')
        tree.children.splice(lastContent(tree), 1)
      }
    }
  }
}

/**
 * The indexes, last first, of the link blocks that end the article: a list of
 * links or a tag paragraph, or a run of two or more paragraphs that are each
 * one link (a "related stories" box scraped without its list markup).
 */
function trailingLinks(tree: Root): number[] {
  const last = lastContent(tree)
  const node = tree.children[last]
  if (!node) return []
  if (isLinkList(node) || isTagParagraph(node)) return [last]
  const run: number[] = []
  for (let index = last; index >= 0; index--) {
    const block = tree.children[index]!
    if (isBlank(block)) continue
    if (soleLink(block) === undefined) break
    run.push(index)
  }
  return run.length >= 2 ? run : []
}

/**
 * The index of the article's last block with something in it: the blocks
 * earlier rules emptied (an ad slot's paragraph) are pruned only at the end.
 */
function lastContent(tree: Root): number {
  let index = tree.children.length - 1
  while (index >= 0 && isBlank(tree.children[index]!)) index--
  return index
}

/** Text that may sit between tag links: separators, or a label before the first. */
const separator = /^[\s,;|·•/]*$/u
const label = /^\s*(?:tags?|tagged|filed under|topics?|categories|related(?: topics)?)\s*:?\s*$/iu

/**
 * A paragraph of links after a "Tags:" label, with only separators between
 * them. Without the label a paragraph of links may be the article's own
 * ("[Windows](…) [Mac](…)" download links), so it stays.
 */
function isTagParagraph(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false
  const [first, ...rest] = node.children
  if (first?.type !== 'text' || !label.test(first.value)) return false
  return rest.some((child) => child.type === 'link') && rest.every((child) => child.type === 'link' || (child.type === 'text' && separator.test(child.value)))
}

/** Words a label may have: a bold label is a few words, a lead-in one sentence. */
const maxBoldLabelWords = 6
const maxLeadInWords = 40

/** A paragraph that only announced the list after it: all bold and short, or one sentence ending in a colon. */
function isListLabel(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false
  const text = toString(node).replace(/\s+/g, ' ').trim()
  const words = text.split(' ').length
  const bold = node.children.filter((child) => !isBlank(child)).every((child) => child.type === 'strong')
  if (bold) return words <= maxBoldLabelWords
  return text.endsWith(':') && words <= maxLeadInWords && !/[.!?]\s+\S/u.test(text)
}
