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

const inline = z.string().describe('Inline Markdown, without images; never raw HTML')

export const BlockSchema = z
  .discriminatedUnion('type', [
    z.object({type: z.literal('paragraph'), markdown}),
    z.object({type: z.literal('heading'), depth: z.number().int(), text: z.string().describe('Plain text')}),
    z.object({
      type: z.literal('steps'),
      group: z.number().int().describe("Index of this run's procedure in the part's `steps`: a run that carries on the numbering after a screenshot or a note shares its group"),
      start: z.number().int().nullable().describe('The number of its first step, as written'),
      steps: z.array(inline)
    }),
    z.object({type: z.literal('list'), ordered: z.boolean(), items: z.array(markdown)}),
    z.object({type: z.literal('image'), ...ImageSchema.shape}),
    z.object({type: z.literal('video'), ...VideoSchema.shape}),
    z.object({type: z.literal('table'), markdown}),
    z.object({type: z.literal('code'), lang: z.string().nullable(), value: z.string().describe('The code as written, not Markdown')}),
    z.object({type: z.literal('quote'), markdown})
  ])
  .describe('One block of a part, in document order')

const contentShape = {
  blocks: z.array(BlockSchema).describe('The content, in order: the source of truth; the three fields after it are views of it'),
  steps: z.array(z.array(inline)).describe('Step groups: every separate procedure, its steps in order'),
  images: z.array(ImageSchema).describe('Every image block, in order'),
  videos: z.array(VideoSchema).describe('Every video block, in order')
}

export const ContentSchema = z.object(contentShape)

export const FixSchema = z.object({
  number: z.number().int().nullable().describe('The number the article gives the item (Fix 3, Method Three, III, 3.), or null'),
  title: z.string().describe('Plain text, without numbering or markup'),
  group: z.string().nullable().describe('The group the item belongs to (`Part 2: On Windows` → "On Windows"), or null'),
  ...contentShape
})

export const SectionSchema = z.object({
  title: z.string(),
  role: z.enum(['background', 'other']).describe('`background`: what causes it, what it is; `other`: any other content that is not an item'),
  ...contentShape
})

export const FaqEntrySchema = z.object({
  question: z.string().describe('Plain text'),
  answer: markdown
})

export const OutroSchema = z.object({
  title: z.string().nullable(),
  ...contentShape
})

/** Bumped whenever the shape of a fix set changes, so consumers can tell. */
export const fixSetSchemaVersion = 2

export const SourceSchema = z.object({
  path: z.string().describe('Relative to the input folder, `/`-separated'),
  sha256: z.string(),
  title: z.string().nullable().describe('The title this copy was published under (its frontmatter title)'),
  date: z.string().nullable().describe('ISO 8601: YYYY-MM-DD for a day, else the UTC instant as YYYY-MM-DDTHH:MM:SS.sssZ'),
  rawDate: z.string().nullable().describe('The date as written in the frontmatter, also when it could not be read')
})

export const FixSetSchema = z
  .object({
    schemaVersion: z.literal(fixSetSchemaVersion),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string(),
    kind: z.enum(['fixes', 'guide', 'review', 'list', 'news']).describe('fixes: alternative fixes for one problem; guide: one procedure; review; list: "best X"; news: news, analysis, opinion'),
    aliases: z.array(z.string()).describe('Titles of the duplicates, other than the title'),
    description: z.string().nullable(),
    date: z.string().nullable().describe('ISO 8601: YYYY-MM-DD for a day, else the UTC instant as YYYY-MM-DDTHH:MM:SS.sssZ'),
    updated: z.string().nullable().describe('ISO 8601, as date'),
    sourceUrl: z.string().nullable().describe('The http(s) page the article was taken from, from its frontmatter'),
    tags: z.array(z.string()),
    categories: z.array(z.string()),
    sources: z.array(SourceSchema).describe('Every member of the cluster, canonical first'),
    intro: ContentSchema,
    sections: z.array(SectionSchema).describe('Content sections that are neither items nor the conclusion, in order'),
    fixes: z.array(FixSchema).describe("The article's items: fixes, methods, stages, products or sections, at the level the article writes them"),
    faq: z.array(FaqEntrySchema),
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
