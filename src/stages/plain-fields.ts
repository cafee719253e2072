/**
 * Plain fields are plain text. Consumers put a fix set's title, aliases,
 * description, tags, categories, source titles, image alt text and fix
 * titles into web pages and JSON APIs as text; scraped frontmatter holds HTML
 * (`<img src=x onerror=…>`), bidi controls that reverse what follows
 * (U+202E), line and paragraph separators that break JavaScript string
 * literals (U+2028/2029), and lone surrogates from YAML escapes that are not
 * Unicode at all. So, on every plain field:
 *
 * - HTML elements (names `html-tag-names` knows) are dropped, their text kept
 *   (not a script's or style sheet's), with a warning naming field and tag; a
 *   field that holds none (`a < b`, `<ProductCode>`) is left as it is. HTML
 *   is recognised by hast's parser, never by a pattern.
 * - Bidi controls go; line and paragraph separators become spaces.
 * - Lone surrogates become U+FFFD.
 * - A protocol-relative image URL (`//cdn.example/x.png`) gets `https:`.
 *
 * A pure function of the fix set: it runs on every build, cached or not.
 */
import type {Nodes as HastNodes} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {htmlTagNames} from 'html-tag-names'
import type {FixSet} from '../schema.js'

const knownTags = new Set(htmlTagNames)
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const separators = /[\u2028\u2029]/g
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export interface PlainText {
  text: string
  /** Tag names of the HTML elements dropped, in order, each once. */
  droppedTags: string[]
}

/** One field's value as plain text (see the module comment). */
export function plainText(value: string): PlainText {
  const wellFormed = value.replace(loneSurrogates, '\ufffd').replace(bidiControls, '').replace(separators, ' ')
  // No `<`, no element: the common case costs one scan of the string.
  if (!wellFormed.includes('<')) return {text: wellFormed, droppedTags: []}
  let tree: HastNodes
  try {
    tree = fromHtml(wellFormed, {fragment: true})
  } catch {
    // Markup nested too deep for the parser's recursion (50,000 `<b>`): no angle bracket is kept, so no tag can be.
    return {text: wellFormed.replaceAll('<', '').replaceAll('>', '').replace(/\s+/g, ' ').trim(), droppedTags: [unparsedMarkup]}
  }
  const {texts, tags} = flatten(tree)
  if (tags.length === 0) return {text: wellFormed, droppedTags: []}
  return {text: texts.join('').replace(/\s+/g, ' ').trim(), droppedTags: tags}
}

/** The tag name reported when a field's markup could not be parsed at all. */
export const unparsedMarkup = 'markup nested too deep to parse'

/** Elements whose content is code or styling, not text a reader sees: dropped with them. */
const nonText = new Set(['script', 'style', 'template', 'noscript'])

/**
 * The text nodes in document order and the known element names, each once.
 * A loop with a stack, not recursion: a field of 50,000 nested `<b>` must
 * not overflow the stack.
 */
function flatten(tree: HastNodes): {texts: string[]; tags: string[]} {
  const texts: string[] = []
  const tags = new Set<string>()
  const stack: HastNodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'text') texts.push(node.value)
    if (node.type === 'element' && knownTags.has(node.tagName)) tags.add(node.tagName)
    if (node.type === 'element' && nonText.has(node.tagName)) continue
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
  }
  return {texts, tags: [...tags]}
}

/** A warning about one field: which field, which tags. */
export interface PlainFieldWarning {
  field: string
  droppedTags: string[]
}

/** The fix set with every plain field plain, and a warning per field that held HTML. */
export function plainFields(fixset: FixSet): {fixset: FixSet; warnings: PlainFieldWarning[]} {
  const warnings: PlainFieldWarning[] = []
  const plain = (field: string, value: string) => {
    const result = plainText(value)
    if (result.droppedTags.length > 0) warnings.push({field, droppedTags: result.droppedTags})
    return result.text
  }
  const plainOrNull = (field: string, value: string | null) => (value === null ? null : plain(field, value))
  const list = (field: string, values: readonly string[]) => values.map((value, index) => plain(`${field}[${index}]`, value)).filter((value) => value !== '')
  const content = <T extends FixSet['intro']>(field: string, block: T): T => ({
    ...block,
    images: block.images.map((image, index) => ({url: absoluteUrl(image.url), alt: plainOrNull(`${field}.images[${index}].alt`, image.alt)}))
  })
  const title = plain('title', fixset.title)
  return {
    fixset: {
      ...fixset,
      // A title that was only markup (`<img …>`) would be empty: the id names the fix set instead.
      title: title === '' ? fixset.id : title,
      aliases: list('aliases', fixset.aliases),
      description: plainOrNull('description', fixset.description),
      tags: list('tags', fixset.tags),
      categories: list('categories', fixset.categories),
      sources: fixset.sources.map((source, index) => ({...source, title: plainOrNull(`sources[${index}].title`, source.title)})),
      intro: content('intro', fixset.intro),
      fixes: fixset.fixes.map((fix, index) => ({...content(`fixes[${index}]`, fix), title: plain(`fixes[${index}].title`, fix.title)})),
      outro: fixset.outro === null ? null : {...content('outro', fixset.outro), title: plainOrNull('outro.title', fixset.outro.title)}
    },
    warnings
  }
}

/** `//host/path` → `https://host/path`; anything else as it is. */
function absoluteUrl(url: string): string {
  return url.startsWith('//') ? `https:${url}` : url
}
