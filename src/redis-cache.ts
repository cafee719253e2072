/**
 * The per-file cache in Redis (`--cache redis://HOST:PORT[/DB]`): the entries
 * of the folder cache (`cache.ts`), in the same validated format
 * (`cache-entry.ts`) and under the same keys, as Redis strings named
 * `PREFIX NAMESPACE : PASS : KEY`, so every machine that builds with the
 * same fixset code and configuration shares every result. Entries are
 * written by the build's main thread once a worker returns a result (a
 * worker thread holds no Redis connection), with a time to live when one is
 * given. A Redis that cannot be reached, at the start or later, stops the
 * build (`RedisUnreachable`, exit 2): a build never turns silently cold.
 */
import {decodeEntry, defaultCachePrefix, encodeEntry, entryKey, type Cache, type CacheEntry, type CacheOptions} from './cache-entry.js'
import {connectRedis, unreachable} from './redis-connection.js'

export async function openRedisCache(url: string, namespace: string, options: CacheOptions = {}): Promise<Cache> {
  const redis = await connectRedis(url, 'cache', {enableAutoPipelining: true})
  const prefix = `${options.prefix ?? defaultCachePrefix}${namespace}:`
  const redisKey = (entry: CacheEntry) => `${prefix}${entry.pass}:${entry.key}`
  const failed = (error: unknown) => unreachable(url, 'cache', error)
  let hits = 0
  return {
    get hits() {
      return hits
    },
    entry: (pass, relativePath, sha256, variant = '') => ({key: entryKey(namespace, pass, relativePath, sha256, variant), pass, path: relativePath, sha256}),
    async read<T>(entry: CacheEntry) {
      const text = await redis.get(redisKey(entry)).catch((error: unknown) => {
        throw failed(error)
      })
      const value = text === null ? undefined : decodeEntry(text, entry)
      if (value !== undefined) hits++
      return value as T | undefined
    },
    async write(entry, value) {
      const key = redisKey(entry)
      const text = encodeEntry(entry.key, value)
      const written = options.ttlSeconds === undefined ? redis.set(key, text) : redis.set(key, text, 'EX', options.ttlSeconds)
      await written.catch((error: unknown) => {
        throw failed(error)
      })
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    }
  }
}
