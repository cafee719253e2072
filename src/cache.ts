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
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {decodeEntry, encodeEntry, type CachedPass} from './cache-entry.js'
import type {Config} from './config.js'

export const defaultCacheDir = path.join('node_modules', '.cache', 'fixset')

/** Where one pass's result over one version of one file is kept, and under which key. */
export interface CacheEntry {
  file: string
  key: string
  pass: CachedPass
  path: string
  sha256: string
}

export interface Cache {
  /**
   * The entry of one pass over one version of one file; `variant` is
   * whatever else the pass's result depends on (a render: the file's
   * recurring line hashes, `stages/recurring.ts`), so a hit never gives another answer.
   */
  entry(pass: CachedPass, relativePath: string, sha256: string, variant?: string): CacheEntry
  /** The entry's value; undefined when it is missing or fails any check (`cache-entry.ts`). */
  read<T>(entry: CacheEntry): T | undefined
  /** Entries read so far. */
  readonly hits: number
}

export function openCache(directory: string, config: Config): Cache {
  const namespace = createHash('sha256').update(codeFingerprint()).update(JSON.stringify(config)).digest('hex').slice(0, 16)
  const root = path.resolve(directory, namespace)
  let hits = 0
  return {
    get hits() {
      return hits
    },
    entry(pass, relativePath, sha256, variant = '') {
      // The namespace is part of the key too: an entry copied from another configuration's folder is a miss.
      const key = createHash('sha256').update(`${namespace}\0${pass}\0${relativePath}\0${sha256}${variant === '' ? '' : `\0${variant}`}`).digest('hex')
      return {file: path.join(root, key.slice(0, 2), `${key}.jsonl`), key, pass, path: relativePath, sha256}
    },
    read<T>(entry: CacheEntry) {
      let text: string
      try {
        // Read synchronously: a rebuild reads thousands of small entries, and the promise API's
        // open/stat/read/close thread-pool round trips cost more than the reads themselves.
        text = readFileSync(entry.file, 'utf8')
      } catch {
        return undefined
      }
      const value = decodeEntry(text, entry, revive)
      if (value === undefined) return undefined
      hits++
      return value as T
    }
  }
}

/**
 * Writes one entry, in the thread that computed its value (a worker, in a
 * pool), so the main thread neither serialises nor writes entries: it feeds
 * the workers.
 */
export function writeCacheEntry(entry: Pick<CacheEntry, 'file' | 'key'>, value: unknown): void {
  const text = encodeEntry(entry.key, value, replace)
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

/** fixset's version and the bytes of its own modules. */
let fingerprint: string | undefined
function codeFingerprint(): string {
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

/** Typed arrays (signatures) as base64, tagged so `revive` can restore them. */
function replace(_key: string, value: unknown): unknown {
  if (value instanceof Uint32Array) return {$u32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}
  return value
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$u32' in value && typeof value.$u32 === 'string') {
    const bytes = Buffer.from(value.$u32, 'base64')
    return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  }
  return value
}
