/**
 * The output contract, as zod schemas. Every JSON file fixset writes is parsed
 * through one of these before it is serialised: the schema both validates the
 * data and fixes its key order. `output/schema/*.schema.json` is generated
 * from these same schemas.
 */
import {z} from 'zod'

const markdown = z.string().describe('Inline or block Markdown; never raw HTML')

export const ImageSchema = z.object({
  url: z.string(),
  alt: z.string().nullable()
})

export const VideoSchema = z.object({
  provider: z.literal('youtube'),
  id: z.string(),
  url: z.string()
})

const contentShape = {
  text: z.array(markdown).describe('Paragraphs and other blocks, in order'),
  steps: z.array(markdown).describe('Ordered-list items, each a whole step'),
  images: z.array(ImageSchema),
  videos: z.array(VideoSchema)
}

export const ContentSchema = z.object(contentShape)

export const FixSchema = z.object({
  number: z.number().int().nullable().describe('The number in the section title, when it has one'),
  title: z.string(),
  ...contentShape
})

export const OutroSchema = z.object({
  title: z.string().nullable(),
  ...contentShape
})

export const SourceSchema = z.object({
  path: z.string().describe('Relative to the input folder, `/`-separated'),
  sha256: z.string(),
  title: z.string().nullable().describe('The title this copy was published under (its frontmatter title)'),
  date: z.string().nullable()
})

export const FixSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string(),
    aliases: z.array(z.string()).describe('Titles of the duplicates, other than the title'),
    description: z.string().nullable(),
    date: z.string().nullable(),
    updated: z.string().nullable(),
    tags: z.array(z.string()),
    categories: z.array(z.string()),
    sources: z.array(SourceSchema).describe('Every member of the cluster, canonical first'),
    intro: ContentSchema,
    fixes: z.array(FixSchema),
    outro: OutroSchema.nullable()
  })
  .describe('One canonical fix set: an article and all its near-identical copies')

export const IndexSchema = z.object({
  fixsets: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      json: z.string(),
      markdown: z.string(),
      fixes: z.number().int(),
      sources: z.number().int()
    })
  )
})

export const ManifestSchema = z.object({
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().describe("Hex sha256 of the file's bytes; empty for a file that was not read (unreadable, or over --max-bytes)"),
      status: z.enum(['canonical', 'duplicate', 'rejected']),
      fixset: z.string().nullable(),
      duplicateOf: z.string().nullable().describe('Path of the canonical member, for duplicates'),
      similarity: z.number().nullable().describe('Jaccard similarity to the canonical member; 1 for it, null when rejected'),
      reason: z.string().nullable().describe('Why the file was rejected')
    })
  )
})

export type FixSet = z.infer<typeof FixSetSchema>
export type IndexFile = z.infer<typeof IndexSchema>
export type IndexEntry = IndexFile['fixsets'][number]
/** `manifest.json` as a whole: `{files: ManifestRow[]}`. */
export type ManifestFile = z.infer<typeof ManifestSchema>
export type ManifestRow = ManifestFile['files'][number]
/** The manifest's rows, as `build()` returns them (`result.manifest`), sorted by path. */
export type Manifest = ManifestRow[]

/** The JSON Schema documents written to `output/schema/`, by file name. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'fixset.schema.json': z.toJSONSchema(FixSetSchema),
    'index.schema.json': z.toJSONSchema(IndexSchema),
    'manifest.schema.json': z.toJSONSchema(ManifestSchema)
  }
}
