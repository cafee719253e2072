/**
 * Plain text: what a field that is not Markdown (a title, a tag, an image's
 * alt text, a fix title, an FAQ question) may hold. Consumers put these
 * strings into web pages and terminals, often without escaping, so:
 *
 * - no HTML tags: a string with markup is parsed as an HTML fragment (hast,
 *   never a regex) and replaced by its text (`hast-util-to-text`), and the
 *   dropped tag names are returned so the caller can warn. Parsing decodes
 *   character references, which can spell a new tag (`&lt;img …&gt;`), so the
 *   text is parsed again until no markup is left (a bounded number of times;
 *   a string still holding markup after that is dropped whole). A tag that is
 *   no HTML element and has no attributes (`<ProductCode>`, `<User>`), or a
 *   type name that spells an inert one (`<Object>`, `<Map>`), is a
 *   placeholder in prose and stays, as text;
 * - no bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F,
 *   U+061C: they reorder what a reader sees, "Trojan Source"), no line or
 *   paragraph separators (U+2028/2029 end lines in JavaScript and some
 *   terminals; they become a space) and no control characters (tab and line
 *   feed aside);
 * - no lone surrogates (a YAML `"\uD800"` escape): each becomes U+FFFD, so the
 *   string is well-formed UTF-16 and encodes as UTF-8.
 *
 * Pure functions, no state: used by the emit stage on every plain field of a
 * fix set, whatever stage (or cache entry) produced it, and by the cleaning
 * rules on Markdown text, image alt text and URLs.
 */
import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {htmlTagNames} from 'html-tag-names'
import {visit} from '../walk.js'

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
const separators = /[\u2028\u2029]/g
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Lone surrogates become U+FFFD (`String#toWellFormed`, which Node 20's TypeScript lib does not declare). */
export function wellFormed(value: string): string {
  return value.replace(loneSurrogate, '\uFFFD')
}

/** Without bidirectional controls; line and paragraph separators become spaces. For any text, Markdown or URL. */
export function withoutInvisibleControls(value: string): string {
  return value.replace(bidiControls, '').replace(separators, ' ')
}

// eslint-disable-next-line no-control-regex
const urlInvisibles = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/g

/**
 * A URL without control, zero-width, bidi or separator characters: browsers
 * drop some of them and not others, and none belongs in a URL fixset emits.
 */
export function urlWithoutInvisibles(url: string): string {
  return url.replace(urlInvisibles, '')
}

/** What `stripMarkup` returns: the text, and the names of the tags it dropped (`!--` for a comment). */
export interface Stripped {
  value: string
  tags: string[]
}

/** How many times text is parsed again after decoding (each pass peels one level of `&lt;…&gt;` or `<textarea>`). */
const maxPasses = 8

/**
 * The text of `value` without HTML markup, bidi controls or separators.
 * `whitespace: 'pre'` keeps white space as it is (Markdown text, where a line
 * feed is a soft break); `'normal'` (plain fields) folds runs of white space
 * to one space and trims, but only when markup was dropped. A value with no
 * markup comes back unchanged apart from the controls.
 */
export function stripMarkup(value: string, whitespace: 'normal' | 'pre' = 'normal'): Stripped {
  const tags: string[] = []
  let text = withoutInvisibleControls(value)
  for (let pass = 0; text.includes('<'); pass++) {
    const tree = fromHtml(text, {fragment: true})
    const found = markupIn(tree, text)
    if (found.length === 0) break
    if (pass === maxPasses) return {value: '', tags: [...tags, ...found]}
    tags.push(...found)
    keepPlaceholders(tree, text)
    text = withoutInvisibleControls(toText(tree, {whitespace: 'pre'}))
  }
  if (tags.length > 0 && whitespace === 'normal') text = text.replace(/\s+/g, ' ').trim()
  return {value: text, tags}
}

/**
 * A plain field's value: well-formed, without markup, bidi controls,
 * separators or control characters.
 */
export function toPlainText(value: string): Stripped {
  const stripped = stripMarkup(wellFormed(value).replace(controls, ''))
  return {value: stripped.value.replace(controls, ''), tags: stripped.tags}
}

const knownTags = new Set<string>(htmlTagNames)

/**
 * Elements that change how an HTML parser reads what follows them (raw text,
 * another namespace, foster parenting) or act with no attributes at all: never
 * kept as a placeholder, however they are written.
 */
const neverPlaceholders = new Set(['script', 'style', 'iframe', 'textarea', 'title', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes', 'template', 'svg', 'math', 'select', 'table', 'frameset', 'frame', 'base', 'meta', 'link', 'form'])

/**
 * `<Name>`, where Name is no HTML element: content, not markup (`<number>`,
 * `<d/u>`, `<www.example.net>`), unless it carries an event handler or a
 * style, which work on any element (`<x onmouseover=…>`). So is a type name
 * that happens to spell an element (`<Object>`, `<Map>` in API references:
 * written with a capital and then small letters, which HTML authors never
 * write, and with no attributes), unless the element is one of
 * `neverPlaceholders`.
 */
function isPlaceholder(element: Element, source: string): boolean {
  const attributes = Object.keys(element.properties)
  if (!knownTags.has(element.tagName)) return !attributes.some((name) => /^on/i.test(name) || name === 'style')
  return attributes.length === 0 && !neverPlaceholders.has(element.tagName) && /^[A-Z][a-z]/.test(writtenName(element, source))
}

/** The tag name as the source spells it (the parser lower-cases it). */
function writtenName(element: Element, source: string): string {
  const start = element.position?.start.offset
  return start === undefined ? element.tagName : source.slice(start + 1, start + 1 + element.tagName.length)
}

/** The tag names of the markup in a parsed fragment, in document order. */
function markupIn(tree: HastRoot, source: string): string[] {
  const tags: string[] = []
  visit(tree, (node: HastNodes) => {
    if (node.type === 'comment') tags.push('!--')
    else if (node.type === 'doctype') tags.push('!doctype')
    else if (node.type === 'element' && !isPlaceholder(node, source)) tags.push(node.tagName)
  })
  return tags
}

/**
 * Puts each placeholder's start tag back as text in front of its children
 * (the HTML parser made `<ProductCode> now` an element holding " now"); its
 * source is `<`, the name as written, `>`, so it ends at the first `>`.
 */
function keepPlaceholders(tree: HastRoot, source: string): void {
  visit(tree, 'element', (element: Element) => {
    if (!isPlaceholder(element, source)) return
    const start = element.position?.start.offset
    if (start === undefined) return
    const end = source.indexOf('>', start)
    const tag = source.slice(start, end === -1 ? source.length : end + 1)
    element.children.unshift({type: 'text', value: tag})
  })
}
