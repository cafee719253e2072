/**
 * `npm run bench`: fixset's speed and memory on a real corpus, as ratios
 * measured in one run on one machine (never asserted in tests).
 *
 *   floor   parse every file once with unified + remark-parse + remark-frontmatter, one thread
 *   cold    `fixset build` with an empty cache
 *   warm    the same build again (same input, cache and output folder), nothing changed
 *   10×     a cold build of a corpus ten times larger, made from the first by
 *           copying every file nine times with small edits (title, date, an
 *           ad, one changed sentence); the cold build runs again after it, and
 *           the 10× ratio uses the mean of the cold builds on either side
 *   1 worker  a cold build on one worker thread, right after that cold build:
 *           how much faster the machine's cores build than one
 *   stages  the cold build's per-file work done in one thread, with no pool:
 *           every file scanned, each canonical member rendered; divided by
 *           the cores, the least time any schedule of that work can take
 *           (its files are read, but nothing is written)
 *
 * The floor, cold and warm run in rounds (`--rounds`, default 3): floor,
 * then per round cold, warm, floor; each cold build is compared with the mean
 * of the floors on either side of it, and the report takes each ratio's
 * median round, so a drift in the machine's speed neither flatters nor spoils the ratios.
 *
 * Each measurement runs in a child process of its own, which reports its
 * time, CPU time and peak resident memory (worker threads included). The
 * floor also records each file's parse time, so the report can say what
 * share of it the cold build's canonical members alone take. Divided by the
 * cores' speed-up over one worker, that is a lower bound for any build that
 * parses them with remark on this machine.
 *
 *   npm run bench -- [--input DIR] [--rounds N] [--json]
 *
 * With `--queue`, instead: a redis-server of the bench's own on a free
 * loopback port, then cold builds (no cache) on the local pool, on one
 * `fixset worker` process and on two (one thread each), and a cold build
 * into an empty output folder, with no local cache, that shares a Redis
 * cache another build has just filled (`queue-bench.ts`).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {buildInto} from './build.js'
import {defaultConfig} from './config.js'
import {renderFile, scanFile} from './process-file.js'
import type {ManifestRow} from './schema.js'
import {listSourcePaths, readSource} from './stages/discover.js'
import {openOutput} from './write.js'

interface Measurement {
  seconds: number
  /** CPU time of the whole process, its worker threads and V8's own helper threads included. */
  cpuSeconds: number
  peakRssMb: number
  files: number
}

const here = fileURLToPath(import.meta.url)
const defaultCorpus = path.resolve(path.dirname(here), '../../shared/corpus/raw')

/** Child mode: run one measurement and print it as JSON. */
async function child(kind: string, input: string, output?: string, cache?: string, workers?: string, queue?: string): Promise<void> {
  const started = performance.now()
  let files = 0
  if (kind === 'floor') {
    // Each file's parse time, so the share the canonical members take of the floor can be worked out.
    const times: Record<string, number> = {}
    const parser = unified().use(remarkParse).use(remarkFrontmatter)
    for (const relative of await listSourcePaths(input, defaultConfig.extensions)) {
      const start = performance.now()
      parser.parse(readFileSync(path.join(input, relative), 'utf8'))
      times[relative] = performance.now() - start
      files++
    }
    writeFileSync(output!, JSON.stringify(times))
  } else if (kind === 'stages') {
    // `output` is the cold build's manifest: its canonical members are the files that build rendered.
    const canonical = canonicalPaths(output!)
    for (const relative of await listSourcePaths(input, defaultConfig.extensions)) {
      const source = readSource(input, relative, defaultConfig.limits)
      scanFile(source, defaultConfig)
      if (canonical.has(relative)) renderFile(source, defaultConfig)
      files++
    }
  } else {
    // As the CLI does: fix sets stream into the output folder as they are made.
    const writer = await openOutput(output!)
    const report = await buildInto(writer, {input, cache: cache || false, workers: workers ? Number(workers) : undefined, ...(queue && {queue})})
    await writer.commit()
    files = report.manifest.length
  }
  const usage = process.resourceUsage()
  const measurement: Measurement = {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakRssMb: Math.round(usage.maxRSS / 1024),
    files
  }
  process.stdout.write(JSON.stringify(measurement) + '\n')
}

