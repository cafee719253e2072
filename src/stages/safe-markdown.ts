/**
 * The emit stage's check on Markdown it did not make itself: the cleaning
 * rules already removed HTML and unsafe URLs, but a render result can also
 * come from a cache entry, which anyone who can write the cache folder can
 * change. So each Markdown string of a fix set (and its body) that could hold
 * HTML or a script URL is parsed again; when it does, the same rules
 * (raw HTML dropped, its text kept; `escaped-html`, `unsafe-url`, then `empty-block`'s tidying) run on it
 * and it is serialised again.
 * Anything else comes back byte for byte.
 *
 * Only a string with an unescaped `<`, a character reference, or a link
 * destination starting `javascript:`, `vbscript:` or `data:` (also with an
 * escaped colon) can hold either, so only those are parsed: raw HTML starts
 * with `<` (`\<` is text; an http(s) or email autolink, which most unescaped
 * `<` in the corpus open, is safe), and a destination can spell a script
 * scheme only with those letters, a reference or as a `<…>` destination
 * (a bare destination holds no spaces or control characters).
 */
import type {Nodes, Root} from 'mdast'
import {VFile} from 'vfile'
import {childrenToMarkdown} from '../markdown.js'
import {visit, EXIT, SKIP} from '../walk.js'
import remarkDropEscapedTags from './clean/rules/drop-escaped-tags.js'
import {closingTag} from './clean/util.js'
import remarkDropUnsafeUrls, {isSafeUrl} from './clean/rules/drop-unsafe-urls.js'
import remarkPruneEmpty from './clean/rules/prune-empty.js'
import {parseFragment} from './parse.js'
import {stripMarkup} from './plain-text.js'

/**
 * A `<` not escaped by a backslash (an odd run of them) and not opening an
 * http(s) or email autolink; a character reference other than the space and
 * tab the serialiser writes at a paragraph's edges; or a link destination
 * (`](` or a definition's `]:`) that starts with a script or data scheme.
 */
const mayBeUnsafe = /(?:^|[^\\])(?:\\\\)*<(?!https?:\/\/|mailto:|[\w.+-]+@)|&(?!#x20;|#x9;)(?:#|[a-z\d]+;)|\](?:\(|:)\s*(?:[a-z]*script|data)\\?:/i

/** `markdown` without HTML and unsafe URLs, and the rules' warnings (none when it was safe, and then it is unchanged). */
export function safeMarkdown(markdown: string): {value: string; warnings: string[]} {
  if (!mayBeUnsafe.test(markdown)) return {value: markdown, warnings: []}
  const tree = parseFragment(markdown)
  if (!holdsUnsafe(tree)) return {value: markdown, warnings: []}
  const file = new VFile({value: markdown})
  dropHtml(tree, file)
  remarkDropEscapedTags()(tree, file)
  remarkDropUnsafeUrls()(tree, file)
  remarkPruneEmpty()(tree)
  return {value: childrenToMarkdown(tree.children), warnings: file.messages.map((message) => message.reason)}
}

function holdsUnsafe(tree: Root): boolean {
  let unsafe = false
  visit(tree, (node: Nodes) => {
    if (
      node.type === 'html' ||
      (node.type === 'text' && node.value.includes('<') && stripMarkup(node.value, 'pre').tags.length > 0) ||
      ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url))
    ) {
      unsafe = true
      return EXIT
    }
    return undefined
  })
  return unsafe
}

/**
 * Raw HTML in Markdown fixset did not make goes, its text kept: unlike the
 * clean stage, which converts a source's HTML to content, a changed entry
 * gains no images or links from it.
 */
function dropHtml(tree: Root, file: VFile): void {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return
    // A closing tag alone (`</script>` after inline `<script>…`) holds no text.
    const {value, tags} = closingTag(node) ? {value: '', tags: [closingTag(node)!]} : stripMarkup(node.value, 'normal')
    if (tags.length > 0) file.message(`HTML ${[...new Set(tags)].map((tag) => `\`<${tag}>\``).join(', ')} dropped (its text is kept)`)
    if (value.trim() === '') parent.children.splice(index, 1)
    else parent.children.splice(index, 1, {type: 'text', value})
    return [SKIP, index]
  })
}
