/**
 * The per-file passes on a BullMQ queue in Redis: the coordinator's side
 * (`fixset build --queue redis://…`), behind the same interface as the local
 * pool (`pool.ts`), so the build (`build.ts`) runs unchanged. Each job is one
 * pass over one file and carries the file's bytes, so workers
 * (`queue-worker.ts`) need no shared file system; a worker returns the
 * result as a cache entry's text (`cache-entry.ts`), checked here like one.
 *
 * The queue is named after fixset's code (`codeFingerprint`), so a worker of
 * another fixset build never takes a job; the configuration travels once per
 * build, under a key named by its namespace. Jobs are removed from Redis as
 * they finish, and a build that stops early removes those it left. A
 * worker puts each result in a hash of the build's own, under the job's id,
 * which the build reads and deletes when the queue's event stream (read from
 * where it stood when the build started) says the job completed; so the
 * stream, which BullMQ keeps for a while, holds no results. A worker that dies mid-job (SIGKILL, a lost machine) holds
 * its job's lock no longer: BullMQ's stalled-job check gives the job to
 * another worker, at most `maxStalledCount` times; then the file is rejected
 * with that reason. A Redis that goes away stops the build (`RedisUnreachable`).
 */
import {randomUUID} from 'node:crypto'
import {Queue, QueueEvents} from 'bullmq'
import {decodeEntry, type CachedPass} from './cache-entry.js'
import {cacheNamespace, codeFingerprint} from './cache.js'
import type {Config} from './config.js'
import type {RemotePool} from './pool.js'
import {rejectedFile, type RenderResult, type ScanResult} from './process-file.js'
import {connectRedis, redisOptions, unreachable} from './redis-connection.js'
import type {SourceFile} from './stages/discover.js'

/** BullMQ's key prefix for fixset's queues. */
export const queuePrefix = 'fixset-queue'
/**
 * How many times a job whose worker died goes back to the queue: a file is
 * tried `maxStalledCount + 1` times (3), then rejected. A worker that dies
 * on every try is the file's fault, not the machine's.
 */
export const maxStalledCount = 2
/** Jobs kept in flight by the coordinator: enough for a few machines' threads while the next files are read. */
const inFlight = 64
/** How long a build's configuration stays in Redis for workers to read (refreshed by every build). */
const configSeconds = 7 * 24 * 3600
/** How long a results hash outlives its last result, should its build be killed before it deletes it. */
export const resultsSeconds = 24 * 3600

/** One pass over one file, as it travels on the queue. */
export interface PassJob {
  /** The cache namespace of the configuration (`cacheNamespace`), which the worker reads from `configKey(namespace)`. */
  namespace: string
  pass: CachedPass
  path: string
  sha256: string
  /** The file's bytes, base64. */
  bytes: string
  /** For a render: the file's recurring line hashes (`stages/recurring.ts`), which its result depends on. */
  recurring?: number[]
  /** The Redis hash the worker puts the result in (the build's own, deleted when it ends), under the job's id. */
  results: string
}

/** The queue of this fixset build's code. */
export function queueName(): string {
  return `v${codeFingerprint().slice(0, 16)}`
}

export function configKey(namespace: string): string {
  return `${queuePrefix}:config:${namespace}`
}

interface Waiting {
  pass: CachedPass
  source: SourceFile
  resolve(result: ScanResult | RenderResult): void
  reject(error: Error): void
}

