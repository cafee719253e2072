/**
 * Rule `html-to-markdown`: HTML in a body is content, converted to mdast.
 *
 * Scraped and exported articles (WordPress exports, web clippings) carry
 * their text as raw HTML: block HTML (`<div><p>…</p><h2>…</h2></div>`),
 * inline HTML in a paragraph (`<b>x</b>`, `<a href>`), highlighter markup in
 * code, and HTML indented by a tab, which CommonMark reads as a code block.
 * Each goes through hast (hast-util-from-html) and hast-util-to-mdast, so
 * headings, paragraphs, lists, links, images, tables and code become the
 * same mdast a Markdown source gives, with entities decoded. Non-content
 * elements (scripts, styles, forms, navigation, frames, tracking pixels, ad
 * slots; `stages/html.ts`) go; a YouTube player among them is kept as a
 * video (`file.data.htmlVideos`). A fragment that is only a list of links
 * (a "related posts" farm) goes. A tag that is no HTML element
 * (`<ProductCode>`, `<User>`) alone is a placeholder in prose: it stays, as
 * text. Nothing of type `html` is left: fixset emits no raw HTML.
 *
 * The known ad families (`adsense`, `tracking-pixel`, `also-read`) run
 * before this rule and keep their own rule ids in the tally.
 */
import type {Element, ElementContent, Root as HastRoot, RootContent as HastRootContent} from 'hast'
import {defaultHandlers, toMdast, type Handle, type State} from 'hast-util-to-mdast'
import {phrasing} from 'hast-util-phrasing'
import {toText} from 'hast-util-to-text'
import {htmlTagNames} from 'html-tag-names'
import type {Code, Html, Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {defaultConfig} from '../../../config.js'
import {recordChange} from '../../../diagnostics.js'
import {minArticleWords} from '../../article-text.js'
import {wordsOf} from '../../scan.js'
import {SKIP, visit} from '../../../walk.js'
import {isLinkList, onlyStandardElements, parseFragment, removeNonContent, type HtmlContentOptions} from '../../html.js'
import {unwrapSelfAnchors} from '../../html-anchors.js'
import {withCodeLineBreaks} from '../../html-code-lines.js'
import {htmlRuns, type HtmlRun} from '../../html-runs.js'
import type {Video} from '../../videos.js'
import {recordRemoval} from '../util.js'

declare module 'vfile' {
  interface DataMap {
    /** YouTube players found in HTML the clean stage converted, with the line they stood on. */
    htmlVideos: Array<Video & {line: number}>
  }
}

declare module 'mdast' {
  interface Data {
    /**
     * Made from HTML by this rule: the node's position is the whole HTML
     * block's, so what a removal of it takes is its own text, not the block
     * (`recordRemoval`).
     */
    convertedFromHtml?: boolean
  }
}

export type HtmlToMarkdownOptions = HtmlContentOptions

const phrasingParents = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])
const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'break', 'footnoteReference', 'html'])
const markupLanguages = new Set(['html', 'htm', 'xml', 'xhtml', 'svg', 'markup', 'vue', 'jsx', 'tsx', 'svelte', 'razor', 'cshtml', 'aspx', 'php'])
const knownTags = new Set(htmlTagNames)

