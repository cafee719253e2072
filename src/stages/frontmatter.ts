/**
 * Frontmatter, read safely and tolerantly.
 *
 * gray-matter splits the frontmatter off, but by itself it is not safe: it
 * evaluates `---js` / `---javascript` blocks with `require` in reach, picks its
 * engine by the text after the opening `---` (so `---constructor` finds a
 * built-in method), and without an options object keeps an unbounded shared
 * cache. So: frontmatter only when line 1 is exactly `---`; gray-matter is
 * always called with options (no cache) and a single engine, the `yaml`
 * package with the core schema (`frontmatter-yaml.ts`). A block that is not
 * valid YAML is read entry by entry (`frontmatter-recover.ts`) rather than
 * losing the article.
 */
import matter from 'gray-matter'
import {YAMLParseError} from 'yaml'
import type {VFile} from 'vfile'
import type {FieldKeys} from '../config.js'
import {warn} from '../diagnostics.js'
import {normaliseDate} from './dates.js'
import {closingLine, opensFence} from './frontmatter-block.js'
import {recoverMapping} from './frontmatter-recover.js'
import {parseSafeYaml} from './frontmatter-yaml.js'

export {dateValue} from './dates.js'

/** Why a file cannot be used at all; it becomes a `rejected` manifest row. */
export class RejectError extends Error {
  override name = 'RejectError'
}

export interface Frontmatter {
  /** The parsed mapping (an empty object when the file has none). */
  data: Record<string, unknown>
  /** Whether the file opens with a frontmatter block. */
  present: boolean
  /** Index of the first line after the frontmatter (0 when there is none). */
  bodyStart: number
  /** Why nothing of a frontmatter block could be read, when that is so. */
  unreadable?: string
}

const refuse = (language: string) => () => {
  throw new RejectError(`frontmatter uses the \`${language}\` engine, which is not allowed`)
}

const matterOptions = {
  language: 'yaml',
  delimiters: '---',
  engines: {
    yaml: {parse: (source: string) => parseSafeYaml(source) as object, stringify: () => ''},
    js: {parse: refuse('js'), stringify: () => ''},
    javascript: {parse: refuse('javascript'), stringify: () => ''},
    json: {parse: refuse('json'), stringify: () => ''}
  }
}

/** Reads the frontmatter of `text` (LF line endings, no BOM). Throws RejectError when the file is unusable. */
export function readFrontmatter(text: string, file: VFile): Frontmatter {
  if (!opensFence(text)) {
    const engine = /^---\s*([A-Za-z_$][\w$-]*)\s*$/.exec(text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')))
    if (engine) throw new RejectError(`frontmatter uses the \`${engine[1]}\` engine, which is not allowed`)
    return {data: {}, present: false, bodyStart: 0}
  }
  const close = closingLine(text)
  if (close === -1) {
    // `---` and a blank line, never closed: a thematic break opening the body (CommonMark's reading), no YAML block.
    if (/^---[ \t]*\n[ \t]*(?:\n|$)/.test(text) || text.trimEnd() === '---') return {data: {}, present: false, bodyStart: 0}
    throw new RejectError('frontmatter opened on line 1 is never closed by a `---` line')
  }
  return {...parseMatter(text, close, file), present: true, bodyStart: close + 1}
}

/**
 * The block's mapping. Anything but a YAML syntax error (an alias bomb, an
 * alias to nothing) rejects the file; a syntax error is recovered entry by
 * entry, and a block of which nothing can be read is an empty mapping that
 * says why.
 */
function parseMatter(text: string, close: number, file: VFile): {data: Record<string, unknown>; unreadable?: string} {
  try {
    return {data: asMapping(matter(text, matterOptions).data, file)}
  } catch (error) {
    if (error instanceof RejectError) throw error
    if (!(error instanceof YAMLParseError)) throw new RejectError(`frontmatter cannot be read: ${describe(error)}`)
    let data: Record<string, unknown>
    try {
      data = recoverMapping(text.split('\n', close).slice(1), 2, file)
    } catch (recoveryError) {
      throw new RejectError(`frontmatter cannot be read: ${describe(recoveryError)}`)
    }
    if (Object.keys(data).length > 0) return {data}
    const place = error.linePos?.[0]
    return {data, unreadable: `frontmatter is not valid YAML${place ? ` (line ${place.line})` : ''}: ${describe(error)}`}
  }
}

function asMapping(data: unknown, file: VFile): Record<string, unknown> {
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    warn(file, 'Frontmatter is not a mapping of keys to values; ignored', 'frontmatter-shape', {start: {line: 1, column: 1}})
    return {}
  }
  return data as Record<string, unknown>
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error)
}

