/**
 * The per-file cache: scan and render results, keyed by what determines them
 * and nothing else: the file's path and bytes (sha256), fixset's own code
 * (its version and a hash of its compiled modules, so a changed rule never
 * reads a stale entry), and the effective configuration. Never file times.
 * Cross-file work (deduplication, ids, index) is always recomputed, so a warm
 * build is byte-identical to a cold one.
 *
 * Every entry is validated before use (`cache-entry.ts`): its header's key,
 * a checksum of its value and the schema of a pass's result for that file.
 * Entries are written in place: no temporary file and rename, which cost a
 * 10× corpus build ~5% of its time. That is safe because a cut-short entry
 * (a build killed mid-write, a full disk, a reader racing a writer) fails its
 * checksum; two builds writing the same entry write the same bytes. An entry
 * that fails any check is a miss: computed again and rewritten.
 *
 * `--cache redis://HOST:PORT[/DB]` keeps the same entries, under the same
 * keys, in Redis instead (`redis-cache.ts`), so that several machines share them.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {decodeEntry, encodeEntry, entryKey, isRedisUrl, type Cache, type CacheEntry, type CacheOptions, type CachedPass} from './cache-entry.js'
import type {Config} from './config.js'

export const defaultCacheDir = path.join('node_modules', '.cache', 'fixset')

export type {Cache, CacheEntry, CacheOptions} from './cache-entry.js'

/** A cache in a folder: every entry has a file, which a pool's worker thread writes itself. */
export interface FolderCache extends Cache {
  entry(pass: CachedPass, relativePath: string, sha256: string, variant?: string): CacheEntry & {file: string}
  read<T>(entry: CacheEntry): T | undefined
}

/**
 * The cache at `location`: a folder, or a Redis URL (`redis-cache.ts`,
 * loaded only then, so a local build does not load a Redis client).
 */
export async function openCacheAt(location: string, config: Config, options: CacheOptions = {}): Promise<Cache> {
  if (isRedisUrl(location)) return (await import('./redis-cache.js')).openRedisCache(location, cacheNamespace(config), options)
  return openCache(location, config)
}

/** What every entry's key is scoped by: fixset's code and the effective configuration. */
export function cacheNamespace(config: Config): string {
  return createHash('sha256').update(codeFingerprint()).update(JSON.stringify(config)).digest('hex').slice(0, 16)
}

/** The cache in the folder `directory`. */
export function openCache(directory: string, config: Config): FolderCache {
  const namespace = cacheNamespace(config)
  const root = path.resolve(directory, namespace)
  let hits = 0
  return {
    get hits() {
      return hits
    },
    entry(pass, relativePath, sha256, variant = '') {
      const key = entryKey(namespace, pass, relativePath, sha256, variant)
      return {file: path.join(root, key.slice(0, 2), `${key}.jsonl`), key, pass, path: relativePath, sha256}
    },
    read<T>(entry: CacheEntry) {
      if (entry.file === undefined) return undefined
      let text: string
      try {
        // Read synchronously: a rebuild reads thousands of small entries, and the promise API's
        // open/stat/read/close thread-pool round trips cost more than the reads themselves.
        text = readFileSync(entry.file, 'utf8')
      } catch {
        return undefined
      }
      const value = decodeEntry(text, entry)
      if (value === undefined) return undefined
      hits++
      return value as T
    },
    write: async (entry, value) => {
      if (entry.file !== undefined) writeCacheEntry({file: entry.file, key: entry.key}, value)
    },
    close: async () => {}
  }
}

/**
 * Writes one entry, in the thread that computed its value (a worker, in a
 * pool), so the main thread neither serialises nor writes entries: it feeds
 * the workers.
 */
export function writeCacheEntry(entry: {file: string; key: string}, value: unknown): void {
  const text = encodeEntry(entry.key, value)
  if (writes(entry.file, text)) return
  // The first entry of a shard folder makes the folder: one failed open per folder, not a mkdir per entry.
  try {
    mkdirSync(path.dirname(entry.file), {recursive: true})
  } catch {
    return
  }
  writes(entry.file, text)
}

/** Writes `text` to `file`; false when it cannot (a cache that cannot be written only makes the next build slower). */
function writes(file: string, text: string): boolean {
  try {
    writeFileSync(file, text)
    return true
  } catch {
    return false
  }
}

/** fixset's version and the bytes of its own modules: coordinator and workers of a queue must agree on it. */
let fingerprint: string | undefined
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint
  const here = path.dirname(fileURLToPath(import.meta.url))
  const hash = createHash('sha256')
  hash.update((JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as {version: string}).version)
  for (const name of (readdirSync(here, {recursive: true}) as string[]).sort()) {
    const full = path.join(here, name)
    if (/\.(?:js|ts)$/.test(name) && statSync(full).isFile()) hash.update(name).update(readFileSync(full))
  }
  fingerprint = hash.digest('hex')
  return fingerprint
}
