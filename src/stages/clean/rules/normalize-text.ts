/**
 * Rule `text-repair`: characters that scraping leaves in text.
 * No-break spaces become spaces; zero-width characters and control characters
 * (other than tab and line feed) go; a space before a comma, full stop or other
 * punctuation that ends a phrase goes (`storage .` → `storage.`).
 */
import type {Root} from 'mdast'
import {visit} from '../../../walk.js'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'

// eslint-disable-next-line no-control-regex
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const noBreakSpace = /[\u00A0\u202F\u2007]/g
const spaceBeforePunctuation = /(?<=[\p{L}\p{N})\]"'’”])[ \t]+(?=[,.;:!?](?:\s|$))/gu

export default function remarkNormalizeText() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node) => {
      if (node.type !== 'text' && node.type !== 'inlineCode' && node.type !== 'code') return
      let value = node.value.replace(invisible, '').replace(noBreakSpace, ' ')
      if (node.type === 'text') value = value.replace(spaceBeforePunctuation, '')
      if (value !== node.value) {
        node.value = value
        const line = node.position?.start.line ?? null
        recordChange(file, {ruleId: 'text-repair', action: 'repaired', startLine: line, endLine: line, bytes: 0})
      }
    })
  }
}
