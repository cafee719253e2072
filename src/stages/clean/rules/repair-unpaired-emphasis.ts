/**
 * Rule `unpaired-emphasis`: a heading whose bold or italic markers lost their
 * partner (`## **Video Error 3: Video Playback issues`, the closing `**`
 * dropped by the scraper) shows the markers as text, and they end up in the
 * fix's title. Markers left literal in a heading's text (a run of two `*` or
 * `_`, at a word's edge, that CommonMark did not pair) go; paired emphasis is
 * already a node and is not text, and an identifier such as `IRQL__X` or
 * `a**b` inside a word is left alone. A number italicised and glued to the
 * next word (`Step _2_Set your output format`, literal for CommonMark because
 * `_` does not open emphasis inside a word) becomes `Step 2 Set …`.
 */
import type {Heading, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {visit} from '../../../walk.js'

/** `**` or `__` opening a word (at the start or after a space) or closing one (at the end or before a space). */
const unpairedMarker = /(?:^|(?<=\s))(?:\*\*|__)(?=\S)|(?<=\S)(?:\*\*|__)(?=\s|$)/g
/** `_2_` glued to the word after it. */
const gluedNumber = /(?:^|(?<=\s))_(\d{1,3})_(?=[\p{L}\p{N}])/gu

export default function remarkRepairUnpairedEmphasis() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'heading', (heading: Heading) => {
      let removed = 0
      for (const child of heading.children) removed += repairText(child)
      if (removed > 0) recordChange(file, {ruleId: 'unpaired-emphasis', action: 'repaired', startLine: heading.position?.start.line ?? null, endLine: heading.position?.end.line ?? null, bytes: removed})
    })
  }
}

/** Repairs the markers of a text node; how many characters it changed (0 when none). */
function repairText(node: PhrasingContent): number {
  if (node.type !== 'text' || !(node.value.includes('**') || node.value.includes('_'))) return 0
  const value = node.value.replace(unpairedMarker, '').replace(gluedNumber, '$1 ')
  if (value === node.value) return 0
  const changed = Math.max(1, node.value.length - value.length)
  node.value = value
  return changed
}
