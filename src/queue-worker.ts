/**
 * `fixset worker --queue redis://…`: takes the scan and render jobs of
 * `queue.ts` from the queue of this fixset build's code, and runs them in the
 * same thread pool as a local build (`pool.ts`), so the time budget, the
 * memory bound, the size cap and the depth bound hold here as they do
 * there. The configuration is read once per namespace from Redis and
 * checked against its namespace (a worker computes nothing for a
 * configuration it does not have exactly). Each job's bytes are checked
 * against their hash before they are used.
 *
 * A worker that dies mid-job loses its lock; BullMQ's stalled-job check (run
 * by the other workers every `stallMs`) gives the job to another worker. A
 * worker reconnects to a Redis that comes back.
 */
import {hostname} from 'node:os'
import {UnrecoverableError, Worker, type Job} from 'bullmq'
import {encodeEntry} from './cache-entry.js'
import {cacheNamespace} from './cache.js'
import type {Config} from './config.js'
import {createPassPool, type PassPool} from './pool.js'
import {configKey, maxStalledCount, queueName, queuePrefix, resultsSeconds, type PassJob} from './queue.js'
import {connectRedis, describeUrl, redisOptions} from './redis-connection.js'
import {sha256Hex} from './stages/discover.js'

export interface WorkerOptions {
  /** Threads, and jobs taken at once. */
  threads: number
  /** A job's lock lasts this long without renewal, and other workers look for stalled jobs this often (BullMQ's default: 30 s). */
  stallMs?: number
  log(line: string): void
}

export interface RunningWorker {
  /** Stops taking jobs, lets those running finish, and disconnects. */
  close(): Promise<void>
}

// A worker outlives a Redis restart: it reconnects, unlike a build, which stops.
const reconnecting = {retryStrategy: (times: number) => Math.min(times * 200, 5000), enableOfflineQueue: true, maxRetriesPerRequest: null}

export async function startQueueWorker(url: string, options: WorkerOptions): Promise<RunningWorker> {
  const client = await connectRedis(url, 'queue', reconnecting)
  const pools = new Map<string, Promise<PassPool>>()
  const poolFor = (namespace: string) => {
    let pool = pools.get(namespace)
    if (!pool) {
      pool = loadConfig(namespace).then((config) => createPassPool(config, options.threads))
      pool.catch(() => pools.delete(namespace))
      pools.set(namespace, pool)
    }
    return pool
  }
  const loadConfig = async (namespace: string): Promise<Config> => {
    const text = await client.get(configKey(namespace))
    if (text === null) throw new UnrecoverableError('the build configuration is not in Redis')
    const config = JSON.parse(text) as Config
    if (cacheNamespace(config) !== namespace) throw new UnrecoverableError('this worker runs another fixset build than the coordinator, or the configuration was altered')
    return config
  }
  const processJob = async (job: Job<PassJob>): Promise<void> => {
    const {namespace, pass, path, sha256, bytes, results, recurring} = job.data
    const source = {path, sha256, bytes: new Uint8Array(Buffer.from(bytes, 'base64'))}
    if (sha256Hex(source.bytes) !== sha256) throw new UnrecoverableError('the bytes on the queue do not match their hash')
    const result = await (await poolFor(namespace)).run(pass, recurring === undefined ? {source} : {source, recurring})
    await client.multi().hset(results, job.id!, encodeEntry(job.id!, result)).expire(results, resultsSeconds).exec()
  }
  const stallMs = options.stallMs ?? 30_000
  const worker = new Worker<PassJob, void>(queueName(), processJob, {
    connection: redisOptions(url, reconnecting),
    prefix: queuePrefix,
    // Named after its machine and process: BullMQ records it on each job it takes (`processedBy`), to find a worker by its job.
    name: `${hostname()}:${process.pid}`,
    concurrency: options.threads,
    lockDuration: stallMs,
    stalledInterval: stallMs,
    maxStalledCount
  })
  worker.on('error', (error) => options.log(`fixset worker: ${error.message.split('\n')[0]}`))
  await worker.waitUntilReady()
  options.log(`fixset worker: taking jobs from queue ${queueName()} at ${describeUrl(url)} with ${options.threads} threads`)
  return {
    async close() {
      await worker.close()
      await Promise.allSettled([...pools.values()].map(async (pool) => (await pool).destroy()))
      await client.quit().catch(() => client.disconnect())
    }
  }
}
