/**
 * One place for Markdown serialisation, so the fix set's Markdown file, the
 * inline Markdown in its JSON, and idempotence checks all agree.
 */
import type {Nodes, Root} from 'mdast'
import {frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {toMarkdown, type Options} from 'mdast-util-to-markdown'
import {gfmContentToMarkdown} from './stages/gfm.js'

export const markdownOptions: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  extensions: [...gfmContentToMarkdown, frontmatterToMarkdown(['yaml'])]
}

/** Serialises a node (or a whole document) to Markdown, without a trailing newline. */
export function nodeToMarkdown(node: Nodes): string {
  return toMarkdown(node, markdownOptions).trimEnd()
}

/** Serialises the children of a container as one Markdown fragment. */
export function childrenToMarkdown(children: Root['children']): string {
  return nodeToMarkdown({type: 'root', children})
}
