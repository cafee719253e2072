/**
 * Stage 7, emit: fix sets, index, manifest, report and schemas as file
 * contents, keyed by their path inside the output folder. Nothing here touches
 * the disk: the build hands each file to an output sink (`write.ts`) as soon
 * as it is made, so fix sets are written one by one, never all held at once.
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
import type {RejectedFile} from '../process-file.js'
import {markerContent, markerFileName} from '../output-marker.js'
import {FixSetSchema, fixSetSchemaVersion, IndexSchema, jsonSchemas, ManifestSchema, type FixSet, type IndexEntry, type Manifest, type ManifestRow} from '../schema.js'
import {classifyKind} from './extract/index.js'
import {safeFields} from './safe-fields.js'
import {safeMarkdown} from './safe-markdown.js'

/** What a build reports besides its files. */
export interface Emitted {
  manifest: Manifest
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

/** One fix set's files and what the closing files need of it (small: no article text). */
export interface EmittedFixSet {
  id: string
  /** File contents by path relative to the output folder. */
  files: Map<string, string>
  entry: IndexEntry
  rows: ManifestRow[]
  diagnostics: Diagnostic[]
  changes: Change[]
}

/** The files of one cluster's fix set: its JSON and its Markdown. */
export function emitFixSet(id: string, settled: SettledCluster): EmittedFixSet {
  const {cluster, canonical, duplicates} = settled
  const members = [canonical, ...duplicates]
  // Plain fields are made plain and Markdown safe here, on whatever produced them (a stage or a cache entry).
  const {fixset: safe, warnings} = safeFields(assembleFixSet(id, settled))
  const fixset = FixSetSchema.parse(safe)
  const body = safeMarkdown(canonical.body)
  warnings.push(...body.warnings)
  const files = new Map([
    [`fixsets/${id}.json`, toJson(FixSetSchema, fixset)],
    [`fixsets/${id}.md`, renderMarkdown(fixset, body.value)]
  ])
  const rows = [row(canonical, 'canonical', id, 1, null), ...cluster.duplicates.map((duplicate, index) => row(duplicates[index]!, 'duplicate', id, duplicate.similarity, canonical.path))]
  return {id, files, entry: indexEntry(fixset), rows, diagnostics: [...members.flatMap((member) => member.diagnostics), ...warnings.map((message) => plainTextWarning(canonical.path, message))], changes: members.flatMap((member) => member.changes)}
}

/**
 * The corpus's recurring blocks (`stages/recurring.ts`), as report.json lists
 * them: the number of clusters a line needed, of how many, and each recurring
 * line's hash (14 hex digits) with the clusters that hold it, by hash.
 */
export interface RecurringSummary {
  threshold: number
  clusters: number
  blocks: Array<{hash: string; clusters: number}>
}

/** The files that describe the whole build: the `.fixset` marker (`output-marker.ts`), index, manifest, report and JSON schemas. */
export function emitClosing(
  fixsets: ReadonlyArray<Omit<EmittedFixSet, 'files'>>,
  rejected: readonly RejectedFile[],
  recurring: RecurringSummary = {threshold: 0, clusters: 0, blocks: []}
): Emitted & {files: Map<string, string>} {
  const manifest = [...fixsets.flatMap((fixset) => fixset.rows), ...rejected.map((file) => ({...row(file, 'rejected', null, null, null), reason: file.reason}))].sort((a, b) => compareStrings(a.path, b.path))
  const diagnostics = [...fixsets.flatMap((fixset) => fixset.diagnostics), ...rejected.flatMap((file) => file.diagnostics)].sort(compareDiagnostics)
  const tally = tallyChanges([...fixsets.flatMap((fixset) => fixset.changes), ...rejected.flatMap((file) => file.changes)])
  const summary = summarise(manifest, diagnostics)
  const files = new Map([
    [markerFileName, stringifyJson(markerContent())],
    ['index.json', toJson(IndexSchema, {fixsets: fixsets.map((fixset) => fixset.entry).sort((a, b) => compareStrings(a.id, b.id))})],
    ['manifest.json', toJson(ManifestSchema, {files: manifest})],
    ['report.json', stringifyJson({summary, tally, recurring, diagnostics})],
    ...Object.entries(jsonSchemas()).map(([name, schema]) => [`schema/${name}`, stringifyJson(schema)] as [string, string])
  ])
  return {files, manifest, diagnostics, tally, summary}
}

/**
 * The fix set of a cluster. Its title is the canonical member's title (chosen
 * by the rule in `stages/title.ts`); aliases are the other members' titles,
 * each once, in member order. `safeFields` makes its plain fields plain.
 */
function assembleFixSet(id: string, {canonical, duplicates}: SettledCluster): FixSet {
  const members = [canonical, ...duplicates]
  const title = canonical.title
  const aliases = [...new Set(members.slice(1).map((member) => member.title))].filter((alias) => alias !== title)
  return {
    schemaVersion: fixSetSchemaVersion,
    id,
    title,
    kind: classifyKind(title, canonical.article.evidence),
    aliases,
    description: canonical.meta.description,
    date: canonical.meta.date,
    updated: canonical.meta.updated,
    sourceUrl: canonical.meta.sourceUrl,
    tags: canonical.meta.tags,
    categories: canonical.meta.categories,
    sources: members.map((member) => ({path: member.path, sha256: member.sha256, title: member.meta.title, date: member.meta.date, rawDate: member.meta.rawDate})),
    intro: canonical.article.intro,
    sections: canonical.article.sections,
    fixes: canonical.article.fixes,
    faq: canonical.article.faq,
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
    sourceUrl: fixset.sourceUrl,
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

function plainTextWarning(file: string, message: string): Diagnostic {
  return {file, line: null, column: null, ruleId: 'plain-text', severity: 'warning', message}
}

function row(file: {path: string; sha256: string}, status: ManifestRow['status'], fixset: string | null, similarity: number | null, duplicateOf: string | null): ManifestRow {
  return {path: file.path, sha256: file.sha256, status, fixset, duplicateOf, similarity, reason: null}
}

function indexEntry(fixset: FixSet): IndexEntry {
  return {
    id: fixset.id,
    title: fixset.title,
    json: `fixsets/${fixset.id}.json`,
    markdown: `fixsets/${fixset.id}.md`,
    fixes: fixset.fixes.length,
    sources: fixset.sources.length
  }
}

function tallyChanges(changes: readonly Change[]): RuleTally[] {
  const tally = new Map<string, RuleTally>()
  for (const change of changes) {
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
