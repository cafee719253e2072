/**
 * `npm run bench`: fixset's speed and memory on a real corpus, as ratios
 * measured in one run on one machine (never asserted in tests).
 *
 *   floor   parse every file once with unified + remark-parse + remark-frontmatter, one thread
 *           (run before and after the cold build; the ratio uses the mean)
 *   cold    `fixset build` with an empty cache
 *   warm    the same build again, nothing changed
 *   10×     a cold build of a corpus ten times larger, made from the first by
 *           copying every file nine times with small edits (title, date, an
 *           ad, one changed sentence); the cold build runs again after it, and
 *           the 10× ratio uses the mean of the two cold builds
 *
 * Each measurement runs in a child process of its own, which reports its
 * time, CPU time and peak resident memory (worker threads included). The
 * floor also records each file's parse time, so the report can say what
 * share of it the cold build's canonical members alone take: a lower bound
 * for any build that parses them with remark.
 *
 *   npm run bench -- [--input DIR] [--json]
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {buildInto} from './build.js'
import {listSourcePaths} from './stages/discover.js'
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
async function child(kind: string, input: string, output?: string, cache?: string): Promise<void> {
  const started = performance.now()
  let files = 0
  if (kind === 'floor') {
    // Each file's parse time, so the share the canonical members take of the floor can be worked out.
    const times: Record<string, number> = {}
    const parser = unified().use(remarkParse).use(remarkFrontmatter)
    for (const relative of await listSourcePaths(input, ['.md', '.markdown', '.txt'])) {
      const start = performance.now()
      parser.parse(readFileSync(path.join(input, relative), 'utf8'))
      times[relative] = performance.now() - start
      files++
    }
    writeFileSync(output!, JSON.stringify(times))
  } else {
    // As the CLI does: fix sets stream into the output folder as they are made.
    const writer = await openOutput(output!)
    const report = await buildInto(writer, {input, cache: cache ?? false})
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
  // Builds run with the flag `npm run build-content` uses (see README, Performance); the floor with Node's defaults.
  const flags = args[0] === 'build' ? ['--single-threaded-gc'] : []
  const run = spawnSync(process.execPath, [...flags, here, '--child', ...args], {encoding: 'utf8', maxBuffer: 1 << 26})
  if (run.status !== 0) throw new Error(`bench child ${args[0]} failed:\n${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Measurement
}

/**
 * Nine edited copies of every file: another title and date, another ad in the
 * first marker range, and one sentence changed, the way republished copies
 * differ. Copies land in `copy-N/` folders beside the originals.
 */
function generateTenfold(corpus: string, target: string): number {
  let count = 0
  const files = (readdirSync(corpus, {recursive: true}) as string[]).filter((name) => name.endsWith('.md'))
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
  const {values} = parseArgs({options: {input: {type: 'string'}, json: {type: 'boolean'}, child: {type: 'boolean'}}, allowPositionals: true, strict: false})
  if (values.child) {
    const [, , , kind, input, output, cache] = process.argv
    return child(kind!, input!, output, cache)
  }
  const corpus = path.resolve(typeof values.input === 'string' ? values.input : defaultCorpus)
  const scratch = mkdtempSync(path.join(tmpdir(), 'fixset-bench-'))
  try {
    const log = (line: string) => process.stderr.write(line + '\n')
    log(`corpus: ${corpus}`)
    // The floor runs before and after the cold build, and the ratio uses their mean: a shared
    // machine's speed drifts, and a drift between the two would otherwise skew the ratio.
    const floorTimes = path.join(scratch, 'floor-times.json')
    const floorBefore = measure('floor', corpus, floorTimes)
    log(`floor  ${floorBefore.seconds.toFixed(1)} s`)
    const cold = measure('build', corpus, path.join(scratch, 'out-cold'), path.join(scratch, 'cache'))
    log(`cold   ${cold.seconds.toFixed(1)} s`)
    const floorAfter = measure('floor', corpus, path.join(scratch, 'floor-times-after.json'))
    log(`floor  ${floorAfter.seconds.toFixed(1)} s (again)`)
    const floor = meanOf(floorBefore, floorAfter)
    const canonicalShare = canonicalShareOfFloor(floorTimes, path.join(scratch, 'out-cold', 'manifest.json'))
    const warm = measure('build', corpus, path.join(scratch, 'out-warm'), path.join(scratch, 'cache'))
    log(`warm   ${warm.seconds.toFixed(1)} s`)
    const tenfoldInput = path.join(scratch, 'tenfold')
    generateTenfold(corpus, tenfoldInput)
    const tenfold = measure('build', tenfoldInput, path.join(scratch, 'out-tenfold'), path.join(scratch, 'cache-tenfold'))
    log(`10×    ${tenfold.seconds.toFixed(1)} s`)
    // As for the floor: the 10× build is compared with cold builds on either side of it.
    const coldAgain = measure('build', corpus, path.join(scratch, 'out-cold-again'), path.join(scratch, 'cache-again'))
    log(`cold   ${coldAgain.seconds.toFixed(1)} s (again)`)
    const coldMean = meanOf(cold, coldAgain)

    const rate = (m: Measurement) => Math.round(m.files / m.seconds)
    const report = {
      machine: {cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', node: process.version},
      measurements: {floor, floorBefore, floorAfter, cold, coldAgain, warm, tenfold},
      ratios: {
        coldToFloor: round(cold.seconds / floor.seconds),
        coldCpuToFloorCpu: round(cold.cpuSeconds / floor.cpuSeconds),
        canonicalShareOfFloor: round(canonicalShare),
        warmToCold: round(warm.seconds / cold.seconds),
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
        row(`parse every file (floor, 1 thread; mean of ${floorBefore.seconds.toFixed(1)} s before and ${floorAfter.seconds.toFixed(1)} s after the cold build)`, floor, '1'),
        row('fixset cold build', cold, `${report.ratios.coldToFloor} × floor (≤ 0.35)`),
        row('fixset warm rebuild', warm, `${report.ratios.warmToCold} × cold (≤ 0.15)`),
        row('fixset cold build, 10× corpus', tenfold, `${report.ratios.tenfoldToCold} × cold (≤ 3; cold = mean of ${cold.seconds.toFixed(1)} s before and ${coldAgain.seconds.toFixed(1)} s after)`),
        '',
        `Cold build CPU time: ${report.ratios.coldCpuToFloorCpu} × the floor's.`,
        `Parsing only the canonical members took ${report.ratios.canonicalShareOfFloor} of the floor's time: no remark build can go below that share divided by the cores.`,
        ''
      ].join('\n')
    )
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}

function meanOf(a: Measurement, b: Measurement): Measurement {
  return {seconds: (a.seconds + b.seconds) / 2, cpuSeconds: (a.cpuSeconds + b.cpuSeconds) / 2, peakRssMb: Math.max(a.peakRssMb, b.peakRssMb), files: a.files}
}

/** The share of the floor's parse time that went to files the cold build made canonical members. */
function canonicalShareOfFloor(timesFile: string, manifestFile: string): number {
  const times = JSON.parse(readFileSync(timesFile, 'utf8')) as Record<string, number>
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {files: Array<{path: string; status: string}>}
  const total = Object.values(times).reduce((sum, time) => sum + time, 0)
  const canonical = manifest.files.filter((row) => row.status === 'canonical').reduce((sum, row) => sum + (times[row.path] ?? 0), 0)
  return total === 0 ? 0 : canonical / total
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

await main()
