/**
 * Rules from the `dropBlocks` table (`affiliate-disclaimer`): a block quote or
 * paragraph whose text starts with a match goes as a whole, with the lines
 * that belong to it ("If you click on a link and make a purchase…").
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {PatternRule} from '../../../config.js'
import {compilePatterns, removeNodes} from '../util.js'

export interface DropBlocksOptions {
  rules: readonly PatternRule[]
}

export default function remarkDropBlocks(options: DropBlocksOptions) {
  const rules = compilePatterns(options.rules)
  return function (tree: Root, file: VFile) {
    for (const rule of rules) {
      removeNodes(tree, file, rule.ruleId, (node) => {
        if (node.type !== 'blockquote' && node.type !== 'paragraph') return false
        return rule.regex.test(toString(node).replace(/\s+/g, ' ').trim())
      })
    }
  }
}