/** The frontmatter fields fixset uses, normalised. Everything else is ignored. */
export interface ArticleMeta {
  title: string | null
  /** ISO 8601, by the rule in `dates.ts`. */
  date: string | null
  /** The date as written, also when it could not be read (then `date` is null). */
  rawDate: string | null
  updated: string | null
  description: string | null
  tags: string[]
  categories: string[]
  /** The page the article was taken from, an http(s) URL. */
  sourceUrl: string | null
}

/**
 * Picks and normalises the fields fixset uses, each from the first of its
 * keys (`fields`) that holds a usable value; values of the wrong kind are
 * reported and the next key is tried.
 */
export function toMeta(data: Record<string, unknown>, file: VFile, fields: FieldKeys): ArticleMeta {
  const date = dateField(data, fields.date, file)
  const title = textField(data, fields.title, file)
  const description = textField(data, fields.description, file)
  return {
    title,
    date: date.date,
    rawDate: date.raw,
    updated: dateField(data, fields.updated, file).date,
    description: description !== null && title !== null && isTemplateDescription(description, title) ? null : description,
    tags: listField(data, fields.tags, file),
    categories: listField(data, fields.categories, file),
    sourceUrl: urlField(data, fields.sourceUrl, file)
  }
}

function own(data: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined
}

/** A value as trimmed text; undefined when there is none, or (reported) when it is not text. */
function textValue(data: Record<string, unknown>, key: string, file: VFile): string | undefined {
  const value = own(data, key)
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value !== 'string') {
    warn(file, `Frontmatter \`${key}\` is not text; ignored`, 'frontmatter-type', {start: {line: 1, column: 1}})
    return undefined
  }
  const trimmed = withoutControlCharacters(value).trim()
  return trimmed === '' ? undefined : trimmed
}

function textField(data: Record<string, unknown>, keys: readonly string[], file: VFile): string | null {
  for (const key of keys) {
    const text = textValue(data, key, file)
    if (text !== undefined) return text
  }
  return null
}

/** The first readable date as ISO 8601, and the text it was read from (else the first unreadable one, reported). */
function dateField(data: Record<string, unknown>, keys: readonly string[], file: VFile): {date: string | null; raw: string | null} {
  let unreadable: string | null = null
  for (const key of keys) {
    const text = textValue(data, key, file)
    if (text === undefined) continue
    const date = normaliseDate(text)
    if (date !== undefined) return {date, raw: text}
    warn(file, `Frontmatter \`${key}\` (${JSON.stringify(text)}) is not a valid date; ignored`, 'frontmatter-date', {start: {line: 1, column: 1}})
    unreadable ??= text
  }
  return {date: null, raw: unreadable}
}

function listField(data: Record<string, unknown>, keys: readonly string[], file: VFile): string[] {
  for (const key of keys) {
    const value = own(data, key)
    if (value === undefined || value === null) continue
    const items = Array.isArray(value) ? value : [value]
    const strings = items.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    if (strings.length !== items.length) {
      warn(file, `Frontmatter \`${key}\` holds values that are not text; they were ignored`, 'frontmatter-type', {start: {line: 1, column: 1}})
    }
    const list = [...new Set(strings.map((item) => withoutControlCharacters(String(item)).trim()).filter((item) => item !== ''))]
    if (list.length > 0) return list
  }
  return []
}

/** The first value that is an absolute http(s) URL, as the URL parser writes it; other values are reported. */
function urlField(data: Record<string, unknown>, keys: readonly string[], file: VFile): string | null {
  for (const key of keys) {
    const text = textValue(data, key, file)
    if (text === undefined) continue
    const url = URL.canParse(text) ? new URL(text) : undefined
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url.href
    warn(file, `Frontmatter \`${key}\` (${JSON.stringify(text)}) is not an http(s) URL; ignored`, 'frontmatter-url', {start: {line: 1, column: 1}})
  }
  return null
}

/** Frontmatter strings reach consumers as data: no control characters (tab and line feed become spaces). */
function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n]/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/g, '')
}

/** Words a template may put before the title in a description of its own making. */
const maxTemplateWords = 4

/**
 * A description the site's template made from the title ("This Article
 * Describes <title>"): a few stock words, then the title. It says nothing
 * the title does not, and is no text of the author's.
 */
function isTemplateDescription(description: string, title: string): boolean {
  const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
  const whole = folded(description)
  const name = folded(title)
  if (name === '' || !whole.endsWith(name) || whole === name) return false
  const prefix = whole.slice(0, whole.length - name.length).trim()
  return prefix.split(' ').length <= maxTemplateWords && /^[\p{L} ]+$/u.test(prefix)
}