export default function remarkHtmlToMarkdown(options: Partial<HtmlToMarkdownOptions> = {}) {
  const settings: HtmlContentOptions = {adsenseClasses: options.adsenseClasses ?? defaultConfig.adsenseClasses}
  return function (tree: Root, file: VFile) {
    const htmlBodied = containsHtml(tree) || indentedHtmlCarriesArticle(tree, file)
    const flowHtml: Array<{node: Html; parent: Parent}> = []
    const inline: Array<{node: Parent; parent: Parent | undefined}> = []
    const inlineParents = new Set<Parent>()
    // Each phrasing parent's own parent, so one that turns out to hold blocks can be replaced by them.
    const parents = new Map<Nodes, Parent>()
    visit(tree, (node, index, parent) => {
      if (parent && phrasingParents.has(node.type)) parents.set(node as Nodes, parent)
      if (node.type === 'code' && parent && index !== undefined) {
        if (htmlBodied && isIndentedHtml(node, file)) {
          const html: Html = {type: 'html', value: node.value, position: node.position}
          parent.children[index] = html
          flowHtml.push({node: html, parent})
        } else {
          repairHighlighterMarkup(node, file)
          decodeEscapedCode(node, file)
        }
        return SKIP
      }
      if (node.type !== 'html' || !parent) return
      if (phrasingParents.has(parent.type)) {
        if (!inlineParents.has(parent)) inline.push({node: parent, parent: parents.get(parent as Nodes)})
        inlineParents.add(parent)
      } else {
        flowHtml.push({node, parent})
      }
    })
    // Deepest phrasing parents first (a walk finds parents before children), so an outer one holds converted inner ones.
    for (const {node, parent} of inline.reverse()) convertPhrasingParent(node, parent, file, settings)
    for (const run of htmlRuns(flowHtml, file)) {
      const index = run.parent.children.indexOf(run.first as never)
      if (index === -1) continue
      const blocks = convertFlow(run, file, settings)
      run.parent.children.splice(index, 1 + run.absorbed.length, ...(blocks as never[]))
    }
  }
}

/** Whether the tree holds any raw HTML (an HTML-bodied article), before conversion. */
function containsHtml(tree: Root): boolean {
  let found = false
  visit(tree, 'html', () => {
    found = true
    return false
  })
  return found
}

/**
 * Whether the article's text is in indented HTML: an export that indented
 * every line of its HTML body by a tab, with nothing around it but
 * shortcodes and a back-link line, holds no raw HTML CommonMark sees, only
 * indented code. Its indented HTML blocks (`isIndentedHtml`) then hold at
 * least `minArticleWords` words and more than twice the words of everything
 * else; an HTML example under a tutorial's prose does not.
 */
function indentedHtmlCarriesArticle(tree: Root, file: VFile): boolean {
  let htmlWords = 0
  visit(tree, 'code', (node) => {
    if (isIndentedHtml(node, file)) htmlWords += wordsOf(toText(parseFragment(node.value))).length
  })
  // Most bodies have no indented HTML at all: their words are not counted.
  if (htmlWords < minArticleWords) return false
  let otherWords = 0
  visit(tree, (node) => {
    if (node.type === 'code') return SKIP
    if (node.type === 'text' || node.type === 'inlineCode') otherWords += wordsOf(node.value).length
    return undefined
  })
  return htmlWords > 2 * otherWords
}

/**
 * An indented code block (not fenced, no language) in an article that has
 * HTML blocks elsewhere (or whose text it carries), whose content is standard HTML elements with no
 * bare text around them: HTML indented by its exporter (a tab before each
 * `<p>`), not code. Components (`<EditForm>`) and code that merely contains
 * `<` are left alone.
 */
function isIndentedHtml(node: Code, file: VFile): boolean {
  if (node.lang || node.position?.start.offset === undefined) return false
  const opening = String(file.value).slice(node.position.start.offset, node.position.start.offset + 3)
  if (opening.startsWith('```') || opening.startsWith('~~~')) return false
  const tree = parseFragment(node.value)
  return onlyStandardElements(tree) && tree.children.every((child) => child.type !== 'text' || child.value.trim() === '')
}

/**
 * A code block holding syntax highlighter markup (`<span class="k">def</span>`,
 * as clippers save Chroma, Prism or highlight.js output, often with the
 * classes stripped: `<span>using</span> System;`, or Medium's
 * `<span data-selectable-paragraph>` lines joined by `<br>` with `<mark>`
 * highlights, URLs as links) becomes its plain code text, entities
 * decoded. It takes a span and no element a highlighter does not emit (an
 * example with a `<div>`, a `<button>` or a component tag is HTML code), and
 * never applies in a block labelled as markup (an HTML example is code).
 */
function repairHighlighterMarkup(node: Code, file: VFile): void {
  if ((node.lang && markupLanguages.has(node.lang.toLowerCase())) || !node.value.includes('<')) return
  const tree = parseFragment(node.value)
  const {spans, other} = countHighlighterElements(tree)
  if (other || spans === 0) return
  const value = toText(withCodeLineBreaks(tree), {whitespace: 'pre'})
  recordChange(file, {ruleId: 'html-to-markdown', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: Buffer.byteLength(node.value) - Buffer.byteLength(value)})
  node.value = value
}

