/**
 * Frontmatter that is not valid YAML as a whole, read entry by entry.
 *
 * Clippers and exporters write values YAML cannot read unquoted: colons
 * (`Description: Go by Example: Arrays`), a leading `@` (`author: @handle`),
 * plain values continued on unindented lines, a quote that opens an unquoted
 * title. The block is cut into its top-level entries, each starting at an
 * unindented `key:` line as the `yaml` package's own CST parser sees that line
 * alone; every entry is parsed on its own by the same safe parser as the whole
 * block, and an entry that still fails is read as a plain string (its lines
 * folded into one, as YAML folds a plain scalar), with a warning on its line.
 *
 * What recovery never does: expand aliases past the limit or resolve them
 * across entries (alias errors are thrown, as for the whole block), or pick
 * one value of a key given twice (neither is used).
 */
import type {VFile} from 'vfile'
import {CST, Parser, YAMLParseError} from 'yaml'
import {warn} from '../diagnostics.js'
import {parseSafeYaml} from './frontmatter-yaml.js'

/** One top-level entry: its key line (1-based, in the file) and its text, key line and continuation lines. */
interface Entry {
  line: number
  key: string
  /** Where the value starts in `text`: just after the key's `:`. */
  valueStart: number
  text: string
}

/**
 * The mapping that can be read from the frontmatter lines `lines`, the first
 * being line `firstLine` of the file. Throws what the parser throws for
 * anything but a syntax error.
 */
export function recoverMapping(lines: readonly string[], firstLine: number, file: VFile): Record<string, unknown> {
  const {entries, stray} = splitEntries(lines, firstLine)
  if (stray !== undefined) warn(file, `Frontmatter line ${stray} is not a \`key: value\` entry; ignored`, 'frontmatter-recovered', {start: {line: stray, column: 1}})
  const data: Record<string, unknown> = {}
  const firstGiven = new Map<string, number>()
  const givenTwice = new Set<string>()
  for (const entry of entries) {
    for (const [key, value] of readEntry(entry, file)) {
      const earlier = firstGiven.get(key)
      if (earlier !== undefined) {
        warn(file, `Frontmatter key \`${key}\` is given on line ${earlier} and again on line ${entry.line}; neither value is used`, 'frontmatter-duplicate-key', {start: {line: entry.line, column: 1}})
        givenTwice.add(key)
        continue
      }
      firstGiven.set(key, entry.line)
      // defineProperty: a `__proto__` key stays an own property, as the parser itself keeps it.
      Object.defineProperty(data, key, {value, enumerable: true, writable: true, configurable: true})
    }
  }
  for (const key of givenTwice) delete data[key]
  return data
}

/** The block's entries, and the first line before the first entry that is not blank or a comment (it belongs to none). */
function splitEntries(lines: readonly string[], firstLine: number): {entries: Entry[]; stray: number | undefined} {
  const entries: Entry[] = []
  let stray: number | undefined
  lines.forEach((text, index) => {
    const key = entryKey(text)
    const current = entries.at(-1)
    if (key) entries.push({line: firstLine + index, key: key.key, valueStart: key.valueStart, text})
    else if (current) current.text += `\n${text}`
    else if (stray === undefined && text.trim() !== '' && !text.trimStart().startsWith('#')) stray = firstLine + index
  })
  return {entries, stray}
}

/** The key of an unindented `key:` line, as the yaml CST parser reads the line alone; undefined for any other line. */
function entryKey(line: string): {key: string; valueStart: number} | undefined {
  if (line === '' || /^\s/.test(line)) return undefined
  for (const token of new Parser().parse(line)) {
    if (token.type !== 'document') continue
    if (token.value?.type !== 'block-map') return undefined
    const item = token.value.items[0]
    if (!item?.key || item.start.length > 0) return undefined
    const key = CST.isScalar(item.key) ? CST.resolveAsScalar(item.key) : null
    const indicator = item.sep?.find((part) => part.type === 'map-value-ind')
    if (!key || !indicator) return undefined
    return {key: key.value, valueStart: indicator.offset + 1}
  }
  return undefined
}

/** The entry's key-value pairs: parsed as YAML when it is valid, else its value as plain text. */
function readEntry(entry: Entry, file: VFile): Array<[string, unknown]> {
  let reason = 'not a key and a value'
  try {
    const parsed = parseSafeYaml(entry.text)
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return Object.entries(parsed)
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error
    reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
  }
  warn(file, `Frontmatter \`${entry.key}\` on line ${entry.line} is not valid YAML (${reason}); read as plain text`, 'frontmatter-recovered', {start: {line: entry.line, column: 1}})
  return [[entry.key, plainText(entry.text.slice(entry.valueStart))]]
}

/** A value's lines folded into one string, as YAML folds a plain scalar; null when there is nothing. */
function plainText(value: string): string | null {
  const folded = value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
  return folded === '' ? null : folded
}
