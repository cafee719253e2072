/**
 * Rule `repeated-block`: scraped pages repeat themselves (pull quotes, a
 * product card shown twice, a whole section pasted again). A paragraph, list
 * or block quote whose text (white space folded, case ignored) already
 * appeared earlier in the article goes, and so does a heading that repeats an
 * earlier one when nothing is left under it. Short blocks (under 40
 * characters: "Step 1", "Note:") may repeat legitimately and stay.
 *
 * Steps never go: an ordered list, or a paragraph that opens with a step
 * marker (`1)`, `Step 2:`), repeated is its section's own procedure (two
 * methods that both start "Open Device Manager"). Neither does a block of
 * another section's procedure: there a bullet list that reads as steps, or
 * a note between steps ("Type the following command and press Enter"), is
 * that procedure's own, not the template printing a block twice.
 */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {isBulletProcedure, stepMarkerOf} from '../../extract/procedure.js'
import {recordRemoval} from '../util.js'

const minLength = 40

export default function remarkDropRepeated() {
  return function (tree: Root, file: VFile) {
    /** The section (count of headings before it) of each text's first copy. */
    const seen = new Map<string, number>()
    let section = 0
    const children = tree.children
    const kept = children.filter((node, index) => {
      if (node.type === 'heading') section++
      if (node.type !== 'paragraph' && node.type !== 'list' && node.type !== 'blockquote') return true
      if (isStep(node)) return true
      const key = keyOf(node)
      if (key.length < minLength) return true
      const first = seen.get(key)
      if (first === undefined) {
        seen.set(key, section)
        return true
      }
      if (first !== section && inProcedure(children, index)) return true
      recordRemoval(file, node, 'repeated-block')
      return false
    })
    const headings = new Set<string>()
    tree.children = kept.filter((node, index) => {
      if (node.type !== 'heading') return true
      const key = keyOf(node)
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

function keyOf(node: RootContent): string {
  return toString(node).replace(/\s+/g, ' ').trim().toLowerCase()
}

/** An ordered list, or a paragraph that opens with a step marker. */
function isStep(node: RootContent): boolean {
  if (node.type === 'list') return node.ordered === true
  return node.type === 'paragraph' && stepMarkerOf(toString(node)) !== null
}

/** A bullet list that reads as a procedure, or a block between steps (screenshots around it do not count). */
function inProcedure(children: readonly RootContent[], index: number): boolean {
  const node = children[index]!
  if (node.type === 'list') return isBulletProcedure(node.children, null)
  return [-1, 1].every((direction) => {
    let at = index + direction
    while (at >= 0 && at < children.length && isImageOnly(children[at]!)) at += direction
    const neighbour = children[at]
    return neighbour !== undefined && (isStep(neighbour) || (neighbour.type === 'list' && isBulletProcedure(neighbour.children, null)))
  })
}

function isImageOnly(node: RootContent): boolean {
  return node.type === 'paragraph' && node.children.length > 0 && node.children.every((child) => child.type === 'image' || child.type === 'break' || (child.type === 'text' && child.value.trim() === ''))
}