function measure(...args: string[]): Measurement {
  // Builds (and their stages in one thread) run with the flag `npm run build-content` uses (see README, Performance); the floor with Node's defaults.
  const flags = args[0] === 'floor' ? [] : ['--single-threaded-gc']
  const run = spawnSync(process.execPath, [...flags, here, '--child', ...args], {encoding: 'utf8', maxBuffer: 1 << 26})
  if (run.status !== 0) throw new Error(`bench child ${args[0]} failed:\n${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Measurement
}

/**
 * Nine edited copies of every file: another title and date, another ad in the
 * first marker range, and one sentence changed, the way republished copies
 * differ. Copies land in `copy-N/` folders beside the originals.
 */
async function generateTenfold(corpus: string, target: string): Promise<number> {
  let count = 0
  const files = await listSourcePaths(corpus, defaultConfig.extensions)
  for (let copy = 0; copy < 10; copy++) {
    for (const name of files) {
      let text = readFileSync(path.join(corpus, name), 'utf8')
      if (copy > 0) {
        text = text
          .replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')} (edition ${copy})`)}`)
          .replace(/^date: (\d{4})-(\d\d)-(\d\d)/m, (_, year: string, month: string, day: string) => `date: ${Number(year) + copy}-${month}-${day}`)
          .replace(/(<!-- affiliate ads begin -->\n)/, `$1<a href="https://example.sjv.io/c/${copy}"><img src="//a.impactradius-go.com/display-ad/${copy}"/></a>\n`)
          .replace(/\b(is|are|can|will)\b/, `$1 (as of edition ${copy})`)
      }
      const destination = path.join(target, `copy-${copy}`, name)
      mkdirSync(path.dirname(destination), {recursive: true})
      writeFileSync(destination, text)
      count++
    }
  }
  return count
}

async function main(): Promise<void> {
  const {values} = parseArgs({options: {input: {type: 'string'}, rounds: {type: 'string'}, json: {type: 'boolean'}, child: {type: 'boolean'}, queue: {type: 'boolean'}}, allowPositionals: true, strict: false})
  if (values.child) {
    const [, , , kind, input, output, cache, workers, queue] = process.argv
    return child(kind!, input!, output, cache, workers, queue)
  }
  const corpus = path.resolve(typeof values.input === 'string' ? values.input : defaultCorpus)
  if (values.queue) return (await import('./queue-bench.js')).benchQueue(corpus, values.json === true, measure)
  const roundCount = typeof values.rounds === 'string' ? Number(values.rounds) : 3
  if (!Number.isInteger(roundCount) || roundCount < 1) throw new Error(`--rounds must be a whole number of at least 1, not ${String(values.rounds)}`)
  const scratch = mkdtempSync(path.join(tmpdir(), 'fixset-bench-'))
  try {
    const log = (line: string) => process.stderr.write(line + '\n')
    log(`corpus: ${corpus}`)
    // A shared machine's speed drifts (this project's VM: 2× within a day). So the floor and the
    // cold build alternate for several rounds, each cold build is compared with the floors on
    // either side of it, and the report gives each ratio's median.
    const floors = [measure('floor', corpus, path.join(scratch, 'floor-times.json'))]
    log(`floor  ${floors[0]!.seconds.toFixed(1)} s`)
    const rounds: Round[] = []
    for (let index = 0; index < roundCount; index++) {
      const cache = path.join(scratch, `cache-${index}`)
      const cold = measure('build', corpus, path.join(scratch, `out-cold-${index}`), cache)
      log(`cold   ${cold.seconds.toFixed(1)} s`)
      // Nothing changed: the same input, cache and output folder.
      const warm = measure('build', corpus, path.join(scratch, `out-cold-${index}`), cache)
      log(`warm   ${warm.seconds.toFixed(1)} s`)
      floors.push(measure('floor', corpus, path.join(scratch, `floor-times-${index + 1}.json`)))
      log(`floor  ${floors.at(-1)!.seconds.toFixed(1)} s`)
      const floor = meanOf(floors.at(-2)!, floors.at(-1)!)
      rounds.push({floor, cold, warm, coldToFloor: round(cold.seconds / floor.seconds), coldCpuToFloorCpu: round(cold.cpuSeconds / floor.cpuSeconds), warmToCold: round(warm.seconds / cold.seconds)})
    }
    // Each ratio is its own median: the round with the median cold ratio need not have the median warm one.
    const {floor, cold, coldToFloor} = medianRound(rounds, 'coldToFloor')
    const {warm, warmToCold} = medianRound(rounds, 'warmToCold')
    const {coldCpuToFloorCpu} = medianRound(rounds, 'coldCpuToFloorCpu')
    const coldManifest = path.join(scratch, 'out-cold-0', 'manifest.json')
    const canonicalShare = canonicalShareOfFloor(path.join(scratch, 'floor-times.json'), coldManifest)
    const tenfoldInput = path.join(scratch, 'tenfold')
    await generateTenfold(corpus, tenfoldInput)
    const tenfold = measure('build', tenfoldInput, path.join(scratch, 'out-tenfold'), path.join(scratch, 'cache-tenfold'))
    log(`10×    ${tenfold.seconds.toFixed(1)} s`)
    // As for the floor: the 10× build is compared with the cold builds on either side of it.
    const coldBefore = rounds.at(-1)!.cold
    const coldAgain = measure('build', corpus, path.join(scratch, 'out-cold-again'), path.join(scratch, 'cache-again'))
    log(`cold   ${coldAgain.seconds.toFixed(1)} s (again)`)
    const coldMean = meanOf(coldBefore, coldAgain)
    // How much faster all the cores build than one worker (compared with the cold build just before):
    // what the canonical members' share of the floor is divided by, rather than the number of cores.
    const coldOneWorker = measure('build', corpus, path.join(scratch, 'out-one-worker'), path.join(scratch, 'cache-one-worker'), '1')
    log(`cold   ${coldOneWorker.seconds.toFixed(1)} s (1 worker)`)
    const parallelSpeedup = coldOneWorker.seconds / coldAgain.seconds
    // The per-file work alone, compared with floors on either side of it.
    const floorBeforeStages = measure('floor', corpus, path.join(scratch, 'floor-times-before-stages.json'))
    log(`floor  ${floorBeforeStages.seconds.toFixed(1)} s`)
    const stages = measure('stages', corpus, coldManifest)
    log(`stages ${stages.seconds.toFixed(1)} s (1 thread)`)
    const floorAfterStages = measure('floor', corpus, path.join(scratch, 'floor-times-after-stages.json'))
    log(`floor  ${floorAfterStages.seconds.toFixed(1)} s`)
    const stagesToFloor = stages.seconds / meanOf(floorBeforeStages, floorAfterStages).seconds

    const rate = (m: Measurement) => Math.round(m.files / m.seconds)
    const report = {
      machine: {cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', node: process.version},
      measurements: {floor, cold, warm, tenfold, coldBefore, coldAgain, coldOneWorker, stages},
      rounds,
      ratios: {
        coldToFloor,
        coldCpuToFloorCpu,
        canonicalShareOfFloor: round(canonicalShare),
        parallelSpeedup: round(parallelSpeedup),
        remarkBound: round(canonicalShare / parallelSpeedup),
        stagesToFloor: round(stagesToFloor),
        workBound: round(stagesToFloor / availableParallelism()),
        warmToCold,
        tenfoldToCold: round(tenfold.seconds / coldMean.seconds)
      },
      targets: {coldToFloor: 0.35, warmToCold: 0.15, tenfoldToCold: 3, coldPeakRssMb: 1536, tenfoldPeakRssMb: 2560}
    }
    if (values.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n')
      return
    }
    const row = (name: string, m: Measurement, ratio: string) =>
      `| ${name} | ${m.files} | ${m.seconds.toFixed(1)} s | ${m.cpuSeconds.toFixed(1)} s | ${rate(m)} | ${m.peakRssMb} MB | ${ratio} |`
    process.stdout.write(
      [
        `machine: ${report.machine.cpus} cores, ${report.machine.model}, Node ${report.machine.node}`,
        '',
        '| run | files | time | CPU time | docs/s | peak RSS | ratio (target) |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        row('parse every file (floor, 1 thread; mean of the floors before and after the cold build)', floor, '1'),
        row('fixset cold build', cold, `${report.ratios.coldToFloor} × floor (≤ 0.35)`),
        row('fixset warm rebuild', warm, `${report.ratios.warmToCold} × cold (≤ 0.15)`),
        row('fixset cold build, 10× corpus', tenfold, `${report.ratios.tenfoldToCold} × cold (≤ 3; cold = mean of ${coldBefore.seconds.toFixed(1)} s before and ${coldAgain.seconds.toFixed(1)} s after)`),
        '',
        `Of ${rounds.length} rounds, the floor and cold rows are the round with the median cold ratio, the warm row the round with the median warm ratio. Every round:`,
        '',
        '| round | floor | cold | warm | cold ÷ floor | cold CPU ÷ floor CPU | warm ÷ cold |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rounds.map((r, index) => `| ${index + 1} | ${r.floor.seconds.toFixed(1)} s | ${r.cold.seconds.toFixed(1)} s | ${r.warm.seconds.toFixed(1)} s | ${r.coldToFloor} | ${r.coldCpuToFloorCpu} | ${r.warmToCold} |`),
        '',
        `Cold build CPU time: ${report.ratios.coldCpuToFloorCpu} × the floor's.`,
        `Parsing only the canonical members took ${report.ratios.canonicalShareOfFloor} of the floor's time, and a cold build on ${report.machine.cpus} workers is ${report.ratios.parallelSpeedup} × as fast as on one (${coldOneWorker.seconds.toFixed(1)} s): no remark build gets below ${report.ratios.canonicalShareOfFloor} / ${report.ratios.parallelSpeedup} = ${report.ratios.remarkBound} × floor here.`,
        `The cold build's per-file work alone (every file scanned, each canonical member rendered), done in one thread, took ${stages.seconds.toFixed(1)} s = ${report.ratios.stagesToFloor} × floor (the mean of ${floorBeforeStages.seconds.toFixed(1)} s before and ${floorAfterStages.seconds.toFixed(1)} s after): split perfectly over ${report.machine.cpus} cores, with no worker start-up, no compiling of the code again in each worker and no output written, it would still take ${report.ratios.stagesToFloor} / ${report.machine.cpus} = ${report.ratios.workBound} × floor.`,
        ''
      ].join('\n')
    )
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}

