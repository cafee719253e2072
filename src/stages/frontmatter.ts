/**
 * Frontmatter, read safely.
 *
 * gray-matter splits the frontmatter off, but by itself it is not safe: it
 * evaluates `---js` / `---javascript` blocks with `require` in reach, picks its
 * engine by the text after the opening `---` (so `---constructor` finds a
 * built-in method), and without an options object keeps an unbounded shared
 * cache. So: frontmatter only when line 1 is exactly `---`; gray-matter is
 * always called with options (no cache) and a single engine, the `yaml`
 * package with the core schema (no timestamps: dates stay the strings they
 * were), an alias limit and unique keys.
 */
import matter from 'gray-matter'
import {parse as parseYaml, YAMLParseError} from 'yaml'
import type {VFile} from 'vfile'
import {warn} from '../diagnostics.js'

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
}

// logLevel 'error': an unknown tag (`!!js/function`) stays a plain string without a process warning on stderr.
const yamlOptions = {schema: 'core', maxAliasCount: 100, uniqueKeys: true, merge: false, logLevel: 'error'} as const

const refuse = (language: string) => () => {
  throw new RejectError(`frontmatter uses the \`${language}\` engine, which is not allowed`)
}

const matterOptions = {
  language: 'yaml',
  delimiters: '---',
  engines: {
    yaml: {parse: (source: string) => parseYaml(source, yamlOptions) as object, stringify: () => ''},
    js: {parse: refuse('js'), stringify: () => ''},
    javascript: {parse: refuse('javascript'), stringify: () => ''},
    json: {parse: refuse('json'), stringify: () => ''}
  }
}

/** Reads the frontmatter of `text` (LF line endings, no BOM). Throws RejectError when the file is unusable. */
export function readFrontmatter(text: string, file: VFile): Frontmatter {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))
  if (firstLine.trimEnd() !== '---') {
    const engine = /^---\s*([A-Za-z_$][\w$-]*)\s*$/.exec(firstLine)
    if (engine) throw new RejectError(`frontmatter uses the \`${engine[1]}\` engine, which is not allowed`)
    return {data: {}, present: false, bodyStart: 0}
  }
  const close = closingLine(text)
  if (close === -1) throw new RejectError('frontmatter opened on line 1 is never closed by a `---` line')
  return {data: parseMatter(text, file), present: true, bodyStart: close + 1}
}

/** Index of the first line after line 1 that is `---` (trailing white space allowed), or -1; stops there instead of splitting the whole text. */
function closingLine(text: string): number {
  let start = text.indexOf('\n') + 1
  for (let index = 1; start > 0; index++) {
    const end = text.indexOf('\n', start)
    if (text.slice(start, end === -1 ? text.length : end).trimEnd() === '---') return index
    start = end + 1
  }
  return -1
}

function parseMatter(text: string, file: VFile): Record<string, unknown> {
  try {
    return asMapping(matter(text, matterOptions).data, file)
  } catch (error) {
    if (error instanceof RejectError) throw error
    if (!(error instanceof YAMLParseError)) throw new RejectError(`frontmatter cannot be read: ${describe(error)}`)
    return recoverMapping(text, error, file)
  }
}

/**
 * Scraped titles are often written unquoted although they open with a quote
 * (`title: 'Godfall' Review - Sony's PS5 …`), which is invalid YAML. Such
 * lines are re-quoted as double-quoted strings and the block is read again.
 */
function recoverMapping(text: string, original: YAMLParseError, file: VFile): Record<string, unknown> {
  const lines = text.split('\n')
  const close = closingLine(text)
  const repaired: number[] = []
  for (let index = 1; index < close; index++) {
    const match = /^([A-Za-z_][\w-]*):[ \t]+(['"].*?)\s*$/.exec(lines[index]!)
    if (!match || isValidScalar(match[2]!)) continue
    lines[index] = `${match[1]}: ${JSON.stringify(match[2])}`
    repaired.push(index + 1)
  }
  if (repaired.length > 0) {
    try {
      const data = asMapping(matter(lines.join('\n'), matterOptions).data, file)
      for (const line of repaired) {
        warn(file, 'Frontmatter value is not valid YAML (a quote opens an unquoted string); read it as a plain string', 'frontmatter-recovered', {start: {line, column: 1}})
      }
      return data
    } catch {
      // Fall through to the original error, which names the real place.
    }
  }
  const place = original.linePos?.[0]
  throw new RejectError(`frontmatter is not valid YAML${place ? ` (line ${place.line})` : ''}: ${original.message.split('\n')[0]}`)
}

function isValidScalar(value: string): boolean {
  try {
    return typeof parseYaml(value, yamlOptions) === 'string'
  } catch {
    return false
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
  date: string | null
  updated: string | null
  description: string | null
  tags: string[]
  categories: string[]
}

/** Picks and normalises the fields fixset uses; values of the wrong type are reported and dropped. */
export function toMeta(data: Record<string, unknown>, file: VFile): ArticleMeta {
  return {
    title: stringField(data, 'title', file),
    date: dateField(data, 'date', file),
    updated: dateField(data, 'updated', file),
    description: stringField(data, 'description', file),
    tags: listField(data, 'tags', file),
    categories: listField(data, 'categories', file)
  }
}

function own(data: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined
}

function stringField(data: Record<string, unknown>, key: string, file: VFile): string | null {
  const value = own(data, key)
  if (value === undefined || value === null) return null
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value !== 'string') {
    warn(file, `Frontmatter \`${key}\` is not text; ignored`, 'frontmatter-type', {start: {line: 1, column: 1}})
    return null
  }
  const trimmed = withoutControlCharacters(value).trim()
  return trimmed === '' ? null : trimmed
}

/** Dates stay the strings the author wrote; one that names no real day is reported (and ignored for ordering). */
function dateField(data: Record<string, unknown>, key: string, file: VFile): string | null {
  const value = stringField(data, key, file)
  if (value !== null && dateValue(value) === undefined) {
    warn(file, `Frontmatter \`${key}\` (${JSON.stringify(value)}) is not a valid date`, 'frontmatter-date', {start: {line: 1, column: 1}})
  }
  return value
}

function listField(data: Record<string, unknown>, key: string, file: VFile): string[] {
  const value = own(data, key)
  if (value === undefined || value === null) return []
  const items = Array.isArray(value) ? value : [value]
  const strings = items.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
  if (strings.length !== items.length) {
    warn(file, `Frontmatter \`${key}\` holds values that are not text; they were ignored`, 'frontmatter-type', {start: {line: 1, column: 1}})
  }
  return [...new Set(strings.map((item) => withoutControlCharacters(String(item)).trim()).filter((item) => item !== ''))]
}

/**
 * Milliseconds since the epoch for an ISO 8601 date or date-time, or undefined
 * when the text is not one or names a day that does not exist (`2024-13-45`
 * must not roll over into another month, as `Date` would make it).
 */
export function dateValue(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim())
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined
  if (Number(match[4] ?? 0) > 23 || Number(match[5] ?? 0) > 59 || Number(match[6] ?? 0) > 59) return undefined
  const iso = match[4] === undefined ? `${match[1]}-${match[2]}-${match[3]}T00:00:00Z` : text.trim().replace(' ', 'T') + (match[7] ? '' : 'Z')
  const value = Date.parse(iso)
  return Number.isNaN(value) ? undefined : value
}

/** Frontmatter strings reach consumers as data: no control characters (tab and line feed become spaces). */
function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\t\n]/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/g, '')
}
