/**
 * Code whose lines are elements. Some highlighters and exporters print each
 * line of a listing as an element of its own: one `<code>` per line inside a
 * `<pre>`, or a `<span class="line">` per line whose newlines a scraper or a
 * minifier removed. A browser may still show them on separate lines (by the
 * page's CSS), but as text they are inline elements, and the listing's lines
 * would be glued into one (`cd /tmpls -la`). The newline each line stood on is
 * put back between them.
 */
import type {Element, Root as HastRoot} from 'hast'
import {toText} from 'hast-util-to-text'

/** Highlighters' class for one line of code: `line` (Shiki, Chroma), `ec-line` (Expressive Code), `code-line`, `cm-line` (CodeMirror). */
const lineClass = /^(?:[a-z]+-)?line$/i

/**
 * The same `<pre>` (or code fragment) with a newline between consecutive line
 * elements that no newline separates, or the node itself when there are none.
 * Line elements are two or more `<code>` children of a `<pre>`, or two or more
 * children with a line class, in the `<pre>`, its `<code>` or a fragment.
 */
export function withCodeLineBreaks<T extends Element | HastRoot>(node: T): T {
  const lines = lineElementsOf(node)
  if (lines !== undefined) return {...node, children: separated(node.children, lines)}
  const inner = soleCodeChild(node)
  if (inner === undefined) return node
  const innerLines = lineElementsOf(inner)
  if (innerLines === undefined) return node
  return {...node, children: node.children.map((child) => (child === inner ? {...inner, children: separated(inner.children, innerLines)} : child))}
}

/** The children of `parent` that are lines, when two or more are. */
function lineElementsOf(parent: Element | HastRoot): ReadonlySet<unknown> | undefined {
  const isPre = parent.type === 'element' && parent.tagName === 'pre'
  const lines = parent.children.filter(
    (child): child is Element => child.type === 'element' && ((isPre && child.tagName === 'code') || hasLineClass(child))
  )
  return lines.length >= 2 ? new Set(lines) : undefined
}

/** The one `<code>` a `<pre>` (or fragment) holds, with nothing else but white space around it. */
function soleCodeChild(node: Element | HastRoot): Element | undefined {
  const content = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '')
  const [only] = content
  return content.length === 1 && only?.type === 'element' && only.tagName === 'code' ? only : undefined
}

function hasLineClass(element: Element): boolean {
  const classes = element.properties['className']
  return Array.isArray(classes) && classes.some((name) => lineClass.test(String(name)))
}

/** `children` with a newline text before every line that follows a line, unless a newline already stands between them. */
function separated<C extends HastRoot['children'][number]>(children: readonly C[], lines: ReadonlySet<unknown>): C[] {
  const result: C[] = []
  let afterLine = false
  let newlineSinceLine = false
  for (const child of children) {
    const text = textOf(child)
    if (lines.has(child)) {
      if (afterLine && !newlineSinceLine) result.push({type: 'text', value: '\n'} as C)
      afterLine = true
      newlineSinceLine = text.endsWith('\n')
    } else if (text.includes('\n')) newlineSinceLine = true
    result.push(child)
  }
  return result
}

/** A node's text as code shows it; a `<br>`, which toText reads as nothing on its own, is the line end it is. */
function textOf(node: HastRoot['children'][number]): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.tagName === 'br' ? '\n' : toText(node, {whitespace: 'pre'})
}

/** Puts the line breaks back in every `<pre>` of a tree, in place: the scan reads a fragment's text as the conversion does. */
export function breakCodeLines(tree: HastRoot | Element): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'pre') child.children = withCodeLineBreaks(child).children
    else breakCodeLines(child)
  }
}
