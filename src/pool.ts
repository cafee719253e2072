/**
 * The per-file passes in a piscina pool of worker threads, where the time
 * budget (`limits.maxParseMs`) and memory bound hold: a thread that runs
 * over either is terminated and its file rejected (`limit-exceeded`), since
 * remark cannot be interrupted otherwise. The size cap and depth bound are
 * checked by the passes themselves (`process-file.ts`). Used by a local
 * build (`build.ts`) and by each `fixset worker` (`queue-worker.ts`), so a
 * file meets the same bounds wherever it is processed.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import pLimit from 'p-limit'
import {Piscina} from 'piscina'
import type {Config} from './config.js'
import {rejectedFile, runPass, type PassTask, type RenderResult, type ScanResult} from './process-file.js'

export type Pass = 'scan' | 'render'

export interface PassPool {
  /** One pass over one file; a thread stopped for time or memory gives a `limit-exceeded` rejection. */
  run(pass: Pass, task: PassTask): Promise<ScanResult | RenderResult>
  destroy(): Promise<void>
}

/** Workers elsewhere, on a queue (`queue.ts`): how many tasks to keep in flight for them. */
export interface RemotePool extends PassPool {
  readonly concurrency: number
}

/**
 * A pool of `threads` threads, started at its first task (a rebuild that
 * changed nothing starts no thread). Without a compiled worker module
 * (fixset run from its TypeScript sources, as in its own unit tests) the
 * passes run in this thread, unbounded in time.
 */
export function createPassPool(config: Config, threads: number): PassPool {
  const workerModule = new URL('./worker.js', import.meta.url)
  const hasWorkerModule = existsSync(fileURLToPath(workerModule))
  let pool: Piscina | undefined
  const startPool = () =>
    (pool ??= new Piscina({
      filename: workerModule.href,
      minThreads: threads,
      maxThreads: threads,
      workerData: {config},
      resourceLimits: {maxOldGenerationSizeMb: 1024, stackSizeMb: 8}
    }))
  // No more tasks in flight than threads, so a task's time budget starts when a worker takes it, not in a queue.
  const oneTaskPerThread = pLimit(threads)
  return {
    async run(pass, task) {
      if (!hasWorkerModule) return runPass(pass, task, config)
      try {
        return (await oneTaskPerThread(() => startPool().run(task, {name: pass, signal: AbortSignal.timeout(config.limits.maxParseMs)}))) as ScanResult | RenderResult
      } catch (error) {
        // A worker stopped for time or memory wrote no cache entry: a time-out depends on the machine, not on the file alone.
        return rejectedFile(task.source, describeWorkerFailure(error, config), 'limit-exceeded')
      }
    },
    destroy: async () => {
      await pool?.destroy()
    }
  }
}

/** A file rejected because its worker was stopped (time, memory, a lost worker): not a property of the file alone, so never cached. */
export function isLimitRejection(result: ScanResult | RenderResult): boolean {
  return result.status === 'rejected' && result.diagnostics.some((diagnostic) => diagnostic.ruleId === 'limit-exceeded')
}

function describeWorkerFailure(error: unknown, config: Config): string {
  const code = (error as {code?: string}).code
  const name = (error as {name?: string}).name
  if (name === 'AbortError' || name === 'TimeoutError') return `processing took longer than ${config.limits.maxParseMs} ms (--max-parse-ms); the file is too costly to parse`
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'processing ran out of memory; the file is too costly to parse'
  return `fixset could not process this file: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
}
