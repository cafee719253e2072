/**
 * Worker entry for the parse pool: runs the per-file pipeline for one path.
 * The configuration arrives once, as the pool's `workerData`.
 */
import {workerData} from 'node:worker_threads'
import type {Config} from './config.js'
import {processPath, type FileResult} from './process-file.js'

const {config} = workerData as {config: Config}

export default function processTask(task: {input: string; path: string}): Promise<FileResult> {
  return processPath(task.input, task.path, config)
}
