/**
 * Rule `glued-emphasis`: repair bold and italic glued to their neighbours.
 *
 * Scrapers drop the spaces around emphasis: `Launch**iPhone Settings** ,`
 * becomes `Launch **iPhone Settings**,`. A word glued before or after the
 * emphasis gets a space; a space before punctuation that follows emphasis, a
 * link or code is removed.
 */
import type {Parent, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from '../../../walk.js'
import {recordChange} from '../../../diagnostics.js'

// A word, or a comma/semicolon/colon that lost its space (`Section,**Apps**`).
const wordEnd = /[\p{L}\p{N},;:]$/u
const wordStart = /^[\p{L}\p{N}]/u
const spaceBeforePunctuation = /^[ \t]+(?=[,.;:!?)](?:\s|$))/

export default function remarkRepairGluedEmphasis() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node) => {
      if (!('children' in node)) return
      const children = (node as Parent).children as PhrasingContent[]
      children.forEach((child, index) => {
        if (child.type !== 'strong' && child.type !== 'emphasis' && child.type !== 'link' && child.type !== 'inlineCode') return
        const previous = children[index - 1]
        const next = children[index + 1]
        const emphasis = child.type === 'strong' || child.type === 'emphasis'
        let repaired = false
        if (emphasis && previous?.type === 'text' && wordEnd.test(previous.value)) {
          previous.value += ' '
          repaired = true
        }
        if (next?.type === 'text' && spaceBeforePunctuation.test(next.value)) {
          next.value = next.value.replace(spaceBeforePunctuation, '')
          repaired = true
        } else if (emphasis && next?.type === 'text' && wordStart.test(next.value)) {
          next.value = ' ' + next.value
          repaired = true
        }
        if (repaired) {
          const line = child.position?.start.line ?? null
          recordChange(file, {ruleId: 'glued-emphasis', action: 'repaired', startLine: line, endLine: line, bytes: 0})
        }
      })
    })
  }
}
