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

const parserFor = (tables: boolean) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmContent, {tables}).freeze()
const parser = parserFor(true)
const parserWithoutTables = parserFor(false)
const fragmentParser = unified().use(remarkParse).use(remarkGfmContent, {tables: true}).freeze()

/**
 * A GFM table needs a delimiter row (`| --- |`, `--- | :--:`, or a lone
 * aligned cell `-:`). Every pipe in a delimiter row has a cell (`:?-+:?`) on
 * at least one side, and a row without pipes has an alignment colon (else it
 * would be a setext underline or a thematic break). Text with neither cannot
 * hold a table, and the table extension, which tries every paragraph line as
 * a header row, costs ~15% of parsing: most articles are parsed without it,
 * to the same tree (a property test proves it).
 */
const possibleDelimiterRow = /\|[ \t]*:?-|-:?[ \t]*\||:-|-:/

export function parseMarkdown(text: string): Root {
  return (possibleDelimiterRow.test(text) ? parser : parserWithoutTables).parse(text)
}

/**
 * Markdown fixset wrote itself (a fix set's body, a block), which has no
 * frontmatter: parsed without remark-frontmatter, since a body that opens
 * with a thematic break (`---`, a clipper's rule under its header) would
 * start a frontmatter fence that never closes, and then no list after it
 * parses (micromark-extension-frontmatter#5): every list would come back as
 * paragraphs of escaped `1\.` lines.
 */
export function parseFragment(text: string): Root {
  return fragmentParser.parse(text)
}
