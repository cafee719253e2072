/**
 * Rule `debris-line`: remove lines left over from page widgets, such as the
 * `Close` button of an image carousel, whether they stand as their own
 * paragraph or as the last line of one.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {removeNodes} from '../util.js'
import {visit} from 'unist-util-visit'

export interface StripDebrisLinesOptions {
  /** Whole-line texts to remove (compared after trimming). */
  lines: readonly string[]
}

export default function remarkStripDebrisLines(options: StripDebrisLinesOptions) {
  const debris = new Set(options.lines)
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'debris-line', (node) => node.type === 'paragraph' && debris.has(toString(node).trim()))
    // `![shot](…)\nClose`: the debris is the paragraph's last line.
    visit(tree, 'paragraph', (node) => {
      const last = node.children.at(-1)
      if (last?.type !== 'text') return
      const lines = last.value.split('\n')
      const tail = lines.at(-1)!.trim()
      if (lines.length < 2 || !debris.has(tail)) return
      last.value = lines.slice(0, -1).join('\n').trimEnd()
      const line = last.position ? last.position.start.line + lines.length - 1 : null
      recordChange(file, {ruleId: 'debris-line', action: 'removed', startLine: line, endLine: line, bytes: Buffer.byteLength(tail)})
    })
  }
}
