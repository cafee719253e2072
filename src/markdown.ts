/**
 * One place for Markdown serialisation, so the fix set's Markdown file, the
 * inline Markdown in its JSON, and idempotence checks all agree.
 */
import type {ListItem, Nodes, Root, RootContent} from 'mdast'
import {frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {defaultHandlers, toMarkdown, type Handle, type Options, type State} from 'mdast-util-to-markdown'
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

export interface SerializedBody {
  /** The whole body as one Markdown fragment, without a trailing newline. */
  markdown: string
  /**
   * The Markdown of one top-level block, or of one list item's content
   * (without its marker and indent), exactly as it stands in `markdown`.
   */
  partOf(node: RootContent | ListItem): string
}

/** Every handler the serialiser uses: the defaults, then the extensions' (GFM, frontmatter). */
const allHandlers: Record<string, Handle> = Object.assign({}, defaultHandlers, ...(markdownOptions.extensions ?? []).map((extension) => extension.handlers ?? {}))

/**
 * Serialises body blocks once and keeps the Markdown of each block and each
 * list item on the way, so the JSON's inline Markdown is cut from the same
 * serialisation as the Markdown file instead of serialising everything twice
 * (serialising costs as much as cleaning).
 *
 * Every handler is wrapped to record its result for the root's children; for
 * a list item, `state.containerFlow` records the item's content before the
 * list item handler indents it under its marker.
 */
export function serializeBody(children: RootContent[]): SerializedBody {
  const root: Root = {type: 'root', children}
  const parts = new Map<Nodes, string>()
  const record = (type: string, handler: Handle): Handle => {
    const wrapped: Handle = (node: Nodes, parent, state, info) => {
      const value = type === 'listItem' ? recordItem(node as ListItem, state, () => handler(node, parent, state, info)) : handler(node, parent, state, info)
      if (parent === root) parts.set(node, value)
      return value
    }
    // Handlers carry what the serialiser reads off them (`peek`, `attention`): keep it.
    return Object.assign(wrapped, handler)
  }
  const recordItem = (item: ListItem, state: State, run: () => string): string => {
    const containerFlow = state.containerFlow
    state.containerFlow = function (this: State, parent, info) {
      const value = containerFlow.call(this, parent, info)
      if (parent === item) parts.set(item, value)
      return value
    }
    try {
      return run()
    } finally {
      state.containerFlow = containerFlow
    }
  }
  const handlers = Object.fromEntries(Object.entries(allHandlers).map(([type, handler]) => [type, record(type, handler)]))
  const markdown = toMarkdown(root, {...markdownOptions, handlers}).trimEnd()
  return {
    markdown,
    partOf(node) {
      const part = parts.get(node)
      if (part === undefined) throw new Error(`serializeBody: no ${node.type} of this body was serialised`)
      return part.trimEnd()
    }
  }
}
