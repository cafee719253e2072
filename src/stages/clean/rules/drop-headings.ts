/**
 * Rules from the `dropHeadings` table (`promo-heading`, `byline-heading`): a
 * heading whose whole text matches is page chrome set as a heading inside
 * the article ("ZDNET Recommends" over a product card, "UPDATE: 2024/05/09 BY
 * CORBIN DAVENPORT"). Only the heading goes: what follows it is the article's
 * text, which the heading would otherwise title as a fix of its own.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {defaultConfig, type PatternRule} from '../../../config.js'
import {SKIP} from '../../../walk.js'
import {compilePatterns, firstMatch, recordRemoval, visitBlocks} from '../util.js'

export interface DropHeadingsOptions {
  /** Default: the configuration's `dropHeadings`. */
  rules?: readonly PatternRule[]
}

export default function remarkDropHeadings(options: DropHeadingsOptions = {}) {
  const rules = compilePatterns(options.rules ?? defaultConfig.dropHeadings)
  return function (tree: Root, file: VFile) {
    if (rules.length === 0) return
    visitBlocks(tree, (node, index, parent) => {
      if (node.type !== 'heading' || !parent || index === undefined) return
      const text = toString(node).replace(/\s+/g, ' ').trim()
      const rule = firstMatch(rules, text)
      if (!rule) return
      recordRemoval(file, node, rule.ruleId)
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}