/** One floor-cold-warm round: the cold build compared with the floors on either side of it. */
interface Round {
  floor: Measurement
  cold: Measurement
  warm: Measurement
  coldToFloor: number
  coldCpuToFloorCpu: number
  warmToCold: number
}

/** The round whose `ratio` is the median (the upper one of an even count). */
function medianRound(rounds: readonly Round[], ratio: 'coldToFloor' | 'coldCpuToFloorCpu' | 'warmToCold'): Round {
  return [...rounds].sort((a, b) => a[ratio] - b[ratio])[Math.floor(rounds.length / 2)]!
}

function meanOf(a: Measurement, b: Measurement): Measurement {
  return {seconds: (a.seconds + b.seconds) / 2, cpuSeconds: (a.cpuSeconds + b.cpuSeconds) / 2, peakRssMb: Math.max(a.peakRssMb, b.peakRssMb), files: a.files}
}

/** The share of the floor's parse time that went to files the cold build made canonical members. */
function canonicalShareOfFloor(timesFile: string, manifestFile: string): number {
  const times = JSON.parse(readFileSync(timesFile, 'utf8')) as Record<string, number>
  const total = Object.values(times).reduce((sum, time) => sum + time, 0)
  const canonical = [...canonicalPaths(manifestFile)].reduce((sum, relative) => sum + (times[relative] ?? 0), 0)
  return total === 0 ? 0 : canonical / total
}

/** The paths a build's manifest lists as canonical members. */
function canonicalPaths(manifestFile: string): Set<string> {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {files: ManifestRow[]}
  return new Set(manifest.files.filter((row) => row.status === 'canonical').map((row) => row.path))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

await main()
