/**
 * Worker entry for the pool: the two per-file passes, by name (`scan`,
 * `render`). The configuration arrives once, as the pool's `workerData`; each
 * task brings the file's bytes, which the main thread read to key the cache
 * (copying a few kilobytes across threads costs less than reading the file
 * again through the thread pool), and the cache entry to write the result to.
 */
import {workerData} from 'node:worker_threads'
import type {Config} from './config.js'
import {runPass, type PassTask, type RenderResult, type ScanResult} from './process-file.js'

const {config} = workerData as {config: Config}

export function scan(task: PassTask): ScanResult {
  return runPass('scan', task, config) as ScanResult
}

export function render(task: PassTask): RenderResult {
  return runPass('render', task, config) as RenderResult
}
