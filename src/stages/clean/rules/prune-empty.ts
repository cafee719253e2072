/**
 * Rule `empty-block`: after removals, drop paragraphs, list items and lists
 * that have nothing left in them, and trim the white space that removed
 * inline nodes leave at a paragraph's edges.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {isBlank, removeNodes} from '../util.js'

export default function remarkPruneEmpty() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'paragraph', (paragraph) => {
      while (paragraph.children.length > 0 && paragraph.children[0]!.type === 'break') paragraph.children.shift()
      while (paragraph.children.length > 0 && paragraph.children.at(-1)!.type === 'break') paragraph.children.pop()
      const first = paragraph.children[0]
      const last = paragraph.children.at(-1)
      if (first?.type === 'text') first.value = first.value.trimStart()
      if (last?.type === 'text') last.value = last.value.trimEnd()
    })
    removeNodes(tree, file, 'empty-block', (node) => {
      if (node.type === 'paragraph') return isBlank(node)
      if (node.type === 'listItem' || node.type === 'list' || node.type === 'blockquote') return hasNoContent(node)
      return false
    })
  }
}

function hasNoContent(node: {children: unknown[]}): boolean {
  return node.children.every((child) => isBlank(child as never) || ('children' in (child as object) && hasNoContent(child as never)))
}
