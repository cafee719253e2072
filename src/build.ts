/**
 * The pipeline end to end, handing its files to an output sink (`write.ts`).
 *
 *   discover → scan every file (decode, strip, frontmatter, words, signature,
 *            line hashes) → deduplicate → find the lines recurring across
 *            clusters (`stages/recurring.ts`) → render each canonical member (parse, clean,
 *            extract) → emit its fix set → emit index, manifest and report
 *
 * The expensive remark stages run once per cluster, not once per file: real
 * corpora are massively redundant. Both per-file passes run in a worker pool
 * once the input is large enough to pay for starting one.
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import pMap from 'p-map'
import {defaultConfig, type Config} from './config.js'
import {configFromObject, type ConfigInput} from './config-file.js'
import {readOrReject, rejectedFile, type AcceptedFile, type PassTask, type RejectedFile, type RenderResult, type ScannedFile, type ScanResult} from './process-file.js'
import {outputFromFiles} from './read-output.js'
import type {FixSet} from './schema.js'
import {compareCanonical, deduplicate, similarity, type Cluster} from './stages/dedupe.js'
import {findRecurring, hashHex, recurringIn, type RecurringSet} from './stages/recurring.js'
import {discoverSources, type ReadHooks, type SourceFile} from './stages/discover.js'
import {openCacheAt, type Cache, type CacheEntry, type CacheOptions} from './cache.js'
import {emitClosing, emitFixSet, type Emitted, type EmittedFixSet, type RecurringSummary} from './stages/emit.js'
import {assignIds} from './stages/ids.js'
import {createPassPool, isLimitRejection, type Pass, type RemotePool} from './pool.js'
import {memorySink, type OutputSink} from './write.js'

export interface BuildOptions {
  /** Folder of source articles. */
  input: string
  /** Worker threads for the per-file passes; default: the available cores. */
  workers?: number
  /** Any part of a configuration, validated and merged with the defaults as `--config FILE` is (`config-file.ts`). */
  config?: ConfigInput
  /** Cache folder, or Redis URL (`redis://HOST:PORT[/DB]`), for per-file results; false for none. Default: none (the CLI defaults to `node_modules/.cache/fixset`). */
  cache?: string | false
  /** Key prefix and time to live of a Redis cache. */
  cacheOptions?: CacheOptions
  /**
   * A Redis URL: run the per-file passes on the `fixset worker` processes of
   * that queue (`queue.ts`) instead of a local pool; the output is the same.
   */
  queue?: string
  /** Render every file, not only canonical members (a test proves the output is the same). */
  renderAll?: boolean
  /** Called as files are scanned (pass `scan`), then as clusters are rendered (pass `render`). */
  onProgress?: (done: number, total: number, pass: 'scan' | 'render') => void
  /** For tests: runs between discovery and each read of a file (`stages/discover.ts`), to swap it deterministically. */
  readHooks?: ReadHooks
}

/** What a build reports once its files are out. */
export interface BuildReport extends Emitted {
  /** 0 when every file was used, 1 when any was rejected. */
  exitCode: 0 | 1
  /** Per-file results read from the cache instead of computed. */
  cacheHits: number
  /** How many files the output has. */
  outputFiles: number
}

/** A build whose files were kept in memory. */
export interface BuildResult extends BuildReport {
  /** File contents by path relative to the output folder, in path order. */
  files: Map<string, string>
  /** The fix sets, in id order. */
  fixsets: FixSet[]
}

/** Below this many files per worker a pool costs more to start than it saves. */
const minFilesPerWorker = 32

/** The pipeline end to end, its output kept in memory (library use, tests, `fixset eval`). */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const sink = memorySink()
  const report = await buildInto(sink, options)
  const {files, fixsets} = outputFromFiles(sink.files())
  return {...report, files, fixsets}
}

/**
 * The pipeline end to end, each file handed to `sink` as soon as it is made:
 * a fix set is written when its cluster is rendered, and only what the index,
 * manifest and report need of it stays in memory.
 */
