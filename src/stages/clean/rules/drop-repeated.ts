/**
 * Rule `repeated-block`: scraped pages repeat themselves (pull quotes, a
 * product card shown twice, a whole section pasted again). A paragraph, list
 * or block quote whose text (white space folded, case ignored) already
 * appeared earlier in the article goes, and so does a heading that repeats an
 * earlier one when nothing is left under it. Short blocks (under 40
 * characters: "Step 1", "Note:") may repeat legitimately and stay, and so
 * do steps: an ordered list, or a paragraph that opens with a step marker
 * (`1)`, `Step 2:`), repeated in another section is that section's own
 * procedure (two methods that both start "Open Device Manager").
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordRemoval} from '../util.js'

const minLength = 40
const stepMarker = /^(?:step\s*\d{1,2}\s*[:.)\-–—]|\d{1,2}\s*[.)](?!\d))/

export default function remarkDropRepeated() {
  return function (tree: Root, file: VFile) {
    const seen = new Set<string>()
    const kept = tree.children.filter((node) => {
      if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'blockquote') return true
      if (node.type === 'list' && node.ordered) return true
      const key = toString(node).replace(/\s+/g, ' ').trim().toLowerCase()
      if (node.type === 'paragraph' && stepMarker.test(key)) return true
      if (key.length < minLength) return true
      if (!seen.has(key)) {
        seen.add(key)
        return true
      }
      recordRemoval(file, node, 'repeated-block')
      return false
    })
    const headings = new Set<string>()
    tree.children = kept.filter((node, index) => {
      if (node.type !== 'heading') return true
      const key = toString(node).replace(/\s+/g, ' ').trim().toLowerCase()
      const next = kept[index + 1]
      const empty = next === undefined || (next.type === 'heading' && next.depth <= node.depth)
      if (headings.has(key) && empty) {
        recordRemoval(file, node, 'repeated-block')
        return false
      }
      headings.add(key)
      return true
    })
  }
}
