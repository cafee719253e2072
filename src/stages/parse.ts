/**
 * Stage 3, parse: the stripped source becomes an mdast tree.
 *
 * The whole text (frontmatter included) goes through remark-parse with
 * remark-frontmatter, so every node's position is a real line and column of
 * the source file; GFM is on because tables are content.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

export function parseMarkdown(text: string): Root {
  return parser.parse(text)
}
