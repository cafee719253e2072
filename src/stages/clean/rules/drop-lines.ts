/**
 * Rules from the `dropLines` table (`debris-line`, `photo-credit`, `byline`,
 * `promo-line`, …): a line of a paragraph whose whole text matches a pattern is
 * page chrome and goes, whether it is the paragraph's only line or one of
 * several (`![shot](…)` followed by `Lifewire / Jane Doe` on the next line).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defaultConfig, type PatternRule} from '../../../config.js'
import {recordChange} from '../../../diagnostics.js'
import {compilePatterns, firstMatch, joinLines, lineText, splitLines, visitBlocks} from '../util.js'

export interface DropLinesOptions {
  /** Default: the configuration's `dropLines`. */
  rules?: readonly PatternRule[]
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
        const rule = text === '' ? undefined : firstMatch(rules, text)
        if (!rule) return true
        const at = startLine === undefined ? null : startLine + index
        recordChange(file, {ruleId: rule.ruleId, action: 'removed', startLine: at, endLine: at, bytes: Buffer.byteLength(text)})
        return false
      })
      if (kept.length !== lines.length) paragraph.children = joinLines(kept.filter((line) => lineText(line) !== '' || line.some((node) => node.type === 'image')))
    })
  }
}
