/**
 * Stage 3, parse: the stripped source becomes an mdast tree.
 *
 * The whole text (frontmatter included) goes through remark-parse with
 * remark-frontmatter, so every node's position is a real line and column of
 * the source file; GFM tables, strikethrough and task lists are on because
 * they are content (`gfm.ts`).
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import remarkGfmContent from './gfm.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmContent).freeze()

export function parseMarkdown(text: string): Root {
  return parser.parse(text)
}
