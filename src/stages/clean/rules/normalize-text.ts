/**
 * Rule `text-repair`: characters that scraping leaves in text.
 * No-break spaces become spaces; zero-width characters, bidirectional controls
 * (U+202A–202E, U+2066–2069, U+200E/200F, U+061C, which reorder what a reader
 * sees) and control characters (other than tab and line feed) go; line and
 * paragraph separators (U+2028/2029) become spaces; a space before a comma,
 * full stop or other punctuation that ends a phrase goes (`storage .` →
 * `storage.`). Image alt text gets the same, and URLs lose every such
 * character (`unsafe-url` has already removed them before its check; this
 * catches URLs that rules made after it).
 */
import type {Root} from 'mdast'
import {visit} from '../../../walk.js'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {urlWithoutInvisibles, withoutInvisibleControls} from '../../plain-text.js'

// eslint-disable-next-line no-control-regex
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const noBreakSpace = /[\u00A0\u202F\u2007]/g
const spaceBeforePunctuation = /(?<=[\p{L}\p{N})\]"'’”])[ \t]+(?=[,.;:!?](?:\s|$))/gu

const repairText = (value: string) => withoutInvisibleControls(value.replace(invisible, '')).replace(noBreakSpace, ' ')

export default function remarkNormalizeText() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node) => {
      let changed = false
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
        let value = repairText(node.value)
        if (node.type === 'text') value = value.replace(spaceBeforePunctuation, '')
        changed = value !== node.value
        node.value = value
      } else if (node.type === 'image' || node.type === 'link' || node.type === 'definition') {
        const url = urlWithoutInvisibles(node.url)
        const alt = node.type === 'image' && node.alt ? repairText(node.alt) : undefined
        changed = url !== node.url || (alt !== undefined && alt !== (node as {alt?: string | null}).alt)
        node.url = url
        if (node.type === 'image' && alt !== undefined) node.alt = alt
      } else {
        return
      }
      if (changed) {
        const line = node.position?.start.line ?? null
        recordChange(file, {ruleId: 'text-repair', action: 'repaired', startLine: line, endLine: line, bytes: 0})
      }
    })
  }
}
