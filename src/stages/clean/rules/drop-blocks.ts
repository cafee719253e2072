/**
 * Rules from the `dropBlocks` table (`affiliate-disclaimer`): a block quote or
 * paragraph whose text starts with a match goes as a whole, with the lines
 * that belong to it ("If you click on a link and make a purchase…"). The
 * first rule in the table that matches names the removal. A block's text has
 * a space between its parts (`blockText`): a quote of `## Excerpt` and a
 * paragraph reads "Excerpt W3Schools…".
 */
import type {Root} from 'mdast'
import {SKIP} from '../../../walk.js'
import type {VFile} from 'vfile'
import {defaultConfig, type PatternRule} from '../../../config.js'
import {blockText, compilePatterns, firstMatch, recordRemoval, visitBlocks} from '../util.js'

export interface DropBlocksOptions {
  /** Default: the configuration's `dropBlocks`. */
  rules?: readonly PatternRule[]
}

export default function remarkDropBlocks(options: DropBlocksOptions = {}) {
  const rules = compilePatterns(options.rules ?? defaultConfig.dropBlocks)
  return function (tree: Root, file: VFile) {
    // One walk for the whole table: each block's text is computed once.
    visitBlocks(tree, (node, index, parent) => {
      if ((node.type !== 'blockquote' && node.type !== 'paragraph') || !parent || index === undefined) return
      const text = blockText(node)
      const rule = firstMatch(rules, text)
      if (!rule) return
      recordRemoval(file, node, rule.ruleId)
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}
