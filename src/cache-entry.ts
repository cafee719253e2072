/**
 * What a cache entry must be before a build uses it. An entry is two JSON
 * lines: a header naming the format, the key the entry was written under and
 * the sha256 of the second line, then the pass's result. A read entry is used
 * only when the header is this format's, its key is the one asked for (so an
 * entry copied or swapped from another file, pass or configuration is a
 * miss), the second line's checksum matches (so flipped bytes, a cut-short
 * write or an edited value are a miss) and the result validates against the
 * schema of a pass's result, for the same file and bytes (so `{}` or an entry
 * of another shape never reaches the output). Anything else is a miss: the
 * result is computed again and the entry rewritten.
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
      steps: z.number().int()
    })
  }),
  body: z.string()
})

const resultSchemas = {scan: z.union([ScannedSchema, RejectedSchema]), render: z.union([RenderedSchema, RejectedSchema])}

export type CachedPass = keyof typeof resultSchemas

/** The entry's text: the header line, then the value's JSON (`replace` turns typed arrays into tagged base64). */
export function encodeEntry(key: string, value: unknown, replace: (key: string, value: unknown) => unknown): string {
  const payload = JSON.stringify(value, replace)
  return `${JSON.stringify({format: entryFormat, key, sha256: sha256Hex(payload)})}\n${payload}\n`
}

/** The entry's value when it is valid for `key`, `pass`, `path` and `sha256`; undefined otherwise. */
export function decodeEntry(
  text: string,
  expected: {key: string; pass: CachedPass; path: string; sha256: string},
  revive: (key: string, value: unknown) => unknown
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
