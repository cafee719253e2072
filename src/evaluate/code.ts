/**
 * Code in the evaluation (`fixset eval`): leftover families are counted on
 * the text outside code, since a Razor snippet's `<div>` or a Go program's
 * output line `3` is the article's content, not page chrome; and apart, the
 * output code blocks that hold an HTML tag although their text was not code
 * in the source (markup of the page turned into a code block).
 *
 * Code is found by parsing the Markdown (remark-parse): fenced and indented
 * code blocks and inline code; in a source, also the text of raw HTML
 * `<pre>` and `<code>` elements.
 */
import type {Root} from 'mdast'
import type {Element, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {lettersAndDigits} from './text.js'

const parser = unified().use(remarkParse).freeze()

/** Code nodes of a Markdown document's tree. */
const codeTypes = new Set(['code', 'inlineCode'])

/**
 * What stands for a line of code: neither a letter, a digit, a space nor
 * Markdown syntax, so `[`x`](…)` does not become an empty link `[](…)` and a
 * line of code matches no line pattern.
 */
const codeMark = '\ufffc'

/**
 * The Markdown with its code blocks and inline code each line replaced by
 * one mark; line breaks inside them stay, so that what is a line (`^…$`)
 * outside code stays one.
 */
export function textOutsideCode(markdown: string): string {
  if (!mayHoldCode(markdown)) return markdown
  const ranges: Array<[number, number]> = []
  visit(parser.parse(markdown) as Root, (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (!codeTypes.has(node.type) || start === undefined || end === undefined) return
    ranges.push([start, end])
    return 'skip'
  })
  let text = ''
  let at = 0
  for (const [start, end] of ranges) {
    text += markdown.slice(at, start) + markdown.slice(start, end).replace(/[^\n]+/g, codeMark)
    at = end
  }
  return text + markdown.slice(at)
}

/**
 * Whether Markdown can hold code at all: code needs a backtick, a tilde
 * fence or an indented line. Most strings of a fix set's JSON (titles,
 * steps) have none, and parsing each of them would make `fixset eval` on the
 * shared corpus ten times slower.
 */
function mayHoldCode(markdown: string): boolean {
  return markdown.includes('`') || markdown.includes('~~~') || markdown.includes('    ') || markdown.includes('\t')
}

/**
 * The strings of a fix set's JSON outside code: a `code` block's value is
 * left out, and every other string (Markdown) loses its code as above.
 */
export function jsonStringsOutsideCode(value: unknown): string[] {
  if (typeof value === 'string') return [textOutsideCode(value)]
  if (Array.isArray(value)) return value.flatMap(jsonStringsOutsideCode)
  if (value && typeof value === 'object') {
    if ((value as {type?: unknown}).type === 'code') return []
    return Object.values(value).flatMap(jsonStringsOutsideCode)
  }
  return []
}

/** The values of a Markdown document's code blocks (fenced or indented). */
export function codeBlocks(markdown: string): string[] {
  const values: string[] = []
  visit(parser.parse(markdown) as Root, 'code', (node) => {
    values.push(node.value)
  })
  return values
}

/** Whether text parsed as HTML holds an element (`<div>`, `<span class="x">`); `a < b` holds none. */
export function holdsHtmlTag(text: string): boolean {
  let found = false
  visit(fromHtml(text, {fragment: true}), 'element', () => {
    found = true
    return false
  })
  return found
}

/**
 * Every code text of a source, as letters and digits: its code blocks and
 * inline code, and the text of `<pre>` / `<code>` elements in its raw HTML.
 * A code block counts also as the text its markup shows, since a clipper may
 * have kept a highlighter's `<span>`s or escaped `<` as `&lt;` in it, which
 * the cleaning rightly resolves.
 */
export function sourceCodeKeys(source: string): string[] {
  const keys: string[] = []
  visit(parser.parse(source) as Root, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode') keys.push(lettersAndDigits(node.value), lettersAndDigits(toText(fromHtml(node.value, {fragment: true}))))
    else if (node.type === 'html') keys.push(...htmlCodeTexts(fromHtml(node.value, {fragment: true})).map(lettersAndDigits))
  })
  return keys.filter((key) => key !== '')
}

function htmlCodeTexts(tree: HastRoot): string[] {
  const texts: string[] = []
  visit(tree, 'element', (element: Element) => {
    if (element.tagName !== 'pre' && element.tagName !== 'code') return
    texts.push(toText(element))
    return 'skip'
  })
  return texts
}

/**
 * The output's code blocks that hold an HTML tag whose text (letters and
 * digits) occurs in no code of the source: markup that was not code there.
 */
export function htmlCodeNotInSourceCode(markdown: string, source: string): string[] {
  const candidates = codeBlocks(markdown).filter(holdsHtmlTag)
  if (candidates.length === 0) return []
  const sourceKeys = sourceCodeKeys(source)
  return candidates.filter((code) => {
    const key = lettersAndDigits(code)
    return key !== '' && !sourceKeys.some((sourceKey) => sourceKey.includes(key))
  })
}
