/**
 * Stage 7, emit: fix sets, index, manifest, report and schemas as file
 * contents, keyed by their path inside the output folder. Nothing here touches
 * the disk; `write.ts` does, atomically.
 *
 * JSON goes through the zod schemas (validation and a fixed key order), then
 * `JSON.stringify` with two-space indentation and a final newline. Markdown is
 * serialised by mdast-util-to-markdown, frontmatter by the `yaml` package.
 */
import type {Root} from 'mdast'
import {stringify as stringifyYaml} from 'yaml'
import type {z} from 'zod'
import {compareDiagnostics, compareStrings, type Change, type Diagnostic} from '../diagnostics.js'
import {nodeToMarkdown} from '../markdown.js'
import type {SettledCluster} from '../build.js'
import type {AcceptedFile, RejectedFile, ScannedFile} from '../process-file.js'
import {FixSetSchema, IndexSchema, jsonSchemas, ManifestSchema, type FixSet, type ManifestRow} from '../schema.js'
import {assignIds} from './ids.js'

export interface Emitted {
  /** File contents by path relative to the output folder. */
  files: Map<string, string>
  fixsets: FixSet[]
  manifest: ManifestRow[]
  diagnostics: Diagnostic[]
  tally: RuleTally[]
  /** The counts `report.json` opens with (and the CLI's summary line shows). */
  summary: Summary
}

export interface RuleTally {
  ruleId: string
  removed: number
  repaired: number
  bytes: number
}

export function emit(clusters: readonly SettledCluster[], rejected: readonly RejectedFile[]): Emitted {
  const ids = assignIds(clusters.map(({canonical}) => canonical.path))
  const files = new Map<string, string>()
  const fixsets: FixSet[] = []
  const manifest: ManifestRow[] = []

  for (const {cluster, canonical, duplicates} of clusters) {
    const id = ids.get(canonical.path)!
    const fixset = FixSetSchema.parse(assembleFixSet(id, canonical, duplicates))
    fixsets.push(fixset)
    files.set(`fixsets/${id}.json`, toJson(FixSetSchema, fixset))
    files.set(`fixsets/${id}.md`, renderMarkdown(fixset, canonical.body))
    manifest.push(row(canonical, 'canonical', id, 1, null))
    cluster.duplicates.forEach((duplicate, index) => manifest.push(row(duplicates[index]!, 'duplicate', id, duplicate.similarity, canonical.path)))
  }
  for (const file of rejected) manifest.push({...row(file, 'rejected', null, null, null), reason: file.reason})

  fixsets.sort((a, b) => compareStrings(a.id, b.id))
  manifest.sort((a, b) => compareStrings(a.path, b.path))
  const everyFile = [...clusters.flatMap(({canonical, duplicates}) => [canonical, ...duplicates]), ...rejected]
  const diagnostics = everyFile.flatMap((file) => file.diagnostics).sort(compareDiagnostics)
  const tally = tallyChanges(everyFile)

  files.set('index.json', toJson(IndexSchema, {fixsets: fixsets.map(indexEntry)}))
  files.set('manifest.json', toJson(ManifestSchema, {files: manifest}))
  const summary = summarise(manifest, diagnostics)
  files.set('report.json', stringifyJson({summary, tally, diagnostics}))
  for (const [name, schema] of Object.entries(jsonSchemas())) files.set(`schema/${name}`, stringifyJson(schema))
  return {files: new Map([...files].sort(([a], [b]) => compareStrings(a, b))), fixsets, manifest, diagnostics, tally, summary}
}

/**
 * The fix set of a cluster. Its title is the canonical member's title (chosen
 * by the rule in `stages/title.ts`); aliases are the other members' titles,
 * each once, in member order.
 */
function assembleFixSet(id: string, canonical: AcceptedFile, duplicates: readonly ScannedFile[]): FixSet {
  const members = [canonical, ...duplicates]
  const title = canonical.title
  const aliases = [...new Set(members.slice(1).map((member) => member.title))].filter((alias) => alias !== title)
  return {
    id,
    title,
    aliases,
    description: canonical.meta.description,
    date: canonical.meta.date,
    updated: canonical.meta.updated,
    tags: canonical.meta.tags,
    categories: canonical.meta.categories,
    sources: members.map((member) => ({path: member.path, sha256: member.sha256, title: member.meta.title, date: member.meta.date})),
    intro: canonical.article.intro,
    fixes: canonical.article.fixes,
    outro: canonical.article.outro
  }
}


/** Frontmatter (yaml), the title as a level-one heading, then the cleaned body. */
function renderMarkdown(fixset: FixSet, body: string): string {
  const frontmatter = {
    id: fixset.id,
    title: fixset.title,
    aliases: fixset.aliases,
    date: fixset.date,
    updated: fixset.updated,
    description: fixset.description,
    tags: fixset.tags,
    categories: fixset.categories,
    sources: fixset.sources.map((source) => source.path)
  }
  const head: Root = {
    type: 'root',
    children: [
      {type: 'yaml', value: stringifyYaml(frontmatter, {lineWidth: 0}).trimEnd()},
      {type: 'heading', depth: 1, children: [{type: 'text', value: fixset.title}]}
    ]
  }
  // The body was serialised by the same serialiser in the worker; blocks are joined by one blank line.
  return [nodeToMarkdown(head), body].filter((part) => part !== '').join('\n\n') + '\n'
}

function row(file: {path: string; sha256: string}, status: ManifestRow['status'], fixset: string | null, similarity: number | null, duplicateOf: string | null): ManifestRow {
  return {path: file.path, sha256: file.sha256, status, fixset, duplicateOf, similarity, reason: null}
}

function indexEntry(fixset: FixSet) {
  return {
    id: fixset.id,
    title: fixset.title,
    json: `fixsets/${fixset.id}.json`,
    markdown: `fixsets/${fixset.id}.md`,
    fixes: fixset.fixes.length,
    sources: fixset.sources.length
  }
}

function tallyChanges(results: ReadonlyArray<{changes: readonly Change[]}>): RuleTally[] {
  const tally = new Map<string, RuleTally>()
  for (const change of results.flatMap((result) => result.changes)) {
    const entry = tally.get(change.ruleId) ?? {ruleId: change.ruleId, removed: 0, repaired: 0, bytes: 0}
    entry[change.action]++
    entry.bytes += change.bytes
    tally.set(change.ruleId, entry)
  }
  return [...tally.values()].sort((a, b) => compareStrings(a.ruleId, b.ruleId))
}

export interface Summary {
  files: number
  fixsets: number
  duplicates: number
  rejected: number
  errors: number
  warnings: number
}

function summarise(manifest: readonly ManifestRow[], diagnostics: readonly Diagnostic[]): Summary {
  const status = (wanted: ManifestRow['status']) => manifest.filter((row) => row.status === wanted).length
  const severity = (wanted: Diagnostic['severity']) => diagnostics.filter((diagnostic) => diagnostic.severity === wanted).length
  return {
    files: manifest.length,
    fixsets: status('canonical'),
    duplicates: status('duplicate'),
    rejected: status('rejected'),
    errors: severity('error'),
    warnings: severity('warning')
  }
}

function toJson<T>(schema: z.ZodType<T>, value: T): string {
  return stringifyJson(schema.parse(value))
}

/** Pretty-printed JSON with LF line endings and a final newline. */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}
