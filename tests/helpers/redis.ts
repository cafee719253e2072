/**
 * A real redis-server for a test file: started on a free loopback port, in a
 * scratch folder, with no persistence, and stopped after. Tests that need it
 * skip, saying why, when redis-server is not installed (`.ci/run` installs it).
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {createServer} from 'node:net'
import {Redis} from 'ioredis'
import {scratchDir} from './cli.js'

export const hasRedisServer = spawnSync('redis-server', ['--version'], {stdio: 'ignore'}).status === 0
export const noRedisServer = 'redis-server is not installed (apt-get install redis-server; .ci/run does it)'

export interface RedisServer {
  url: string
  port: number
  /** A client for the test to look at (or spoil) the server's keys. */
  client: Redis
  stop(): Promise<void>
}

/** A loopback port nothing listens on at the moment it is returned. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  const dir = scratchDir('fixset-redis-')
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {stdio: 'ignore'})
  const url = `redis://127.0.0.1:${port}`
  const client = new Redis({host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0})
  client.on('error', () => {})
  for (let attempt = 0; ; attempt++) {
    try {
      await client.connect()
      await client.ping()
      break
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}: ${String(error)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url,
    port,
    client,
    async stop() {
      client.disconnect()
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}
