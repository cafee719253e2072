/**
 * The parts of GitHub Flavored Markdown that carry content here: tables,
 * strikethrough and task lists, for parsing and serialising.
 *
 * Not remark-gfm as a whole: its autolink-literal extension (bare `www.` and
 * `https://` text becomes links) makes parsing ~40% slower, and bare URLs in
 * scraped prose are better left as the text they were (they are not linked in
 * the source either); footnotes do not occur in this kind of content.
 */
import type {Processor} from 'unified'
import {gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown, gfmTableToMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'

export interface GfmContentOptions {
  /** Parse tables (default: true); off where the text provably holds none (`parse.ts`). */
  tables?: boolean
}

/** A unified plugin adding tables, strikethrough and task lists to remark-parse. */
export default function remarkGfmContent(this: Processor, options: GfmContentOptions = {}): void {
  const tables = options.tables ?? true
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), gfmStrikethrough(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(...(tables ? [gfmTableFromMarkdown()] : []), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown())
}

/** The matching mdast-util-to-markdown extensions. */
export const gfmContentToMarkdown = [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmTaskListItemToMarkdown()]
