/**
 * What every per-file cache shares, wherever its entries live (a folder,
 * `cache.ts`; Redis, `redis-cache.ts`): the interface the build uses, the
 * key of an entry, its serialisation, and the check an entry passes before
 * it is used. An entry that fails the check (cut short, written by another
 * program under the same key, or for another file) is a miss: computed
 * again, never a different answer.
 */
import {createHash} from 'node:crypto'

export type CachedPass = 'scan' | 'render'

export interface Cache {
  /** Entries read so far. */
  readonly hits: number
  /** The value of one pass over one version of one file; undefined when there is none or it fails the check. */
  read(pass: CachedPass, relativePath: string, sha256: string): unknown | Promise<unknown>
  /**
   * The entry file a pool's worker thread writes itself (`writeCacheEntry`),
   * for caches in a folder, so the main thread stays free to feed the pool.
   */
  entryFile?(pass: CachedPass, relativePath: string, sha256: string): string
  /** Stores one result: for caches without `entryFile`, and for results computed elsewhere (workers on a queue). */
  write(pass: CachedPass, relativePath: string, sha256: string, value: unknown): Promise<void>
  close(): Promise<void>
}

export const defaultCachePrefix = 'fixset:'

export interface CacheOptions {
  /** Prepended to every Redis key (default `fixset:`), so one Redis can hold several caches, or other data. */
  prefix?: string
  /** Seconds a Redis entry lives after it is written; default: until Redis evicts it. */
  ttlSeconds?: number
}

/** True for the locations `--cache` and `--queue` read as Redis: `redis://HOST:PORT[/DB]` (or `rediss://`, with TLS). */
export function isRedisUrl(location: string): boolean {
  return /^rediss?:\/\//i.test(location)
}

/** The key of one pass over one version of one file, within a namespace (fixset's code and the configuration). */
export function entryKey(pass: CachedPass, relativePath: string, sha256: string): string {
  return createHash('sha256').update(`${pass}\0${relativePath}\0${sha256}`).digest('hex')
}

/** An entry's text: JSON, with typed arrays (signatures) as tagged base64. */
export function encodeEntry(value: unknown): string {
  return JSON.stringify(value, replace)
}

/** The value of an entry's text if it is one of `pass` over the file `relativePath` with these bytes; else undefined. */
export function decodeEntry(text: string, pass: CachedPass, relativePath: string, sha256: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text, revive)
  } catch {
    return undefined
  }
  return isEntryOf(value, pass, relativePath, sha256) ? value : undefined
}

/** The shape every result of `pass` has (`process-file.ts`), for this file and these bytes. */
function isEntryOf(value: unknown, pass: CachedPass, relativePath: string, sha256: string): boolean {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  if (entry.path !== relativePath || entry.sha256 !== sha256 || !Array.isArray(entry.diagnostics) || !Array.isArray(entry.changes)) return false
  if (entry.status === 'rejected') return typeof entry.reason === 'string'
  if (entry.status !== 'ok') return false
  if (pass === 'scan') return typeof entry.title === 'string' && typeof entry.meta === 'object' && entry.meta !== null && isSignature(entry.signature)
  return typeof entry.body === 'string' && typeof entry.article === 'object' && entry.article !== null
}

function isSignature(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const signature = value as Record<string, unknown>
  return signature.shingles instanceof Uint32Array && signature.minhash instanceof Uint32Array
}

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