export async function buildInto(sink: OutputSink, options: BuildOptions): Promise<BuildReport> {
  const config = options.config === undefined ? defaultConfig : configFromObject(options.config)
  const input = path.resolve(options.input)
  const {paths, unlisted} = discoverSources(input, config.extensions)
  const cache = options.cache ? await openCacheAt(options.cache, config, options.cacheOptions) : undefined
  let remote: RemotePool | undefined
  try {
    remote = options.queue ? await openRemotePool(options.queue, config) : undefined
  } catch (error) {
    await cache?.close()
    throw error
  }
  const runner = createRunner(input, config, paths.length, options.workers, cache, remote, options.readHooks)
  try {
    let done = 0
    const progress = <T>(pass: Pass, total: number, result: T) => (options.onProgress?.(++done, total, pass), result)
    // Bounded concurrency: only a few files are read and in flight at once, however large the input.
    const scans = await pMap(paths, async (relative) => progress('scan', paths.length, (await runner.run('scan', relative)) as ScanResult), {concurrency: runner.concurrency})
    const accepted = new Map(scans.flatMap((scan) => (scan.status === 'ok' ? [[scan.path, scan] as const] : [])))
    const clusters = deduplicate([...accepted.values()].map(toDedupeInput), config.dedupe)
    const recurring = findRecurring(clusters, (member) => accepted.get(member)!.blocks, config.recurring)
    const render: Render = (scan) => runner.run('render', scan.path, scan.sha256, recurringIn(scan.blocks, recurring)) as Promise<RenderResult>
    const rendered = options.renderAll ? await renderEvery([...accepted.values()], render, runner.concurrency) : undefined

    done = 0
    const late: RejectedFile[] = []
    const plannedIds = assignIds(clusters.map((cluster) => cluster.canonical))
    // A cluster whose planned canonical member failed has no planned id: it waits for the final ids.
    const promoted: Array<{settled: SettledCluster; members: ScannedFile[]}> = []
    const written = await pMap(clusters, async (cluster) => {
      const members = membersOf(cluster, accepted, config)
      const {settled, rejected} = await settle(members, render, rendered)
      late.push(...rejected)
      progress('render', clusters.length, undefined)
      if (!settled) return undefined
      if (settled.canonical.path !== cluster.canonical) return void promoted.push({settled, members})
      return writeFixSet(sink, plannedIds.get(cluster.canonical)!, settled, members)
    }, {concurrency: runner.concurrency})
    const fixsets = await settleIds(
      written.filter((fixset) => fixset !== undefined),
      promoted,
      sink,
      render
    )
    const rejected = [
      ...unlisted.map((entry) => rejectedFile({path: entry.path, sha256: ''}, entry.reason)),
      ...scans.filter((scan): scan is RejectedFile => scan.status === 'rejected'),
      ...late
    ]
    const closing = emitClosing(fixsets, rejected, recurringSummary(recurring, clusters.length))
    for (const [relative, content] of closing.files) await sink.write(relative, content)
    const {files, ...emitted} = closing
    return {
      ...emitted,
      exitCode: rejected.length > 0 ? 1 : 0,
      cacheHits: cache?.hits ?? 0,
      outputFiles: files.size + fixsets.reduce((count, fixset) => count + fixset.fileNames.length, 0)
    }
  } finally {
    await runner.close()
    await cache?.close()
  }
}

/** The queue's client, loaded only for a build on a queue, so a local build does not load BullMQ. */
async function openRemotePool(url: string, config: Config): Promise<RemotePool> {
  return (await import('./queue.js')).openQueuePool(url, config)
}

export interface SettledCluster {
  cluster: Cluster
  canonical: AcceptedFile
  duplicates: ScannedFile[]
}

/** A fix set handed to the sink: what the closing files need, and what to redo it from. */
interface WrittenFixSet extends Omit<EmittedFixSet, 'files'> {
  fileNames: string[]
  canonicalPath: string
  members: ScannedFile[]
}

