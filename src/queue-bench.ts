/**
 * `npm run bench -- --queue`: the queue and the shared cache, measured on
 * one machine, each build in a child process of its own (`bench.ts`):
 *
 *   local     a cold build (no cache) on the local pool, one thread per core
 *   1 worker  the same on the queue, one `fixset worker` process (one thread)
 *   2 workers the same with two worker processes (one thread each)
 *   shared    a build into an empty output folder with no local cache, but a
 *             Redis cache that a cold build (`fill`) has just filled: what a
 *             fresh CI runner pays when another machine built the corpus
 *
 * Workers' CPU time is not in the coordinator's figures; only wall times compare.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const cli = fileURLToPath(new URL('./cli.js', import.meta.url))

/** A build's figures, as `bench.ts` measures them in a child process. */
interface Measurement {
  seconds: number
  files: number
}

/** `measure` is bench.ts's (passed in: importing it from here would be an import cycle). */
export async function benchQueue(corpus: string, json: boolean, measure: (...args: string[]) => Measurement): Promise<void> {
  if (spawnSync('redis-server', ['--version'], {stdio: 'ignore'}).status !== 0) throw new Error('npm run bench -- --queue needs redis-server (apt-get install redis-server)')
  const scratch = mkdtempSync(path.join(tmpdir(), 'fixset-bench-queue-'))
  const port = await freePort()
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', scratch, '--save', '', '--appendonly', 'no'], {stdio: 'ignore'})
  const url = `redis://127.0.0.1:${port}`
  const workers: ChildProcess[] = []
  const log = (line: string) => process.stderr.write(line + '\n')
  try {
    await new Promise((resolve) => setTimeout(resolve, 500))
    log(`corpus: ${corpus}`)
    const out = (name: string) => path.join(scratch, name)
    const local = measure('build', corpus, out('local'), '')
    log(`local pool      ${local.seconds.toFixed(1)} s`)
    workers.push(await startWorker(url))
    const oneWorker = measure('build', corpus, out('one'), '', '', url)
    log(`1 worker        ${oneWorker.seconds.toFixed(1)} s`)
    workers.push(await startWorker(url))
    const twoWorkers = measure('build', corpus, out('two'), '', '', url)
    log(`2 workers       ${twoWorkers.seconds.toFixed(1)} s`)
    await Promise.all(workers.splice(0).map(stop))
    const cache = `${url}/1`
    const fill = measure('build', corpus, out('fill'), cache)
    log(`cold, filling the Redis cache ${fill.seconds.toFixed(1)} s`)
    const shared = measure('build', corpus, out('shared'), cache)
    log(`shared cache    ${shared.seconds.toFixed(1)} s`)
    const ratio = (value: number) => Math.round(value * 100) / 100
    const report = {
      cores: availableParallelism(),
      measurements: {local, oneWorker, twoWorkers, fill, shared},
      ratios: {oneWorkerToLocal: ratio(oneWorker.seconds / local.seconds), twoWorkersToLocal: ratio(twoWorkers.seconds / local.seconds), sharedToCold: ratio(shared.seconds / fill.seconds)},
      targets: {sharedToCold: 0.15}
    }
    if (json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n')
      return
    }
    const row = (name: string, seconds: number, ratioText: string) => `| ${name} | ${local.files} | ${seconds.toFixed(1)} s | ${ratioText} |`
    process.stdout.write(
      [
        '| run | files | time | ratio (target) |',
        '| --- | --- | --- | --- |',
        row(`cold, local pool (${report.cores} threads)`, local.seconds, '1'),
        row('cold, queue, 1 worker process (1 thread)', oneWorker.seconds, `${report.ratios.oneWorkerToLocal} × local`),
        row('cold, queue, 2 worker processes (1 thread each)', twoWorkers.seconds, `${report.ratios.twoWorkersToLocal} × local`),
        row('cold, local pool, filling a Redis cache', fill.seconds, '1'),
        row('empty output, no local cache, warm Redis cache', shared.seconds, `${report.ratios.sharedToCold} × cold (≤ 0.15)`),
        ''
      ].join('\n')
    )
  } finally {
    await Promise.all(workers.map(stop))
    await stop(redis)
    rmSync(scratch, {recursive: true, force: true})
  }
}

function startWorker(url: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--single-threaded-gc', cli, 'worker', '--queue', url, '--workers', '1'], {stdio: ['ignore', 'ignore', 'pipe']})
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('taking jobs') && resolve(child))
    child.once('exit', (code) => reject(new Error(`fixset worker exited ${code}`)))
  })
}

function stop(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  return exited
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })
}
