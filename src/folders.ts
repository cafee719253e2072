/**
 * Creating folders for many files at once. The output writer writes thousands
 * of files into a few folders; `mkdir -p` for each file would ask the file
 * system thousands of times for the same few folders. (Cache entries are
 * written by worker threads, synchronously: `writeCacheEntry` makes a folder
 * when its first entry finds it missing.)
 */
import {mkdir} from 'node:fs/promises'

/**
 * A `mkdir -p` that asks once per folder: concurrent and later calls for the
 * same folder share the first call's promise (and its failure).
 */
export function folderMaker(): (folder: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>()
  return (folder) => {
    let ready = made.get(folder)
    if (!ready) made.set(folder, (ready = mkdir(folder, {recursive: true})))
    return ready
  }
}