async function writeFixSet(sink: OutputSink, id: string, settled: SettledCluster, members: ScannedFile[]): Promise<WrittenFixSet> {
  const {files, ...rest} = emitFixSet(id, settled)
  for (const [relative, content] of files) await sink.write(relative, content)
  return {...rest, fileNames: [...files.keys()], canonicalPath: settled.canonical.path, members}
}

/**
 * Ids come from the canonical paths of all fix sets (`stages/ids.ts`). They
 * were planned from the clusters' canonical members; where one could not be
 * rendered and the next member took its place (`promoted`, not written yet),
 * other ids may differ from the plan too: those fix sets are taken back and
 * written again under their final ids.
 */
async function settleIds(
  written: WrittenFixSet[],
  promoted: ReadonlyArray<{settled: SettledCluster; members: ScannedFile[]}>,
  sink: OutputSink,
  render: Render
): Promise<WrittenFixSet[]> {
  const finalIds = assignIds([...written.map((fixset) => fixset.canonicalPath), ...promoted.map(({settled}) => settled.canonical.path)])
  const late = await Promise.all(promoted.map(({settled, members}) => writeFixSet(sink, finalIds.get(settled.canonical.path)!, settled, members)))
  const rewritten = await Promise.all(
    written.map(async (fixset) => {
      const id = finalIds.get(fixset.canonicalPath)!
      if (id === fixset.id) return fixset
      for (const name of fixset.fileNames) await sink.remove(name)
      const members = fixset.members.slice(fixset.members.findIndex((member) => member.path === fixset.canonicalPath))
      const {settled} = await settle(members, render)
      if (settled?.canonical.path !== fixset.canonicalPath) throw new Error(`${fixset.canonicalPath} rendered once but not a second time`)
      return writeFixSet(sink, id, settled, fixset.members)
    })
  )
  return [...rewritten, ...late]
}

/** A cluster's members in canonical order (`stages/dedupe.ts`). */
function membersOf(cluster: Cluster, scans: ReadonlyMap<string, ScannedFile>, config: Config): ScannedFile[] {
  // One dedupe input per member, so compareCanonical reads each date once however often the sort compares it.
  return [cluster.canonical, ...cluster.duplicates.map((duplicate) => duplicate.path)]
    .map((member) => scans.get(member)!)
    .map((scan) => ({scan, input: toDedupeInput(scan)}))
    .sort((a, b) => compareCanonical(a.input, b.input, config.dedupe.canonical))
    .map(({scan}) => scan)
}

/**
 * Renders the first member; should it fail (the parser crashed, say), that
 * member is rejected and the next one takes its place, so one bad file never
 * costs the others their fix set. Members before the canonical one are only
 * there when they failed; those after it are its duplicates.
 */
async function settle(members: readonly ScannedFile[], render: Render, rendered?: ReadonlyMap<string, RenderResult>): Promise<{settled?: SettledCluster; rejected: RejectedFile[]}> {
  const rejected: RejectedFile[] = []
  for (const [index, member] of members.entries()) {
    const result = rendered?.get(member.path) ?? (await render(member))
    if (result.status === 'rejected') {
      rejected.push(result)
      continue
    }
    const duplicates = members.slice(index + 1)
    const canonical: AcceptedFile = {
      ...member,
      article: result.article,
      body: result.body,
      diagnostics: [...member.diagnostics, ...result.diagnostics],
      changes: [...member.changes, ...result.changes]
    }
    const cluster: Cluster = {
      canonical: member.path,
      duplicates: duplicates.map((duplicate) => ({path: duplicate.path, similarity: similarity(member.signature, duplicate.signature)}))
    }
    return {settled: {cluster, canonical, duplicates}, rejected}
  }
  return {rejected}
}

