/**
 * Worker entry for the pool: the two per-file passes, by name (`scan`,
 * `render`). The configuration arrives once, as the pool's `workerData`.
 */
import {workerData} from 'node:worker_threads'
import type {Config} from './config.js'
import {readOrReject, renderFile, scanFile, type RenderResult, type ScanResult} from './process-file.js'

const {config} = workerData as {config: Config}

export interface Task {
  input: string
  path: string
}

export async function scan(task: Task): Promise<ScanResult> {
  const source = await readOrReject(task.input, task.path)
  return 'bytes' in source ? scanFile(source, config) : source
}

export async function render(task: Task): Promise<RenderResult> {
  const source = await readOrReject(task.input, task.path)
  return 'bytes' in source ? renderFile(source, config) : source
}
