/**
 * Rule `review-rating`: review pages put the product's score (`4.4`) on its
 * own line right under a heading; scraped, it is a lone number.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {joinLines, lineText, splitLines} from '../util.js'

const rating = /^(?:[0-4](?:\.\d)?|5(?:\.0)?)$/

export default function remarkDropReviewRating() {
  return function (tree: Root, file: VFile) {
    tree.children.forEach((node, index) => {
      const previous = tree.children[index - 1]
      if (node.type !== 'paragraph' || previous?.type !== 'heading') return
      const [first, ...rest] = splitLines(node.children)
      if (!first || !rating.test(lineText(first))) return
      node.children = joinLines(rest)
      const line = node.position?.start.line ?? null
      recordChange(file, {ruleId: 'review-rating', action: 'removed', startLine: line, endLine: line, bytes: Buffer.byteLength(lineText(first))})
    })
  }
}
