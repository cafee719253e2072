/**
 * The pipeline end to end, without touching the output folder:
 * discover → (per file, in a worker pool: decode, strip, parse, clean,
 * extract, sign) → deduplicate → emit. Returns every output file's content,
 * the manifest and the diagnostics; `write.ts` puts them on disk.
 */
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {Piscina} from 'piscina'
import {defaultConfig, type Config} from './config.js'
import {processPath, type FileResult} from './process-file.js'
import {deduplicate} from './stages/dedupe.js'
import {listSourcePaths} from './stages/discover.js'
import {emit, type Emitted} from './stages/emit.js'

export interface BuildOptions {
  /** Folder of source articles. */
  input: string
  /** Worker threads for the per-file stages; default: the available cores. 1 runs in this thread. */
  workers?: number
  config?: Config
  /** Called after each file is processed. */
  onProgress?: (done: number, total: number) => void
}

export interface BuildResult extends Emitted {
  /** 0 when every file was used, 1 when any was rejected. */
  exitCode: 0 | 1
}

/** Below this many files a pool costs more to start than it saves. */
const minFilesPerWorker = 32

export async function build(options: BuildOptions): Promise<BuildResult> {
  const config = options.config ?? defaultConfig
  const input = path.resolve(options.input)
  const paths = await listSourcePaths(input, config.extensions)
  const results = await processAll(input, paths, config, options)
  const accepted = results.flatMap((result) => (result.status === 'ok' ? [{path: result.path, date: result.meta.date, signature: result.signature}] : []))
  const emitted = emit(results, deduplicate(accepted, config.dedupe))
  return {...emitted, exitCode: emitted.manifest.some((row) => row.status === 'rejected') ? 1 : 0}
}

async function processAll(input: string, paths: readonly string[], config: Config, options: BuildOptions): Promise<FileResult[]> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(paths.length / minFilesPerWorker)))
  let done = 0
  const progress = (result: FileResult) => {
    options.onProgress?.(++done, paths.length)
    return result
  }
  if (workers === 1) {
    const results: FileResult[] = []
    for (const relative of paths) results.push(progress(await processPath(input, relative, config)))
    return results
  }
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: {config}
  })
  try {
    return await Promise.all(paths.map(async (relative) => progress(await pool.run({input, path: relative}))))
  } finally {
    await pool.destroy()
  }
}
