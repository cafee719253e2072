/**
 * Worker entry for the pool: the two per-file passes, by name (`scan`,
 * `render`). The configuration arrives once, as the pool's `workerData`; each
 * task brings the file's bytes, which the main thread read to key the cache
 * (copying a few kilobytes across threads costs less than reading the file
 * again through the thread pool).
 */
import {workerData} from 'node:worker_threads'
import type {Config} from './config.js'
import {renderFile, scanFile, type RenderResult, type ScanResult} from './process-file.js'
import type {SourceFile} from './stages/discover.js'

const {config} = workerData as {config: Config}

export function scan(source: SourceFile): ScanResult {
  return scanFile(source, config)
}

export function render(source: SourceFile): RenderResult {
  return renderFile(source, config)
}
