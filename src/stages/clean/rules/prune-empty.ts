/**
 * Housekeeping after the rules: drop paragraphs, list items, lists and block
 * quotes that have nothing left in them, and trim the white space that removed
 * inline nodes leave at a paragraph's edges. Not recorded as a change: the
 * rule that emptied the block already was.
 */
import type {Paragraph, Root} from 'mdast'
import {SKIP} from '../../../walk.js'
import {isBlank, visitBlocks} from '../util.js'

export default function remarkPruneEmpty() {
  return function (tree: Root) {
    visitBlocks(tree, (node, index, parent) => {
      if (node.type === 'paragraph') trimEdges(node)
      if (!parent || index === undefined) return
      const empty =
        node.type === 'paragraph' ? isBlank(node) : node.type === 'listItem' || node.type === 'list' || node.type === 'blockquote' ? hasNoContent(node) : false
      if (!empty) return
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

/** Drops leading and trailing white space and breaks, over as many nodes as removals left. */
function trimEdges(paragraph: Paragraph): void {
  const children = paragraph.children
  while (children.length > 0 && isBlank(children[0]!)) children.shift()
  while (children.length > 0 && isBlank(children.at(-1)!)) children.pop()
  const first = children[0]
  const last = children.at(-1)
  if (first?.type === 'text') first.value = first.value.trimStart()
  if (last?.type === 'text') last.value = last.value.trimEnd()
}

function hasNoContent(node: {children: unknown[]}): boolean {
  return node.children.every((child) => isBlank(child as never) || ('children' in (child as object) && hasNoContent(child as never)))
}
