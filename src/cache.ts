/**
 * The per-file cache: scan and render results, keyed by what determines them
 * and nothing else: the file's path and bytes (sha256), fixset's own code
 * (its version and a hash of its compiled modules, so a changed rule never
 * reads a stale entry), and the effective configuration. Never file times.
 * Cross-file work (deduplication, ids, index) is always recomputed, so a warm
 * build is byte-identical to a cold one.
 *
 * Entries are JSON files, written in place: no temporary file and rename,
 * which cost a 10× corpus build ~5% of its time. That is safe because an entry
 * is only used when it parses as JSON, and any cut-short entry does not (a
 * build killed mid-write, a full disk, a reader racing a writer); two builds
 * writing the same entry write the same bytes. An entry that does not parse
 * is a miss: computed again and rewritten, and so is one that parses but is
 * not a result of that pass over that file (`cache-entry.ts`).
 *
 * `--cache redis://HOST:PORT[/DB]` keeps the same entries, under the same
 * keys, in Redis instead (`redis-cache.ts`), so that several machines share them.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {decodeEntry, encodeEntry, entryKey, isRedisUrl, type Cache, type CacheOptions, type CachedPass} from './cache-entry.js'
import type {Config} from './config.js'

export const defaultCacheDir = path.join('node_modules', '.cache', 'fixset')

export type {Cache, CacheOptions} from './cache-entry.js'

/**
 * The cache at `location`: a folder, or a Redis URL (`redis-cache.ts`,
 * loaded only then, so a local build does not load a Redis client).
 */
export async function openCache(location: string, config: Config, options: CacheOptions = {}): Promise<Cache> {
  if (isRedisUrl(location)) return (await import('./redis-cache.js')).openRedisCache(location, cacheNamespace(config), options)
  return openFolderCache(location, config)
}

/** What every entry's key is scoped by: fixset's code and the effective configuration. */
export function cacheNamespace(config: Config): string {
  return createHash('sha256').update(codeFingerprint()).update(JSON.stringify(config)).digest('hex').slice(0, 16)
}

function openFolderCache(directory: string, config: Config): Cache {
  const root = path.resolve(directory, cacheNamespace(config))
  let hits = 0
  const entryFile = (pass: CachedPass, relativePath: string, sha256: string) => {
    const key = entryKey(pass, relativePath, sha256)
    return path.join(root, key.slice(0, 2), `${key}.json`)
  }
  return {
    get hits() {
      return hits
    },
    entryFile,
    read(pass, relativePath, sha256) {
      let text: string
      try {
        // Read synchronously: a rebuild reads thousands of small entries, and the promise API's
        // open/stat/read/close thread-pool round trips cost more than the reads themselves.
        text = readFileSync(entryFile(pass, relativePath, sha256), 'utf8')
      } catch {
        return undefined
      }
      const value = decodeEntry(text, pass, relativePath, sha256)
      if (value !== undefined) hits++
      return value
    },
    write: async (pass, relativePath, sha256, value) => writeCacheEntry(entryFile(pass, relativePath, sha256), value),
    close: async () => {}
  }
}

/**
 * Writes one entry, in the thread that computed its value (a worker, in a
 * pool), so the main thread neither serialises nor writes entries: it feeds
 * the workers.
 */
export function writeCacheEntry(entryFile: string, value: unknown): void {
  const text = encodeEntry(value)
  if (writes(entryFile, text)) return
  // The first entry of a shard folder makes the folder: one failed open per folder, not a mkdir per entry.
  try {
    mkdirSync(path.dirname(entryFile), {recursive: true})
  } catch {
    return
  }
  writes(entryFile, text)
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
