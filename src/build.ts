/**
 * The pipeline end to end, without touching the output folder.
 *
 *   discover → scan every file (decode, strip, frontmatter, words, signature)
 *            → deduplicate → render each canonical member (parse, clean,
 *            extract) → emit
 *
 * The expensive remark stages run once per cluster, not once per file: real
 * corpora are massively redundant. Both per-file passes run in a worker pool
 * once the input is large enough to pay for starting one.
 */
import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import {defaultConfig, type Config} from './config.js'
import {readOrReject, rejectedFile, renderFile, scanFile, type AcceptedFile, type RejectedFile, type RenderResult, type ScannedFile, type ScanResult} from './process-file.js'
import {compareCanonical, deduplicate, similarity, type Cluster} from './stages/dedupe.js'
import {listSourcePaths, type SourceFile} from './stages/discover.js'
import {openCache, type Cache} from './cache.js'
import {emit, type Emitted} from './stages/emit.js'

export interface BuildOptions {
  /** Folder of source articles. */
  input: string
  /** Worker threads for the per-file passes; default: the available cores. 1 runs in this thread. */
  workers?: number
  config?: Config
  /** Cache folder for per-file results; false for none. Default: none (the CLI defaults to `node_modules/.cache/fixset`). */
  cache?: string | false
  /** Render every file, not only canonical members (a test proves the output is the same). */
  renderAll?: boolean
  /** Called as files are scanned (pass `scan`), then as canonical members are rendered (pass `render`). */
  onProgress?: (done: number, total: number, pass: 'scan' | 'render') => void
}

export interface BuildResult extends Emitted {
  /** 0 when every file was used, 1 when any was rejected. */
  exitCode: 0 | 1
  /** Per-file results read from the cache instead of computed. */
  cacheHits: number
}

/**
 * Parsing allocates many short-lived objects; a young generation this large
 * (semi-spaces of 64 MB instead of 16) cuts a worker's CPU time by ~15% for
 * ~150 MB more memory per worker (`npm run bench` shows the peak).
 */
const youngGenerationMb = 192

/** Below this many files per worker a pool costs more to start than it saves. */
const minFilesPerWorker = 32

export async function build(options: BuildOptions): Promise<BuildResult> {
  const config = options.config ?? defaultConfig
  const input = path.resolve(options.input)
  const paths = await listSourcePaths(input, config.extensions)
  const cache = options.cache ? openCache(options.cache, config) : undefined
  const runner = createRunner(input, config, paths.length, options.workers, cache)
  try {
    let done = 0
    const progress = <T>(pass: Pass, total: number, result: T) => (options.onProgress?.(++done, total, pass), result)
    // Bounded concurrency: only a few files are read and in flight at once, however large the input.
    const scans = await mapLimit(paths, runner.concurrency, async (relative) => progress('scan', paths.length, (await runner.run('scan', relative)) as ScanResult))
    const accepted = new Map(scans.flatMap((scan) => (scan.status === 'ok' ? [[scan.path, scan] as const] : [])))
    const clusters = deduplicate([...accepted.values()].map(toDedupeInput), config.dedupe)

    done = 0
    const wanted = options.renderAll ? [...accepted.keys()] : clusters.map((cluster) => cluster.canonical)
    const rendered = new Map(await mapLimit(wanted, runner.concurrency, async (relative) => [relative, progress('render', wanted.length, (await runner.run('render', relative)) as RenderResult)] as const))
    const late: RejectedFile[] = []
    const final = await Promise.all(clusters.map((cluster) => settleCluster(cluster, accepted, rendered, runner, late, config)))
    const rejected = scans.filter((scan): scan is RejectedFile => scan.status === 'rejected')
    const emitted = emit(final.flat(), [...rejected, ...late])
    return {...emitted, exitCode: rejected.length + late.length > 0 ? 1 : 0, cacheHits: cache?.hits ?? 0}
  } finally {
    await runner.close()
  }
}

export interface SettledCluster {
  cluster: Cluster
  canonical: AcceptedFile
  duplicates: ScannedFile[]
}

/**
 * A cluster whose canonical member cannot be rendered (the parser crashed, say)
 * loses that member, rejected, and the next member in canonical order takes
 * its place, so one bad file never costs the others their fix set.
 */
