/**
 * HTML elements that Markdown split into several blocks.
 *
 * CommonMark ends an HTML block at a blank line, so an element whose source
 * has blank lines inside it (a WordPress export's `<div class="entry">` over
 * paragraphs, a generated `<dl>` whose every `<dt>` and `<dd>` is set apart,
 * a `<table>` with a blank line between rows) reaches the clean stage as
 * several `html` nodes, each one an unbalanced fragment: `<dl>` `<dt>…</dt>`,
 * then `<dd>` `<p>…</p>`, then `</dd>` `</dl>`. Converted one by one, a term
 * and its definition become unrelated list items and an orphan end tag is
 * lost; a `<pre>` with a blank line in its code loses the rest of its code
 * to Markdown, as paragraphs and headings. Here a block that leaves an
 * element open is joined with the siblings after it, as the source wrote
 * them, until the element closes, so the HTML parser sees the element whole.
 */
import type {ElementContent, Root as HastRoot, RootContent as HastRootContent} from 'hast'
import type {Html, Parent, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {parseFragment} from './html.js'

/** One HTML block to convert, standing in its parent as `first`; `absorbed` are the siblings after it that it was joined with. */
export interface HtmlRun {
  first: Html
  /** `first`, or `first` joined with the absorbed siblings. */
  node: Html
  parent: Parent
  /** The fragment's hast, parsed once here for the converter. */
  tree: HastRoot
  absorbed: RootContent[]
}

/**
 * At most this many blocks are joined into one, and at most this many bytes:
 * each join parses the fragment again, so an unclosed `<div>` before a
 * thousand blocks costs a bounded amount, not the square of the file.
 */
const maxRunBlocks = 48
const maxRunBytes = 48 * 1024

/**
 * The flow HTML blocks of a tree as runs: a block that leaves an element
 * open takes in the siblings right after it, from the source text, until
 * its elements are closed. Only HTML blocks are taken in (nothing but blank
 * lines between): Markdown between HTML blocks is the article's, and stays
 * Markdown. Inside an open `<pre>`, though, the lines are code whatever they
 * look like (a blank line in it ended the HTML block, and the rest of the
 * code was read as paragraphs and headings), so everything up to its end tag
 * is taken in. A run that does not close within the bounds is not joined.
 */
export function htmlRuns(blocks: ReadonlyArray<{node: Html; parent: Parent}>, file: VFile): HtmlRun[] {
  const runs: HtmlRun[] = []
  const taken = new Set<RootContent>()
  const source = String(file.value)
  for (const {node, parent} of blocks) {
    if (taken.has(node)) continue
    const tree = parseFragment(node.value)
    const run = closingRun(node, parent, tree, source)
    for (const sibling of run?.absorbed ?? []) taken.add(sibling)
    runs.push(run ?? {first: node, node, parent, tree, absorbed: []})
  }
  return runs
}

/** `node` joined with the siblings that close what it leaves open; undefined when it leaves nothing open or they do not close it in bounds. */
function closingRun(node: Html, parent: Parent, tree: HastRoot, source: string): HtmlRun | undefined {
  let open = openElements(tree, node.value)
  if (open.length === 0) return undefined
  const at = parent.children.indexOf(node as never)
  const absorbed: RootContent[] = []
  let merged: Html = node
  let mergedTree = tree
  let parsed = true
  while (open.length > 0) {
    const next = parent.children[at + absorbed.length + 1]
    if (!next || absorbed.length + 1 >= maxRunBlocks || (next.type !== 'html' && !open.includes('pre'))) return undefined
    const joined = joinBlocks(node, next, source)
    if (!joined || joined.value.length > maxRunBytes) return undefined
    absorbed.push(next)
    const added = joined.value.slice(Math.max(0, merged.value.length - 1))
    merged = joined
    parsed = mayChangeOpen(open, added)
    if (!parsed) continue
    mergedTree = parseFragment(joined.value)
    open = openElements(mergedTree, joined.value)
  }
  return {first: node, node: merged, parent, tree: parsed ? mergedTree : parseFragment(merged.value), absorbed}
}

/**
 * Elements that only their own end tag, or an end tag of an element around
 * them, can close: no start tag closes them implicitly (as a `<p>` closes
 * an open `<p>`, an `<li>` an `<li>`, a `<td>` a `<td>`, or a block tag an
 * open `<svg>`), and none of them is a formatting element whose start tag
 * runs the adoption agency (`<a>`, `<nobr>`).
 */
const closedOnlyByEndTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'pre', 'search', 'section', 'summary', 'ul',
  'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
])

/**
 * Whether `added`, appended to a fragment that leaves `open` open, can
 * change what the fragment leaves open as far as a run cares: whether
 * anything stays open, and whether a `<pre>` does. When every open element
 * closes only by its own end tag or an outer one, that takes an end tag
 * naming one of them (or ending the document), or a new `<pre>`; without
 * one the fragment need not be parsed again, which keeps a long run from
 * costing the square of its length. A false alarm only costs a parse.
 */
function mayChangeOpen(open: readonly string[], added: string): boolean {
  if (!open.every((name) => closedOnlyByEndTags.has(name))) return true
  const lower = added.toLowerCase()
  if (lower.includes('<pre') || lower.includes('</body') || lower.includes('</html') || lower.includes('</template')) return true
  return open.some((name) => lower.includes(`</${name}`))
}

/** The source from the start of `first` to the end of `last`, as one block; undefined without offsets. */
function joinBlocks(first: Html, last: RootContent, source: string): Html | undefined {
  const start = first.position?.start
  const end = last.position?.end
  if (start?.offset === undefined || end?.offset === undefined) return undefined
  return {type: 'html', value: source.slice(start.offset, end.offset), position: {start, end}}
}

/** Elements that have no end tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * The elements a fragment ends inside, outermost first: along its last
 * elements (white space after them aside), each one not closed by its end
 * tag, which the HTML parser closed at the end of the fragment. An element
 * closed by its end tag ends with that tag in the source, at the end offset
 * the parser gives it.
 */
export function openElements(tree: HastRoot, value: string): string[] {
  const open: string[] = []
  let last = lastSignificant(tree.children)
  while (last?.type === 'element' && !voidElements.has(last.tagName)) {
    const end = last.position?.end.offset
    const endTag = `</${last.tagName}>`
    if (end === undefined || value.slice(end - endTag.length, end).toLowerCase() === endTag) break
    open.push(last.tagName)
    last = lastSignificant(last.children)
  }
  return open
}

function lastSignificant(children: ReadonlyArray<HastRootContent | ElementContent>): HastRootContent | ElementContent | undefined {
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!
    if (child.type === 'comment' || (child.type === 'text' && child.value.trim() === '')) continue
    return child
  }
  return undefined
}
