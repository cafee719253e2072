/**
 * HTML inside Markdown bodies, read through hast: which elements are content
 * and which are not, and the text an HTML fragment contributes.
 *
 * Shared by the scan (the words an HTML-bodied article is signed by) and the
 * clean stage (`clean/rules/html-to-markdown.ts`, which turns the same HTML
 * into mdast), so both agree on what an HTML block holds. Non-content is
 * what a reader never sees as the article: scripts, styles, forms and their
 * controls, navigation, embedded frames and objects, tracking pixels and ad
 * slots. Everything else is content, whatever its tag.
 */
import type {Element, ElementContent, Root as HastRoot, RootContent as HastRootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {htmlTagNames} from 'html-tag-names'
import {youtubeVideo, type Video} from './videos.js'
import {breakCodeLines} from './html-code-lines.js'

/** Elements that are never article content (iframes are kept only as videos, by the caller). */
const nonContentTags = new Set([
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'title', 'base',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output',
  'nav', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'dialog'
])

const knownTags = new Set(htmlTagNames)

export interface HtmlContentOptions {
  /** `class` values of ad slots (`<ins class="adsbygoogle">`). */
  adsenseClasses: readonly string[]
}

/**
 * Whether a line opens an "Also read" link farm: its first element is a span
 * with one of `classes` (`<span class="atpl-alsoreadstyle">Also read:</span>`,
 * what the clean stage's `also-read` rule removes with the list after it).
 * The scan asks this of an HTML block's first line so it need not parse the
 * whole farm; the line recurs verbatim, so answers are memoised (bounded).
 */
export function opensAlsoRead(line: string, classes: readonly string[]): boolean {
  const known = alsoReadOpeners.get(line)
  if (known !== undefined) return known
  const first = parseFragment(line).children.find((child) => child.type === 'element')
  const opens = first !== undefined && first.tagName === 'span' && hasClass(first, classes)
  if (alsoReadOpeners.size >= maxMemo) alsoReadOpeners.clear()
  alsoReadOpeners.set(line, opens)
  return opens
}

const alsoReadOpeners = new Map<string, boolean>()

/** Whether an element is page machinery, not article content. */
export function isNonContent(element: Element, options: HtmlContentOptions): boolean {
  if (nonContentTags.has(element.tagName)) return true
  if (element.properties['hidden'] !== undefined && element.properties['hidden'] !== false) return true
  if (element.tagName === 'img' && isTrackingPixel(element)) return true
  return element.tagName === 'ins' && hasClass(element, options.adsenseClasses)
}

/** An invisible image that only reports a page view (`<img width="0" height="0">`, 1×1, hidden by style). */
export function isTrackingPixel(element: Element): boolean {
  if (element.tagName !== 'img') return false
  const size = (name: string) => Number.parseInt(String(element.properties[name] ?? ''), 10)
  const style = String(element.properties['style'] ?? '').replace(/\s+/g, '').toLowerCase()
  return size('width') <= 1 || size('height') <= 1 || style.includes('visibility:hidden') || style.includes('display:none')
}

/** Whether an element's `class` attribute holds one of `names`. */
export function hasClass(element: Element, names: readonly string[]): boolean {
  const classes = element.properties['className']
  return Array.isArray(classes) && classes.some((name) => names.includes(String(name)))
}

/** Parses an HTML fragment (as found in a Markdown body) into hast. */
export function parseFragment(value: string): HastRoot {
  return fromHtml(value, {fragment: true})
}

/**
 * Removes every non-content element from `tree`, in place, and returns the
 * videos of the YouTube players among them (in document order): a player
 * is the article's tutorial, kept as structured data rather than as HTML.
 * Iterative, so a deeply nested fragment cannot overflow the stack here.
 */
export function removeNonContent(tree: HastRoot, options: HtmlContentOptions): Video[] {
  const videos: Video[] = []
  const stack: Array<HastRoot | Element> = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    const kept: Array<HastRootContent & ElementContent> = []
    for (const child of parent.children as Array<HastRootContent & ElementContent>) {
      if (child.type === 'element' && isNonContent(child, options)) {
        const video = child.tagName === 'iframe' ? youtubeVideo(String(child.properties['src'] ?? '')) : undefined
        if (video && !videos.some((known) => known.id === video.id)) videos.push(video)
        continue
      }
      if (child.type === 'comment') continue
      kept.push(child)
    }
    parent.children = kept
    for (let index = kept.length - 1; index >= 0; index--) {
      const child = kept[index]!
      if (child.type === 'element') stack.push(child)
    }
  }
  return videos
}

/**
 * Whether a fragment is only a list of links to elsewhere (a "related posts"
 * farm, a menu): at least two links, and outside them at most a short label
 * ("Also read:", "Related"). Such a block names other pages; it is not this
 * article's content.
 */
export function isLinkList(tree: HastRoot): boolean {
  let links = 0
  let wordsOutsideLinks = 0
  const stack: Array<{node: HastRoot | ElementContent; inLink: boolean}> = [{node: tree, inLink: false}]
  while (stack.length > 0 && wordsOutsideLinks <= maxLabelWords) {
    const {node, inLink} = stack.pop()!
    if (node.type === 'text') {
      if (!inLink) wordsOutsideLinks += node.value.split(/\s+/).filter(Boolean).length
    } else if (node.type === 'element' || node.type === 'root') {
      const link = node.type === 'element' && node.tagName === 'a'
      if (link && !inLink) links++
      for (const child of node.children) stack.push({node: child as ElementContent, inLink: inLink || link})
    }
  }
  return links >= 2 && wordsOutsideLinks <= maxLabelWords
}

const maxLabelWords = 4

/** Whether every element of a fragment is a standard HTML element (no `<BlazorApp>`, `<EditForm>`: those are code). */
export function onlyStandardElements(tree: HastRoot): boolean {
  let elements = 0
  const stack: Array<HastRoot | ElementContent> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element') {
      if (!knownTags.has(node.tagName)) return false
      elements++
    }
    if (node.type === 'element' || node.type === 'root') stack.push(...(node.children as ElementContent[]))
  }
  return elements > 0
}

/**
 * The text an HTML fragment contributes to the article, as `innerText`
 * would render it: entities decoded, non-content elements and link lists
 * left out. Fragments recur verbatim (ad snippets, embeds), so results are
 * memoised (bounded).
 */
export function htmlContentText(value: string, options: HtmlContentOptions): string {
  const known = contentTexts.get(value)
  if (known !== undefined) return known
  const tree = parseFragment(value)
  removeNonContent(tree, options)
  breakCodeLines(tree)
  const text = isLinkList(tree) ? '' : toText(tree)
  if (contentTexts.size >= maxMemo) contentTexts.clear()
  contentTexts.set(value, text)
  return text
}

const maxMemo = 2048
const contentTexts = new Map<string, string>()
