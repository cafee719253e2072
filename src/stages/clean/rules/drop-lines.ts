/**
 * Rules from the `dropLines` table (`debris-line`, `photo-credit`, `byline`,
 * `promo-line`, …): a line of a paragraph whose whole text matches a pattern is
 * page chrome and goes, whether it is the paragraph's only line or one of
 * several (`![shot](…)` followed by `Lifewire / Jane Doe` on the next line).
 */
import type {PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {defaultConfig, type LineRule} from '../../../config.js'
import {recordChange} from '../../../diagnostics.js'
import {compilePatterns, firstMatch, isLabel, joinLines, lineText, splitLines, unlinkedRules, visitBlocks} from '../util.js'

export interface DropLinesOptions {
  /** Default: the configuration's `dropLines`. */
  rules?: readonly LineRule[]
}

export default function remarkDropLines(options: DropLinesOptions = {}) {
  const rules = compilePatterns(options.rules ?? defaultConfig.dropLines)
  return function (tree: Root, file: VFile) {
    visitBlocks(tree, (paragraph) => {
      if (paragraph.type !== 'paragraph') return
      const lines = splitLines(paragraph.children)
      const startLine = paragraph.position?.start.line
      const kept = lines.filter((line, index) => {
        const text = lineText(line)
        const rule = text === '' ? undefined : firstMatch(isLinkUnderLabel(line) ? rules : unlinkedRules(rules), text)
        if (!rule) return true
        const at = startLine === undefined ? null : startLine + index
        recordChange(file, {ruleId: rule.ruleId, action: 'removed', startLine: at, endLine: at, bytes: Buffer.byteLength(text)})
        return false
      })
      if (kept.length !== lines.length) paragraph.children = joinLines(kept.filter((line) => lineText(line) !== '' || line.some((node) => node.type === 'image')))
    })
  }
}

/** Whether a line is a link under a short label (`**See also:** [story](…)`), as `LineRule.linked` asks. */
function isLinkUnderLabel(line: readonly PhrasingContent[]): boolean {
  return line.some(holdsLink) && isLabel(line.map(textOutsideLinks).join(''))
}

function holdsLink(node: PhrasingContent): boolean {
  return node.type === 'link' || node.type === 'linkReference' || ('children' in node && (node.children as PhrasingContent[]).some(holdsLink))
}

function textOutsideLinks(node: PhrasingContent): string {
  if (node.type === 'link' || node.type === 'linkReference') return ' '
  if ('children' in node) return (node.children as PhrasingContent[]).map(textOutsideLinks).join('')
  return 'value' in node ? node.value : ''
}

/**
 * The same rule for the `early` lines (CMS machinery), run right after the
 * HTML is converted. A plugin of its own: unified keeps one entry per
 * plugin, so using `remarkDropLines` twice would only reconfigure it.
 */
export function remarkDropEarlyLines(options: DropLinesOptions = {}) {
  return remarkDropLines({rules: options.rules ?? defaultConfig.dropLines.filter((rule) => rule.early)})
}