async function settleCluster(
  cluster: Cluster,
  scans: ReadonlyMap<string, ScannedFile>,
  rendered: Map<string, RenderResult>,
  runner: Runner,
  late: RejectedFile[],
  config: Config
): Promise<SettledCluster[]> {
  const members = [cluster.canonical, ...cluster.duplicates.map((duplicate) => duplicate.path)].map((member) => scans.get(member)!).sort((a, b) => compareCanonical(toDedupeInput(a), toDedupeInput(b), config.dedupe.canonical))
  for (const [index, member] of members.entries()) {
    let result = rendered.get(member.path)
    if (!result) {
      result = (await runner.run('render', member.path)) as RenderResult
      rendered.set(member.path, result)
    }
    if (result.status === 'rejected') {
      late.push(result)
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
    const settled: Cluster = {
      canonical: member.path,
      duplicates: duplicates.map((duplicate) => ({path: duplicate.path, similarity: similarity(member.signature, duplicate.signature)}))
    }
    return [{cluster: settled, canonical, duplicates}]
  }
  return []
}

function toDedupeInput(scan: ScannedFile) {
  return {path: scan.path, date: scan.meta.date, signature: scan.signature}
}

type Pass = 'scan' | 'render'

interface Runner {
  /** How many files to have in flight at once: enough to keep every thread busy while others are read. */
  readonly concurrency: number
  run(pass: Pass, relative: string): Promise<ScanResult | RenderResult>
  close(): Promise<void>
}

/**
 * The per-file passes, behind the cache, in a piscina pool: a worker that runs
 * over the time budget (`limits.maxParseMs`) or out of memory is terminated
 * and its file rejected, since remark cannot be interrupted otherwise. The
 * pool is skipped only where there is no compiled worker module (fixset run
 * from its TypeScript sources, as in its own unit tests).
 *
 * The file is read here to key the cache; a worker reads it again on a miss
 * (from the page cache), which costs less than copying it across threads.
 */
function createRunner(input: string, config: Config, files: number, requested: number | undefined, cache: Cache | undefined): Runner {
  const threads = Math.max(1, Math.min(requested ?? availableParallelism(), Math.ceil(files / minFilesPerWorker)))
  const workerModule = new URL('./worker.js', import.meta.url)
  const pool = existsSync(fileURLToPath(workerModule))
    ? new Piscina({
        filename: workerModule.href,
        minThreads: threads,
        maxThreads: threads,
        workerData: {config},
        resourceLimits: {maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: youngGenerationMb, stackSizeMb: 8}
      })
    : undefined
  const slots = semaphore(threads)
  const execute = async (pass: Pass, source: SourceFile): Promise<ScanResult | RenderResult> => {
    if (!pool) return pass === 'scan' ? scanFile(source, config) : renderFile(source, config)
    // No more tasks in flight than threads, so a task's time budget starts when a worker takes it, not in a queue.
    await slots.acquire()
    try {
      return (await pool.run({input, path: source.path}, {name: pass, signal: AbortSignal.timeout(config.limits.maxParseMs)})) as ScanResult | RenderResult
    } catch (error) {
      return rejectedFile(source, describeWorkerFailure(error, config), 'limit-exceeded')
    } finally {
      slots.release()
    }
  }
  return {
    concurrency: threads * 4,
    async run(pass, relative) {
      const source = await readOrReject(input, relative)
      if (!('bytes' in source)) return source
      const cached = await cache?.get<ScanResult | RenderResult>(pass, relative, source.sha256)
      if (cached) return cached
      const result = await execute(pass, source)
      // A time-out depends on the machine, not on the file alone: never cached.
      if (!result.diagnostics.some((diagnostic) => diagnostic.ruleId === 'limit-exceeded')) await cache?.set(pass, relative, source.sha256, result)
      return result
    },
    close: async () => {
      await pool?.destroy()
    }
  }
}

function describeWorkerFailure(error: unknown, config: Config): string {
  const code = (error as {code?: string}).code
  const name = (error as {name?: string}).name
  if (name === 'AbortError' || name === 'TimeoutError') return `processing took longer than ${config.limits.maxParseMs} ms (--max-parse-ms); the file is too costly to parse`
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'processing ran out of memory; the file is too costly to parse'
  return `fixset could not process this file: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
}

/** `Promise.all(items.map(fn))` with at most `limit` calls running at once; results keep the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const slots = semaphore(limit)
  return Promise.all(
    items.map(async (item) => {
      await slots.acquire()
      try {
        return await fn(item)
      } finally {
        slots.release()
      }
    })
  )
}

/** At most `size` holders at once; the others wait in arrival order. */
function semaphore(size: number) {
  let free = size
  const waiting: Array<() => void> = []
  return {
    acquire(): Promise<void> {
      if (free > 0) {
        free--
        return Promise.resolve()
      }
      return new Promise((resolve) => waiting.push(resolve))
    },
    release(): void {
      const next = waiting.shift()
      if (next) next()
      else free++
    }
  }
}
