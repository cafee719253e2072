/**
 * Gold annotations (`../shared/gold/GUIDELINES.md`): one JSON file per source
 * article saying what an ideal fix set made from it contains. Read and
 * validated here; compared with a build in `compare.ts`.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {z} from 'zod'
import {compareStrings} from '../diagnostics.js'
import {UsageError} from '../write.js'

export const goldKinds = ['fixes', 'guide', 'review', 'list', 'news', 'not-an-article'] as const

export const GoldItemSchema = z.object({
  title: z.string(),
  number: z.number().int().nullable(),
  group: z.string().nullable().default(null),
  steps: z.array(z.array(z.string())).default([])
})

export const GoldSchema = z.object({
  path: z.string().describe('Relative to the build input, `/`-separated'),
  kind: z.enum(goldKinds),
  title: z.string(),
  title_source: z.string().optional(),
  items: z.array(GoldItemSchema).default([]),
  faq: z.array(z.string()).default([]),
  other_sections: z.array(z.object({title: z.string(), role: z.string()})).default([]),
  keep: z.array(z.string()).default([]),
  junk: z.array(z.string()).default([]),
  notes: z.string().optional()
})

export type Gold = z.infer<typeof GoldSchema>
export type GoldItem = z.infer<typeof GoldItemSchema>

/** Every annotation in a folder (`*.json`, in name order), or the one file given. */
export async function readGold(location: string): Promise<Gold[]> {
  const info = await stat(location).catch(() => null)
  if (info === null) throw new UsageError(`--gold ${location}: no such file or folder`)
  const files = info.isDirectory()
    ? (await readdir(location))
        .filter((name) => name.endsWith('.json'))
        .sort(compareStrings)
        .map((name) => path.join(location, name))
    : [location]
  const annotations: Gold[] = []
  for (const file of files) {
    const parsed = GoldSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    if (!parsed.success) throw new UsageError(`${file} is not a gold annotation: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`)
    annotations.push(parsed.data)
  }
  return annotations
}