/**
 * A code block that a clipper saved as escaped HTML text (`o =&gt; o.Id`,
 * `&lt;script&gt;`, `&amp;= Operator`) shows its readers the entities, not
 * the code: in Markdown a code block's text is literal. When the block holds
 * character references and not one raw `<` or `>` (so the escaping is the
 * page's, applied to all of it), the references are decoded. A block
 * labelled as markup is left alone: its entities may be the lesson.
 */
function decodeEscapedCode(node: Code, file: VFile): void {
  if ((node.lang && markupLanguages.has(node.lang.toLowerCase())) || /[<>]/.test(node.value) || !characterReference.test(node.value)) return
  const value = toText(parseFragment(node.value), {whitespace: 'pre'})
  if (value === node.value) return
  recordChange(file, {ruleId: 'html-to-markdown', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: Buffer.byteLength(node.value) - Buffer.byteLength(value)})
  node.value = value
}

const characterReference = /&(?:lt|gt|amp|quot|apos|nbsp|#\d+|#x[\da-f]+);/i

/** What highlighters wrap code in: token spans, search-hit marks, line breaks, an inner code element, linked URLs. */
const highlighterElements = new Set(['span', 'mark', 'br', 'code', 'a'])

function countHighlighterElements(tree: HastRoot): {spans: number; other: boolean} {
  let spans = 0
  const stack: Array<HastRoot | ElementContent> = [tree]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'element') {
      if (!highlighterElements.has(current.tagName)) return {spans, other: true}
      if (current.tagName === 'span') spans++
    }
    if (current.type === 'element' || current.type === 'root') stack.push(...(current.children as ElementContent[]))
  }
  return {spans, other: false}
}

/** Converts one block of HTML (or a run of blocks that hold one element, `html-runs.ts`) to flow content (possibly none). */
function convertFlow({node, tree: parsed}: HtmlRun, file: VFile, settings: HtmlContentOptions): RootContent[] {
  if (isPlaceholder(node.value)) return [{type: 'paragraph', children: [{type: 'text', value: node.value.trim()}], position: node.position}]
  const tree = prepareHast(parsed, node, file, settings)
  if (tree) keepTextLineBreaks(tree)
  const children = tree ? flowContent(hastToMdast(tree, [], node.position)) : []
  recordConversion(file, node, children)
  return children
}

/**
 * A line of bare text between the top-level tags of an HTML block is a line
 * of its own: an export's HTML body is the CMS's stored text (WordPress's
 * `post_content`), where a single newline is a line break the site shows
 * (wpautop) and a shortcode or a back-link sits on a line of its own
 * (`<a href="…">Source link</a>` then `[ad_2]`). HTML collapses that
 * newline to a space, gluing the lines into one; here it becomes a `<br>`
 * wherever it stands between phrasing content and is next to a line of
 * bare text, so each line stays one (and line rules can read it). A newline
 * that only separates tags (`<span>a</span>` / `<span>b</span>`) is layout,
 * and text inside an element (a `<p>` wrapped over two lines) is the page's.
 */
function keepTextLineBreaks(tree: HastRoot): void {
  const children: HastRootContent[] = []
  tree.children.forEach((child, index) => {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      children.push(child)
      return
    }
    const lines = child.value.split(lineBreak)
    lines.forEach((line, at) => {
      const nextToText = line !== '' || lines[at - 1] !== ''
      const after = line !== '' || at < lines.length - 1 || isLinePhrasing(tree.children[index + 1])
      if (at > 0) children.push(nextToText && after && isLinePhrasing(lastContent(children)) ? {type: 'element', tagName: 'br', properties: {}, children: []} : {type: 'text', value: ' '})
      if (line !== '') children.push({type: 'text', value: line})
    })
  })
  tree.children = children
}

/** A newline with the spaces around it (a run of them, a blank line among them, counts once). */
const lineBreak = /[ \t]*\n\s*/

