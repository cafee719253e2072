/**
 * What every per-file cache shares, wherever its entries live (a folder,
 * `cache.ts`; Redis, `redis-cache.ts`): the interface the build uses, the
 * key of an entry, and its format.
 *
 * An entry is two JSON
 * lines: a header naming the format, the key the entry was written under and
 * the sha256 of the second line, then the pass's result. A read entry is used
 * only when the header is this format's, its key is the one asked for (so an
 * entry copied or swapped from another file, pass or configuration is a
 * miss), the second line's checksum matches (so flipped bytes, a cut-short
 * write or an edited value are a miss) and the result validates against the
 * schema of a pass's result, for the same file and bytes (so `{}` or an entry
 * of another shape never reaches the output). Anything else is a miss: the
 * result is computed again and the entry rewritten. The same format carries
 * a result back from a worker on a queue (`queue.ts`).
 *
 * The checksum is no signature: whoever can write the cache can write a
 * matching one, as they could write fixset's own code in node_modules. It
 * makes every accident a miss, not an attack impossible.
 */
import {createHash} from 'node:crypto'
import {z} from 'zod'
import {ContentSchema, FaqEntrySchema, FixSchema, OutroSchema, SectionSchema} from './schema.js'

const entryFormat = 1

const HeaderSchema = z.strictObject({format: z.literal(entryFormat), key: z.string(), sha256: z.string()})

const DiagnosticSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string()
})

const ChangeSchema = z.strictObject({
  ruleId: z.string(),
  action: z.enum(['removed', 'repaired']),
  startLine: z.number().int().nullable(),
  endLine: z.number().int().nullable(),
  bytes: z.number().int().nonnegative()
})

const base = {path: z.string(), sha256: z.string(), diagnostics: z.array(DiagnosticSchema), changes: z.array(ChangeSchema)}

const RejectedSchema = z.strictObject({...base, status: z.literal('rejected'), reason: z.string()})

const ScannedSchema = z.strictObject({
  ...base,
  status: z.literal('ok'),
  meta: z.strictObject({
    title: z.string().nullable(),
    date: z.string().nullable(),
    rawDate: z.string().nullable(),
    updated: z.string().nullable(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    categories: z.array(z.string()),
    sourceUrl: z.string().nullable()
  }),
  title: z.string(),
  signature: z.strictObject({shingles: z.instanceof(Uint32Array), minhash: z.instanceof(Uint32Array), words: z.number().int().nonnegative()}),
  blocks: z.array(z.number().int())
})

const RenderedSchema = z.strictObject({
  ...base,
  status: z.literal('ok'),
  article: z.strictObject({
    headingTitle: z.string().nullable(),
    intro: ContentSchema,
    sections: z.array(SectionSchema),
    fixes: z.array(FixSchema),
    faq: z.array(FaqEntrySchema),
    outro: OutroSchema.nullable(),
    evidence: z.strictObject({
      itemLabels: z.array(z.string().nullable()),
      itemTitles: z.array(z.string()),
      numberedItems: z.number().int(),
      steps: z.number().int(),
      headline: z.string().nullable(),
      codeBlocks: z.number().int(),
      codeSpans: z.number().int(),
      itemsNamingCode: z.number().int(),
      codeItems: z.number().int(),
      weighedWays: z.number().int(),
      offersAlternatives: z.boolean()
    })
  }),
  body: z.string()
})

const resultSchemas = {scan: z.union([ScannedSchema, RejectedSchema]), render: z.union([RenderedSchema, RejectedSchema])}

export type CachedPass = keyof typeof resultSchemas

/** Where one pass's result over one version of one file is kept, and under which key. */
export interface CacheEntry {
  /** The entry's file, for a cache in a folder: a pool's worker thread writes it itself (`writeCacheEntry`). */
  file?: string
  key: string
  pass: CachedPass
  path: string
  sha256: string
}

export interface Cache {
  /**
   * The entry of one pass over one version of one file; `variant` is
   * whatever else the pass's result depends on (a render: the file's
   * recurring line hashes, `stages/recurring.ts`), so a hit never gives another answer.
   */
  entry(pass: CachedPass, relativePath: string, sha256: string, variant?: string): CacheEntry
  /** The entry's value; undefined when it is missing or fails any check. */
  read<T>(entry: CacheEntry): T | undefined | Promise<T | undefined>
  /** Entries read so far. */
  readonly hits: number
  /** Stores one result: for entries without a `file`, and for results computed elsewhere (workers on a queue). */
  write(entry: CacheEntry, value: unknown): Promise<void>
  close(): Promise<void>
}

export const defaultCachePrefix = 'fixset:'

export interface CacheOptions {
  /** Prepended to every Redis key (default `fixset:`), so one Redis can hold several caches, or other data. */
  prefix?: string
  /** Seconds a Redis entry lives after it is written; default: until Redis evicts it. */
  ttlSeconds?: number
}

/** True for the locations `--cache` and `--queue` read as Redis: `redis://HOST:PORT[/DB]` (or `rediss://`, with TLS). */
export function isRedisUrl(location: string): boolean {
  return /^rediss?:\/\//i.test(location)
}

/**
 * The key of one pass over one version of one file. The namespace (fixset's
 * code and the configuration) is part of it too: an entry copied from another
 * configuration's folder is a miss.
 */
export function entryKey(namespace: string, pass: CachedPass, relativePath: string, sha256: string, variant = ''): string {
  return createHash('sha256').update(`${namespace}\0${pass}\0${relativePath}\0${sha256}${variant === '' ? '' : `\0${variant}`}`).digest('hex')
}

/** The entry's text: the header line, then the value's JSON (`replace` turns typed arrays into tagged base64). */
export function encodeEntry(key: string, value: unknown, replace: (key: string, value: unknown) => unknown = replaceTypedArrays): string {
  const payload = JSON.stringify(value, replace)
  return `${JSON.stringify({format: entryFormat, key, sha256: sha256Hex(payload)})}\n${payload}\n`
}

/** The entry's value when it is valid for `key`, `pass`, `path` and `sha256`; undefined otherwise. */
export function decodeEntry(
  text: string,
  expected: {key: string; pass: CachedPass; path: string; sha256: string},
  revive: (key: string, value: unknown) => unknown = reviveTypedArrays
): unknown {
  const split = text.indexOf('\n')
  if (split < 0 || !text.endsWith('\n')) return undefined
  const header = HeaderSchema.safeParse(parseJson(text.slice(0, split)))
  if (!header.success || header.data.key !== expected.key) return undefined
  const payload = text.slice(split + 1, -1)
  if (sha256Hex(payload) !== header.data.sha256) return undefined
  const value = parseJson(payload, revive)
  if (!resultSchemas[expected.pass].safeParse(value).success) return undefined
  const result = value as {path: string; sha256: string}
  return result.path === expected.path && result.sha256 === expected.sha256 ? value : undefined
}

function parseJson(text: string, revive?: (key: string, value: unknown) => unknown): unknown {
  try {
    return JSON.parse(text, revive) as unknown
  } catch {
    return undefined
  }
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Typed arrays (signatures) as base64, tagged so `reviveTypedArrays` can restore them. */
export function replaceTypedArrays(_key: string, value: unknown): unknown {
  if (value instanceof Uint32Array) return {$u32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}
  return value
}

export function reviveTypedArrays(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$u32' in value && typeof value.$u32 === 'string') {
    const bytes = Buffer.from(value.$u32, 'base64')
    return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  }
  return value
}
