/**
 * Connections to Redis, for the shared cache (`redis-cache.ts`) and the job
 * queue (`queue.ts`). A Redis that cannot be reached, or that goes away
 * mid-build, is an error with one plain line and exit 2 (`RedisUnreachable`),
 * never a silent cold build: ioredis's reconnection and offline queue are
 * turned off, so a command fails at once instead of waiting for a server
 * that may never come back.
 */
import {Redis, type RedisOptions} from 'ioredis'
import {UsageError} from './write.js'

/** Redis could not be reached, or stopped answering. Exit 2, one line, no stack. */
export class RedisUnreachable extends UsageError {
  override name = 'RedisUnreachable'
}

/** The URL without its password, to name in messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString().replace(/\/$/, '')
  } catch {
    return url
  }
}

/** ioredis options for `url`: no reconnection, no offline queue, a short connect time-out. */
export function redisOptions(url: string, extra: RedisOptions = {}): RedisOptions {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`${url} is not a Redis URL (redis://HOST:PORT[/DB])`)
  }
  const db = parsed.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d+$/.test(db)) throw new UsageError(`${describeUrl(url)}: the database after the port must be a number (redis://HOST:PORT/DB)`)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    db: db === '' ? 0 : Number(db),
    ...(parsed.username && {username: decodeURIComponent(parsed.username)}),
    ...(parsed.password && {password: decodeURIComponent(parsed.password)}),
    ...(parsed.protocol === 'rediss:' && {tls: {}}),
    lazyConnect: true,
    connectTimeout: 3000,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    ...extra
  }
}

/** A connected client; throws RedisUnreachable naming `role` (`cache`, `queue`) and the URL when it cannot connect. */
export async function connectRedis(url: string, role: string, extra: RedisOptions = {}): Promise<Redis> {
  const redis = new Redis(redisOptions(url, extra))
  // ioredis reports the cause (ECONNREFUSED, a DNS failure) as an 'error' event; the failed connect only says "Connection is closed".
  let cause: unknown
  redis.on('error', (error: unknown) => (cause ??= error))
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    throw unreachable(url, role, cause ?? error)
  }
  return redis
}

/** The one-line error for a Redis that cannot be reached (or stopped answering) while fixset uses it as `role`. */
export function unreachable(url: string, role: string, error: unknown): RedisUnreachable {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return new RedisUnreachable(`the ${role} at ${describeUrl(url)} cannot be reached: ${reason}`)
}
