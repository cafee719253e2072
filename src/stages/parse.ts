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
import {hasFrontmatterBlock} from './frontmatter-block.js'
import remarkGfmContent from './gfm.js'

const parserFor = (tables: boolean, frontmatter: boolean) => {
  const parser = unified().use(remarkParse)
  return (frontmatter ? parser.use(remarkFrontmatter, ['yaml']) : parser).use(remarkGfmContent, {tables}).freeze()
}
const parsers = {
  frontmatter: {tables: parserFor(true, true), noTables: parserFor(false, true)},
  none: {tables: parserFor(true, false), noTables: parserFor(false, false)}
}

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

/**
 * A source file. Its frontmatter is parsed only when it is one (`---` on line
 * 1 and a closing `---` line, `frontmatter.ts`): an opening `---` that no line
 * closes is a thematic break, and remark-frontmatter, given one, leaves every
 * list after it unparsed (micromark-extension-frontmatter#5).
 */
export function parseMarkdown(text: string): Root {
  return parse(text, hasFrontmatterBlock(text) ? parsers.frontmatter : parsers.none)
}

/**
 * Markdown fixset wrote itself (a fix set's body, a block), which has no
 * frontmatter: a body may open with a clipper's `---` rule and hold another
 * one below, which remark-frontmatter would read as a YAML block.
 */
export function parseFragment(text: string): Root {
  return parse(text, parsers.none)
}

function parse(text: string, choice: (typeof parsers)['none']): Root {
  return (possibleDelimiterRow.test(text) ? choice.tables : choice.noTables).parse(text)
}
