/**
 * Rule `toc-echo`: a table of contents whose links were lost in scraping: a
 * list of two or more items, each one short line that repeats a heading
 * further down the article (`- Overview`, `- Features`, `1. About Norton
 * Ghost`), numbering aside ("Part 1." in the list, "1." in the heading).
 * The headings carry the text; the list only echoes them. An item with more
 * than its line (a step's text, an image) is no entry, so steps stay.
 */
import type {Heading, ListItem, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordRemoval, visitBlocks} from '../util.js'
import {SKIP} from '../../../walk.js'

/** `Part 1.`, `Method 2:`, `3)`, `Fix 4 —`: the numbering a list and a heading may write differently. */
const enumerator = /^(?:(?:part|method|fix|way|solution|step|option|section)\s*)?(?:\d{1,2}|[ivx]{1,4})\s*[.:)—–-]?\s+/i

export default function remarkDropTocEchoes() {
  return function (tree: Root, file: VFile) {
    const headings = tree.children.map((node, index) => (node.type === 'heading' ? {index, key: entryKey(toString(node as Heading))} : undefined)).filter((entry) => entry !== undefined)
    if (headings.length < 2) return
    visitBlocks(tree, (node, index, parent) => {
      if (node.type !== 'list' || parent !== tree || index === undefined) return
      const later = new Set(headings.filter((heading) => heading.index > index).map((heading) => heading.key))
      if (node.children.length < 2 || !node.children.every((item) => echoes(item, later))) return SKIP
      recordRemoval(file, node, 'toc-echo')
      tree.children.splice(index, 1)
      headings.forEach((heading) => {
        if (heading.index > index) heading.index--
      })
      return [SKIP, index]
    })
  }
}

/** An item that is one short paragraph repeating a later heading, with nested entries of the same kind. */
function echoes(item: ListItem, headings: ReadonlySet<string>): boolean {
  const [paragraph, ...nested] = item.children as RootContent[]
  if (paragraph?.type !== 'paragraph' || paragraph.children.some((child) => child.type === 'image')) return false
  const key = entryKey(toString(paragraph))
  if (key === '' || !headings.has(key)) return false
  return nested.every((child) => child.type === 'list' && child.children.every((entry) => echoes(entry, headings)))
}

function entryKey(text: string): string {
  return text.trim().replace(enumerator, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
