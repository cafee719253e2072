/**
 * Rule `tag-links`: what ends an article after its last word is often a list
 * of links and nothing else: the post's tags (`* [Drivers](…)`, `* [NVIDIA](…)`),
 * "more from the site" lists, or a "Tags: [a](…), [b](…)" line. Such a block
 * goes when it is the last block of the article; a heading left with nothing
 * under it at the end ("More from ZDNET") goes with it. Repeated while the
 * article ends this way (tags, then related stories). Links inside the text,
 * and link lists followed by more text, stay.
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {isBlank, isLinkList, recordRemoval} from '../util.js'

export default function remarkDropTrailingLinkLists() {
  return function (tree: Root, file: VFile) {
    for (;;) {
      const index = lastContent(tree)
      const last = tree.children[index]
      if (!last || !(isLinkList(last) || isTagParagraph(last))) return
      recordRemoval(file, last, 'tag-links')
      tree.children.splice(index, 1)
      const before = lastContent(tree)
      const heading = tree.children[before]
      if (heading?.type === 'heading') {
        recordRemoval(file, heading, 'tag-links')
        tree.children.splice(before, 1)
      }
    }
  }
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

/** A paragraph of two or more links with only separators between them, or of links after a "Tags:" label. */
function isTagParagraph(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false
  const links = node.children.filter((child) => child.type === 'link')
  const labelled = node.children[0]?.type === 'text' && label.test(node.children[0].value)
  const rest = labelled ? node.children.slice(1) : node.children
  const onlyLinks = rest.every((child) => child.type === 'link' || (child.type === 'text' && separator.test(child.value)))
  return onlyLinks && links.length >= (labelled ? 1 : 2)
}