export async function openQueuePool(url: string, config: Config): Promise<RemotePool> {
  const client = await connectRedis(url, 'queue')
  const namespace = cacheNamespace(config)
  const name = queueName()
  const connection = redisOptions(url)
  const failed = (error: unknown) => unreachable(url, 'queue', error)
  let queue: Queue | undefined
  let events: QueueEvents | undefined
  try {
    await client.set(configKey(namespace), JSON.stringify(config), 'EX', configSeconds)
    // Events from here on only: ids are this build's own, but the stream is the queue's, shared with other builds.
    const [last] = await client.xrevrange(`${queuePrefix}:${name}:events`, '+', '-', 'COUNT', 1)
    events = new QueueEvents(name, {connection, prefix: queuePrefix, lastEventId: last?.[0] ?? '0-0'})
    queue = new Queue(name, {connection, prefix: queuePrefix})
    // Connection trouble is reported once, through the client's end (below); these only keep EventEmitter from throwing.
    events.on('error', () => {})
    queue.on('error', () => {})
    await Promise.all([events.waitUntilReady(), queue.waitUntilReady()])
  } catch (error) {
    client.disconnect()
    await Promise.allSettled([events?.disconnect(), queue?.disconnect()])
    throw failed(error)
  }
  const [jobs, stream] = [queue, events]
  const build = randomUUID()
  const results = `${queuePrefix}:results:${build}`
  let next = 0
  const waiting = new Map<string, Waiting>()
  let lost: Error | undefined
  const loseAll = (error: unknown) => {
    lost ??= failed(error)
    for (const job of waiting.values()) job.reject(lost)
    waiting.clear()
  }
  // Without reconnection (`redisOptions`), a Redis that goes away ends this connection at once.
  client.on('end', () => loseAll(new Error('the connection was closed')))
  const settle = (jobId: string, result: (job: Waiting) => ScanResult | RenderResult) => {
    const job = waiting.get(jobId)
    if (!job) return
    waiting.delete(jobId)
    job.resolve(result(job))
  }
  stream.on('completed', ({jobId}) => {
    const job = waiting.get(jobId)
    if (!job) return
    client
      .multi()
      .hget(results, jobId)
      .hdel(results, jobId)
      .exec()
      .then((replies) => {
        const text = replies?.[0]?.[1]
        // The worker writes the result as an entry keyed by its job's id: a result of another job is no result for this one.
        const value = typeof text === 'string' ? decodeEntry(text, {key: jobId, pass: job.pass, path: job.source.path, sha256: job.source.sha256}) : undefined
        settle(jobId, () => (value as ScanResult | RenderResult | undefined) ?? rejectedFile(job.source, 'a worker returned something that is not a result for this file', 'limit-exceeded'))
      }, loseAll)
  })
  stream.on('failed', ({jobId, failedReason}) => settle(jobId, (job) => rejectedFile(job.source, describeJobFailure(failedReason), 'limit-exceeded')))
  return {
    concurrency: inFlight,
    async run(pass, {source, recurring}) {
      if (lost) throw lost
      const jobId = `${build}-${++next}`
      const result = new Promise<ScanResult | RenderResult>((resolve, reject) => waiting.set(jobId, {pass, source, resolve, reject}))
      const data: PassJob = {namespace, pass, path: source.path, sha256: source.sha256, bytes: Buffer.from(source.bytes).toString('base64'), results, ...(recurring && {recurring})}
      try {
        await jobs.add(pass, data, {jobId, attempts: 1, removeOnComplete: true, removeOnFail: true})
      } catch (error) {
        waiting.delete(jobId)
        throw lost ?? failed(error)
      }
      return result
    },
    async destroy() {
      if (lost) {
        // Not awaited: closing waits for Redis, which is gone; it stops their retry loops, so the process can exit.
        for (const part of [stream, jobs]) part.close().catch(() => {})
        client.disconnect()
        return
      }
      // A build that stopped early (an error, a signal) takes its unfinished jobs back.
      await Promise.allSettled([...waiting.keys()].map((jobId) => jobs.remove(jobId)))
      await Promise.allSettled([stream.close(), jobs.close(), client.del(results)])
      await client.quit().catch(() => client.disconnect())
    }
  }
}

/** The reason a job failed, as a rejection's sentence. */
function describeJobFailure(reason: string): string {
  if (/stalled/i.test(reason)) return `a worker stopped (killed or lost) while processing this file, ${maxStalledCount + 1} times; the file is rejected`
  return `a worker could not process this file: ${reason.split('\n')[0]}`
}
