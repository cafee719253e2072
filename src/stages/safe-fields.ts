/**
 * The last word on a fix set's plain fields, applied where the fix set is
 * assembled (emit), so it holds whatever produced the values: the
 * frontmatter, the extraction, or a cache entry written by another build.
 *
 * Every field that is not Markdown goes through `toPlainText` (no HTML tags,
 * bidi controls, separators, control characters or lone surrogates): title,
 * aliases, description, tags, categories, the sources' titles, section, fix
 * and outro titles, fix groups, heading blocks, FAQ questions and image alt
 * text. Image and video URLs lose invisible controls, a protocol-relative URL
 * gets `https:`, and one whose scheme is not http, https or mailto goes with
 * its block; `sourceUrl` is kept only when it is an http(s) URL. Markdown
 * fields (paragraphs, list items, steps, tables, quotes, FAQ answers) go
 * through `safeMarkdown`, which leaves them unchanged unless they hold HTML
 * or a script URL (only a changed cache entry can bring either this far).
 */
import type {FixSet} from '../schema.js'
import {isSafeUrl, withScheme} from './clean/rules/drop-unsafe-urls.js'
import {toPlainText, urlWithoutInvisibles} from './plain-text.js'
import {safeMarkdown} from './safe-markdown.js'

type Content = FixSet['intro']
type Block = Content['blocks'][number]

/** The fix set with plain fields made plain and Markdown made safe, and one warning per field that lost markup or a URL. */
export function safeFields(fixset: FixSet): {fixset: FixSet; warnings: string[]} {
  const warnings: string[] = []
  const markdown = (value: string): string => {
    const safe = safeMarkdown(value)
    warnings.push(...safe.warnings)
    return safe.value
  }
  const plain = (value: string, field: string): string => {
    const {value: text, tags} = toPlainText(value)
    if (tags.length > 0) warnings.push(`HTML ${[...new Set(tags)].map((tag) => `\`<${tag}>\``).join(', ')} dropped from the ${field} (its text is kept): plain fields carry no HTML`)
    return text
  }
  const nullable = (value: string | null, field: string) => (value === null ? null : plain(value, field))
  const url = (value: string, field: string): string | undefined => {
    const cleaned = withScheme(urlWithoutInvisibles(value))
    if (isSafeUrl(cleaned)) return cleaned
    warnings.push(`The ${field} URL with the \`${cleaned.split(':')[0]!.trim().slice(0, 20)}:\` scheme dropped: only http, https and mailto are emitted`)
    return undefined
  }
  const image = <T extends {url: string; alt: string | null}>(value: T): T | undefined => {
    const cleaned = url(value.url, 'image')
    return cleaned === undefined ? undefined : {...value, url: cleaned, alt: nullable(value.alt, 'image alt text')}
  }
  const video = <T extends {url: string}>(value: T): T | undefined => {
    const cleaned = url(value.url, 'video')
    return cleaned === undefined ? undefined : {...value, url: cleaned}
  }
  const block = (value: Block): Block | undefined => {
    if (value.type === 'heading') return {...value, text: plain(value.text, 'heading')}
    if (value.type === 'image') return image(value)
    if (value.type === 'video') return video(value)
    if (value.type === 'steps') return {...value, steps: value.steps.map(markdown)}
    if (value.type === 'list') return {...value, items: value.items.map(markdown)}
    if (value.type === 'paragraph' || value.type === 'table' || value.type === 'quote') return {...value, markdown: markdown(value.markdown)}
    return value
  }
  const content = <T extends Content>(part: T): T => ({
    ...part,
    blocks: part.blocks.flatMap((value) => block(value) ?? []),
    steps: part.steps.map((group) => group.map(markdown)),
    images: part.images.flatMap((value) => image(value) ?? []),
    videos: part.videos.flatMap((value) => video(value) ?? [])
  })
  const title = plain(fixset.title, 'title')
  const sourceUrl = fixset.sourceUrl === null ? null : urlWithoutInvisibles(fixset.sourceUrl)
  return {
    fixset: {
      ...fixset,
      title,
      aliases: [...new Set(fixset.aliases.map((alias) => plain(alias, 'alias')))].filter((alias) => alias !== title),
      description: nullable(fixset.description, 'description'),
      sourceUrl: sourceUrl !== null && isHttpUrl(sourceUrl) ? sourceUrl : null,
      tags: fixset.tags.map((tag) => plain(tag, 'tag')),
      categories: fixset.categories.map((category) => plain(category, 'category')),
      sources: fixset.sources.map((source) => ({...source, title: nullable(source.title, 'source title')})),
      intro: content(fixset.intro),
      sections: fixset.sections.map((section) => content({...section, title: plain(section.title, 'section title')})),
      fixes: fixset.fixes.map((fix) => content({...fix, title: plain(fix.title, 'fix title'), group: nullable(fix.group, 'fix group')})),
      faq: fixset.faq.map((entry) => ({...entry, question: plain(entry.question, 'FAQ question'), answer: markdown(entry.answer)})),
      outro: fixset.outro === null ? null : content({...fixset.outro, title: nullable(fixset.outro.title, 'outro title')})
    },
    warnings
  }
}

function isHttpUrl(value: string): boolean {
  const url = URL.canParse(value) ? new URL(value) : undefined
  return url?.protocol === 'http:' || url?.protocol === 'https:'
}