/** Phrasing content a line can hold, other than a line break itself. */
function isLinePhrasing(node: HastRootContent | undefined): boolean {
  return node !== undefined && node.type !== 'comment' && node.type !== 'doctype' && phrasing(node) && !(node.type === 'element' && node.tagName === 'br')
}

function lastContent(nodes: readonly HastRootContent[]): HastRootContent | undefined {
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index]!
    if (node.type !== 'comment' && !(node.type === 'text' && node.value.trim() === '')) return node
  }
  return undefined
}

/**
 * Converts a paragraph (or heading, cell, link…) whose children mix Markdown
 * and inline HTML: the HTML tags and the Markdown nodes between them are read
 * as one fragment, each Markdown node standing in a slot (a `<span>`), so
 * `<a href="u">` … `</a>` around text becomes a link around that text.
 * A paragraph that turns out to hold blocks (`<div>` inside it) is replaced
 * by them.
 */
function convertPhrasingParent(node: Parent, parent: Parent | undefined, file: VFile, settings: HtmlContentOptions): void {
  const slots: RootContent[] = []
  let fragment = ''
  for (const child of node.children as RootContent[]) {
    if (child.type === 'html') fragment += isPlaceholder(child.value) ? escapeText(child.value) : child.value
    else if (child.type === 'text') fragment += escapeText(child.value)
    else fragment += `<span data-fixset-slot="${slots.push(child) - 1}">x</span>`
  }
  const html: Html = {type: 'html', value: fragment, position: node.position}
  const tree = prepareHast(parseFragment(fragment), html, file, settings)
  const converted = tree ? hastToMdast(tree, slots, node.position) : []
  recordChange(file, {ruleId: 'html-to-markdown', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: 0})
  const phrasing = converted.every((child) => phrasingTypes.has(child.type))
  if (phrasing || node.type !== 'paragraph' || !parent) {
    node.children = (phrasing ? converted : flattenToPhrasing(converted)) as never[]
    return
  }
  const index = parent.children.indexOf(node as never)
  parent.children.splice(index, 1, ...(flowContent(converted) as never[]))
}

/** Removes non-content (keeping its videos), link farms and code layout tables; undefined when nothing is left. */
function prepareHast(tree: HastRoot, node: Html, file: VFile, settings: HtmlContentOptions): HastRoot | undefined {
  const line = node.position?.start.line ?? 0
  for (const video of removeNonContent(tree, settings)) (file.data.htmlVideos ??= []).push({...video, line})
  unwrapSelfAnchors(tree)
  if (isLinkList(tree)) return undefined
  unwrapCodeTables(tree)
  return tree
}

/**
 * A table whose cells hold `<pre>` blocks is a layout, not data: a
 * highlighter's line-number table (Chroma's, Pygments') is replaced by its
 * code, without the column of line numbers; a page's prose-beside-code table
 * (Go by Example's) by its cells' content in reading order, prose and code.
 */
function unwrapCodeTables(tree: HastRoot): void {
  const stack: Array<HastRoot | Element> = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    parent.children = (parent.children as Array<HastRootContent & ElementContent>).flatMap((child): Array<HastRootContent & ElementContent> => {
      if (child.type !== 'element') return [child]
      if (child.tagName === 'table') {
        const code = preDescendants(child).filter((pre) => !/^[\d\s]*$/.test(toText(pre)))
        if (code.length > 0 && onlyLineNumbersBesides(child)) return code
        if (code.length > 0) return cellContents(child)
      }
      stack.push(child)
      return [child]
    })
  }
}

/** Whether every cell of a table that is not one of its `<pre>` blocks' holds only digits and white space (line numbers). */
function onlyLineNumbersBesides(table: Element): boolean {
  return cellsOf(table).every((cell) => preDescendants(cell).length > 0 || /^[\d\s]*$/.test(toText(cell)))
}

/** Every cell's children, row by row: a layout table read as the page reads. */
function cellContents(table: Element): Array<HastRootContent & ElementContent> {
  return cellsOf(table).flatMap((cell) => cell.children as Array<HastRootContent & ElementContent>)
}

