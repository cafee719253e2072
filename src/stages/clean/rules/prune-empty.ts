/**
 * Housekeeping after the rules: drop paragraphs, list items, lists and block
 * quotes that have nothing left in them, and trim the white space that removed
 * inline nodes leave at a paragraph's edges. Not recorded as a change: the
 * rule that emptied the block already was.
 */
import type {Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {isBlank} from '../util.js'

export default function remarkPruneEmpty() {
  return function (tree: Root) {
    visit(tree, 'paragraph', (paragraph) => {
      while (paragraph.children.length > 0 && paragraph.children[0]!.type === 'break') paragraph.children.shift()
      while (paragraph.children.length > 0 && paragraph.children.at(-1)!.type === 'break') paragraph.children.pop()
      const first = paragraph.children[0]
      const last = paragraph.children.at(-1)
      if (first?.type === 'text') first.value = first.value.trimStart()
      if (last?.type === 'text') last.value = last.value.trimEnd()
    })
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return
      const empty =
        node.type === 'paragraph' ? isBlank(node) : node.type === 'listItem' || node.type === 'list' || node.type === 'blockquote' ? hasNoContent(node) : false
      if (!empty) return
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

function hasNoContent(node: {children: unknown[]}): boolean {
  return node.children.every((child) => isBlank(child as never) || ('children' in (child as object) && hasNoContent(child as never)))
}