/** Every file rendered up front (`renderAll`), to prove the output does not depend on rendering only canonical members. */
async function renderEvery(scans: readonly ScannedFile[], render: Render, concurrency: number): Promise<Map<string, RenderResult>> {
  return new Map(await pMap(scans, async (scan) => [scan.path, await render(scan)] as const, {concurrency}))
}

/** The render pass over one scanned file, with the recurring hashes it holds. */
type Render = (scan: ScannedFile) => Promise<RenderResult>

/** What report.json says of the corpus's recurring blocks (`fixset explain` reads it back). */
function recurringSummary(recurring: RecurringSet, clusters: number): RecurringSummary {
  const blocks = [...recurring.clusters].sort((a, b) => a[0] - b[0]).map(([hash, count]) => ({hash: hashHex(hash), clusters: count}))
  return {threshold: recurring.threshold, clusters, blocks}
}

function toDedupeInput(scan: ScannedFile) {
  return {path: scan.path, date: scan.meta.date, signature: scan.signature}
}

interface Runner {
  /** How many files to have in flight at once: enough to keep every thread busy while others are read. */
  readonly concurrency: number
  /**
   * One pass over one file. `scannedSha256`, the hash of the bytes its scan
   * read, lets a render be found in the cache without reading the file again;
   * a file whose bytes changed since is rejected, so a fix set never mixes two versions of it.
   */
  run(pass: Pass, relative: string, scannedSha256?: string, recurring?: number[]): Promise<ScanResult | RenderResult>
  close(): Promise<void>
}

/**
 * The per-file passes, behind the cache, in a piscina pool (`pool.ts`), or,
 * with `remote`, on the workers of a queue (`queue.ts`).
 *
 * The file is read here to key the cache, and its bytes go to the worker
 * with the task (reading it again there costs more than the copy); in a
 * local pool the worker writes a folder cache's entry itself, so this thread
 * stays free to feed the pool.
 */
function createRunner(
  input: string,
  config: Config,
  files: number,
  requested: number | undefined,
  cache: Cache | undefined,
  remote?: RemotePool,
  readHooks?: ReadHooks
): Runner {
  const threads = Math.max(1, Math.min(requested ?? availableParallelism(), Math.ceil(files / minFilesPerWorker)))
  const pool = remote ?? createPassPool(config, threads)
  const execute = async (pass: Pass, source: SourceFile, entry: CacheEntry | undefined, recurring: number[] | undefined): Promise<ScanResult | RenderResult> => {
    // In a local pool, only the entry's file and key cross to the worker, which writes the entry itself.
    const workerWrites = !remote && entry?.file !== undefined
    const task: PassTask = {source, ...(workerWrites && {cacheEntry: {file: entry.file!, key: entry.key}}), ...(recurring && {recurring})}
    const result = await pool.run(pass, task)
    if (!workerWrites && entry && cache && !isLimitRejection(result)) await cache.write(entry, result)
    return result
  }
  return {
    concurrency: remote?.concurrency ?? threads * 4,
    async run(pass, relative, scannedSha256, recurring) {
      // The recurring hashes are part of a render's key: the same bytes render differently with others.
      const variant = recurring === undefined || recurring.length === 0 ? '' : recurring.join(',')
      const entryOf = (sha256: string) => cache?.entry(pass, relative, sha256, variant)
      const read = async (entry: CacheEntry | undefined) => (entry === undefined ? undefined : await cache?.read<ScanResult | RenderResult>(entry))
      const known = scannedSha256 === undefined ? undefined : await read(entryOf(scannedSha256))
      if (known) return known
      const source = readOrReject(input, relative, config.limits, readHooks)
      if (!('bytes' in source)) return source
      if (scannedSha256 !== undefined && source.sha256 !== scannedSha256) return rejectedFile(source, 'the file changed while fixset was building; build again')
      const entry = entryOf(source.sha256)
      const cached = scannedSha256 === undefined ? await read(entry) : undefined
      return cached ?? execute(pass, source, entry, recurring)
    },
    close: () => pool.destroy()
  }
}
