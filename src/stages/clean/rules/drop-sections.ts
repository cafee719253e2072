/**
 * Rules from the `dropSections` table (`similar-products`): a section whose
 * heading matches goes, up to the next heading of the same or a higher level.
 */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {defaultConfig, type PatternRule} from '../../../config.js'
import {recordChange} from '../../../diagnostics.js'
import {compilePatterns} from '../util.js'

export interface DropSectionsOptions {
  /** Default: the configuration's `dropSections`. */
  rules?: readonly PatternRule[]
}

export default function remarkDropSections(options: DropSectionsOptions = {}) {
  const rules = compilePatterns(options.rules ?? defaultConfig.dropSections)
  return function (tree: Root, file: VFile) {
    const children = tree.children
    for (let index = 0; index < children.length; index++) {
      const heading = children[index]!
      if (heading.type !== 'heading') continue
      const rule = rules.find((candidate) => candidate.regex.test(toString(heading).trim()))
      if (!rule) continue
      let end = index + 1
      while (end < children.length && !(children[end]!.type === 'heading' && (children[end] as {depth: number}).depth <= heading.depth)) end++
      const removed: RootContent[] = children.splice(index, end - index)
      recordChange(file, {
        ruleId: rule.ruleId,
        action: 'removed',
        startLine: heading.position?.start.line ?? null,
        endLine: removed.at(-1)!.position?.end.line ?? null,
        bytes: Buffer.byteLength(removed.map((node) => toString(node)).join('\n'))
      })
      index--
    }
  }
}