function cellsOf(table: Element): Element[] {
  return outermost(table, new Set(['td', 'th']))
}

function preDescendants(element: Element): Element[] {
  return outermost(element, new Set(['pre']))
}

/** The descendants named one of `tagNames`, in document order, without looking inside them. */
function outermost(element: Element, tagNames: ReadonlySet<string>): Element[] {
  const found: Element[] = []
  const stack: ElementContent[] = [...element.children]
  while (stack.length > 0) {
    const node = stack.shift()!
    if (node.type !== 'element') continue
    if (tagNames.has(node.tagName)) found.push(node)
    else stack.unshift(...node.children)
  }
  return found
}

/** hast to mdast; slots give back their Markdown nodes; every new node gets the source position of the HTML. */
function hastToMdast(tree: HastRoot, slots: readonly RootContent[], position: Position | undefined): RootContent[] {
  // A slot is a span with a stand-in letter, so white space on both sides of it is kept as around a word.
  const span: Handle = (state: State, element: Element) => {
    const slot = element.properties['dataFixsetSlot']
    return (slot === undefined ? state.all(element) : slots[Number(slot)]) as never
  }
  const result = toMdast(tree, {handlers: {...handlers, span}, nodeHandlers: {comment: () => undefined}}) as Root
  const fromSlots = new Set<Nodes>(slots)
  visit(result, (node, index, parent) => {
    if (fromSlots.has(node as Nodes)) return SKIP
    if (node.type === 'html' && parent && index !== undefined) {
      // Defensive: hast-util-to-mdast makes html nodes only of comments, which are dropped above.
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (position) node.position = position
    else delete node.position
    node.data = {...node.data, convertedFromHtml: true}
    return undefined
  })
  return result.children
}

/**
 * An anchor without `href` (`<a id="top">`) is its text; an image without `src` is nothing; a `<pre>` whose
 * lines are elements keeps them on lines of their own (`html-code-lines.ts`).
 */
const handlers: Record<string, Handle> = {
  pre: (state, element) => defaultHandlers.pre(state, withCodeLineBreaks(element)) as never,
  a: (state, element) => (element.properties['href'] ? defaultHandlers.a(state, element) : state.all(element)) as never,
  img: (state, element) => (element.properties['src'] ? defaultHandlers.img(state, element) : undefined) as never
}

/** Flow content: runs of phrasing nodes at block level become paragraphs, empty ones go. */
function flowContent(nodes: readonly RootContent[]): RootContent[] {
  const flow: RootContent[] = []
  let run: PhrasingContent[] = []
  const close = () => {
    if (run.some((child) => child.type !== 'text' || child.value.trim() !== '')) flow.push({type: 'paragraph', children: run, position: run[0]!.position})
    run = []
  }
  for (const node of nodes) {
    if (phrasingTypes.has(node.type)) run.push(node as PhrasingContent)
    else {
      close()
      flow.push(node)
    }
  }
  close()
  return flow
}

/** Blocks where only phrasing can stand (a heading with a `<div>` in it): their phrasing content, one after another. */
function flattenToPhrasing(nodes: readonly RootContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = []
  for (const node of nodes) {
    if (phrasingTypes.has(node.type)) result.push(node as PhrasingContent)
    else if ('children' in node) {
      if (result.length > 0) result.push({type: 'text', value: ' '})
      result.push(...flattenToPhrasing(node.children as RootContent[]))
    } else if ('value' in node) result.push({type: 'text', value: node.value})
  }
  return result
}

function recordConversion(file: VFile, node: Html, children: readonly RootContent[]): void {
  if (children.length === 0) recordRemoval(file, node, 'html-to-markdown')
  else recordChange(file, {ruleId: 'html-to-markdown', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: 0})
}

/** Text as HTML character data: only `&` and `<` need escaping there. */
function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
}

/** `<Name>` or `<Name/>` alone, where Name is no HTML element: a placeholder in prose or a command. */
function isPlaceholder(value: string): boolean {
  const match = /^<([A-Za-z][\w.-]*)\s*\/?>$/.exec(value.trim())
  return match !== null && !knownTags.has(match[1]!.toLowerCase())
}
