#!/usr/bin/env node
/**
 * The `fixset` command: a thin layer over `buildInto()` with `openOutput()`
 * (or `openCheck()` for --check), and `build()` for the other commands.
 * Exit codes: 0 clean; 1 rejected files or a stale output under --check;
 * 2 usage errors and crashes.
 */
import {Command, InvalidArgumentError, Option} from 'commander'
import path from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {existsSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {build, buildInto, type BuildReport} from './build.js'
import {defaultCacheDir} from './cache.js'
import {defaultCachePrefix, isRedisUrl} from './cache-entry.js'
import {availableParallelism} from 'node:os'
import {defaultConfig, type Config} from './config.js'
import {configFileName, initialConfigText, loadConfig} from './config-file.js'
import {compareStrings, type Diagnostic} from './diagnostics.js'
import {diffOutputs, formatMarkdown, formatText, hasChanges} from './diff.js'
import {evaluate} from './evaluate.js'
import {readGold} from './evaluate/gold.js'
import {defaultFamilies, readFamiliesFile} from './evaluate/leftovers.js'
import {evaluateGold} from './evaluate/measure-gold.js'
import {formatEvaluation, formatGold} from './evaluate/report.js'
import {readGitOutput, readOutput} from './read-output.js'
import {processPath} from './process-file.js'
import {suggestionsConfig, suggestRules} from './suggest.js'
import {terminalSafe} from './stages/file-names.js'
import {assertInputFolder, assertOutputFolder, removeOnSignal} from './cli-guards.js'
import {assertSeparateFolders, hasEntries, openCheck, openOutput, stagingFolderOf, UsageError} from './write.js'

interface BuildFlags {
  strict?: boolean
  reporter: 'vfile' | 'json'
  cache: string | false
  cachePrefix?: string
  cacheTtl?: number
  maxBytes?: number
  maxParseMs?: number
  config?: string
  input?: string
  output?: string
  workers?: number
  quiet?: boolean
  check?: boolean
  queue?: string
  allowEmpty?: boolean
}

/** Diagnostics shown in full on the console; past this, the summary points at report.json. */
const maxListedDiagnostics = 40

function positiveInteger(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1')
  return number
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const started = performance.now()
  const base = await resolveConfig(flags.config)
  const config = {...base, limits: {...base.limits, ...(flags.maxBytes && {maxBytes: flags.maxBytes}), ...(flags.maxParseMs && {maxParseMs: flags.maxParseMs})}}
  const inputName = flags.input ?? config.input
  const outputName = flags.output ?? config.output
  const input = path.resolve(inputName)
  const output = path.resolve(outputName)
  assertInputFolder(input, inputName, flags.input !== undefined || config.input !== defaultConfig.input)
  assertOutputFolder(output, outputName)
  assertSeparateFolders(input, output)
  const log = flags.quiet ? () => {} : (line: string) => process.stderr.write(line + '\n')
  // Files stream into a staging folder (or are compared with the output, for --check) as they are made.
  // Before the staging folder exists, so no signal can come between its making and its handler.
  const keepSignals = flags.check ? () => {} : removeOnSignal(stagingFolderOf(output))
  const target = flags.check ? await openCheck(output) : await openOutput(output)
  let result: BuildReport
  try {
    const cacheOptions = {...(flags.cachePrefix !== undefined && {prefix: flags.cachePrefix}), ...(flags.cacheTtl !== undefined && {ttlSeconds: flags.cacheTtl})}
    result = await buildInto(target, {input, workers: flags.workers, config, cache: flags.cache, cacheOptions, queue: flags.queue, onProgress: progressReporter(log, flags.quiet === true)})
  } catch (error) {
    if ('abort' in target) await target.abort()
    keepSignals()
    throw error
  }
  if (flags.reporter === 'json') process.stdout.write(JSON.stringify({diagnostics: result.diagnostics, tally: result.tally}, null, 2) + '\n')
  // Not even computed under --quiet.
  else if (!flags.quiet) log(consoleReport(result.diagnostics))
  if ('result' in target) {
    const {stale, missing, extra} = target.result()
    const problems = [...stale.map((file) => `stale:   ${terminalSafe(file)}`), ...missing.map((file) => `missing: ${terminalSafe(file)}`), ...extra.map((file) => `extra:   ${terminalSafe(file)}`)]
    if (problems.length > 0) {
      process.stderr.write(`${outputName} is not up to date with ${inputName} (run \`npm run build-content\`):\n${problems.join('\n')}\n`)
      return 1
    }
    log(`${outputName} is up to date (${result.outputFiles} files)`)
  } else {
    if (result.summary.files === 0 && !flags.allowEmpty && (await hasEntries(output))) {
      await target.abort()
      keepSignals()
      throw new UsageError(
        `${inputName} holds no ${config.extensions.join(', ')} files: not replacing ${outputName}, which is not empty, with an empty output (pass --allow-empty to do that)`
      )
    }
    await target.commit()
  }
  keepSignals()
  log(summaryLine(result, (performance.now() - started) / 1000))
  for (const row of result.manifest) if (row.status === 'rejected') process.stderr.write(`rejected: ${terminalSafe(row.path)}: ${terminalSafe(row.reason ?? '')}\n`)
  if (result.exitCode === 0 && flags.strict && result.summary.warnings > 0) {
    process.stderr.write(`--strict: ${result.summary.warnings} warnings (exit 3)\n`)
    return 3
  }
  return result.exitCode
}

/** `fixset worker`: runs until SIGTERM or SIGINT, then lets its running jobs finish. */
async function runWorker(flags: {queue: string; workers?: number; stallMs: number}): Promise<void> {
  const {startQueueWorker} = await import('./queue-worker.js')
  const log = (line: string) => process.stderr.write(line + '\n')
  const worker = await startQueueWorker(flags.queue, {threads: flags.workers ?? availableParallelism(), stallMs: flags.stallMs, log})
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve())
  })
  log('fixset worker: stopping')
  await worker.close()
}

function redisUrl(value: string): string {
  if (!isRedisUrl(value)) throw new InvalidArgumentError('expected redis://HOST:PORT[/DB]')
  return value
}

/** `--config FILE`, else `fixset.config.json` in the working directory when there is one, else the defaults. */
async function resolveConfig(file: string | undefined): Promise<Config> {
  if (file !== undefined) return loadConfig(file)
  return existsSync(configFileName) ? loadConfig(configFileName) : defaultConfig
}

/**
 * `fixset explain FILE`: every removal and repair in one file, with rule and
 * lines, then its diagnostics. One file cannot know which of its lines recur
 * across the corpus: they are read from a build's report.json (`--output`, or
 * the configured output folder), and explain says where it found them or that it has none.
 */
async function runExplain(file: string, flags: {config?: string; output?: string}): Promise<number> {
  const config = await resolveConfig(flags.config)
  const output = flags.output ?? config.output
  const recurring = readRecurring(output)
  const result = processPath(path.dirname(path.resolve(file)), path.basename(file), config, recurring)
  process.stdout.write(
    recurring
      ? `recurring blocks: ${recurring.size} known from ${path.join(output, 'report.json')}\n`
      : `recurring blocks: not known (no report.json in ${output}); build the corpus and pass --output to see them\n`
  )
  const lines = result.changes
    .map((change) => {
      const where = change.startLine === null ? '' : change.endLine !== null && change.endLine !== change.startLine ? `${change.startLine}-${change.endLine}` : `${change.startLine}`
      return {where, start: change.startLine ?? 0, text: `${where.padEnd(9)} ${change.action.padEnd(8)} ${change.ruleId.padEnd(20)} ${change.bytes > 0 ? `${change.bytes} bytes` : ''}`.trimEnd()}
    })
    .sort((a, b) => a.start - b.start || compareStrings(a.text, b.text))
  process.stdout.write(`${terminalSafe(file)}: ${result.status === 'ok' ? 'accepted' : `rejected: ${terminalSafe(result.reason)}`}\n`)
  process.stdout.write(lines.length === 0 ? 'nothing removed or repaired\n' : `lines     action   rule\n${lines.map((line) => line.text).join('\n')}\n`)
  if (result.status === 'ok') process.stdout.write(`title: ${terminalSafe(result.title)}\nfixes: ${result.article.fixes.length}\n`)
  process.stdout.write(consoleReport(result.diagnostics, Number.POSITIVE_INFINITY) + '\n')
  return result.status === 'ok' ? 0 : 1
}

/** The recurring line hashes a build's report.json lists, or undefined when there is none. */
function readRecurring(output: string): Set<number> | undefined {
  const report = path.join(output, 'report.json')
  if (!existsSync(report)) return undefined
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as {recurring?: {blocks?: Array<{hash: string}>}}
  const blocks = parsed.recurring?.blocks
  return blocks === undefined ? undefined : new Set(blocks.map((block) => Number.parseInt(block.hash, 16)))
}

/** `fixset rules suggest`: the corpus's recurring blocks as `dropLines` rules, a config fragment on stdout. */
async function runSuggest(flags: {input?: string; config?: string}): Promise<number> {
  const config = await resolveConfig(flags.config)
  const input = path.resolve(flags.input ?? config.input)
  process.stdout.write(suggestionsConfig(await suggestRules(input, config), config))
  return 0
}

interface EvalFlags {
  input: string
  output?: string
  clusters?: string
  config?: string
  workers?: number
  json?: boolean
  gold?: string
  families?: string
}

/** `fixset eval`: the quality figures of `evaluate.ts` for any corpus, and with --gold those of `evaluate/measure-gold.ts`. */
async function runEval(flags: EvalFlags): Promise<number> {
  const input = path.resolve(flags.input)
  // Read the annotations and families first: a bad file is a usage error before any build.
  const annotations = flags.gold === undefined ? undefined : await readGold(path.resolve(flags.gold))
  const families = [...defaultFamilies(), ...(flags.families === undefined ? [] : await readFamiliesFile(path.resolve(flags.families)))]
  const result = flags.output ? await readOutput(path.resolve(flags.output)) : await build({input, workers: flags.workers, config: await resolveConfig(flags.config)})
  const figures = await evaluate(input, result, flags.clusters, families)
  const gold = annotations === undefined ? undefined : evaluateGold(annotations, result, (relative) => readSourceOrNull(path.join(input, relative)))
  if (flags.json) process.stdout.write(JSON.stringify(gold === undefined ? figures : {...figures, gold}, null, 2) + '\n')
  else process.stdout.write(formatEvaluation(figures) + (gold === undefined ? '' : formatGold(gold)))
  return 0
}

/** An input file's text, or null when it cannot be read (the evaluation then goes without it). */
function readSourceOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

interface DiffFlags {
  git?: string
  output: string
  format: 'text' | 'markdown' | 'json'
  exitCode?: boolean
}

async function runDiff(oldDir: string | undefined, newDir: string | undefined, flags: DiffFlags): Promise<number> {
  let before, after
  if (flags.git !== undefined) {
    if (oldDir !== undefined) throw new UsageError('give either --git REF or two output folders, not both')
    before = readGitOutput(flags.git, flags.output)
    after = await readOutput(flags.output)
  } else {
    if (oldDir === undefined || newDir === undefined) throw new UsageError('fixset diff needs two output folders (OLD NEW), or --git REF')
    before = await readOutput(oldDir)
    after = await readOutput(newDir)
  }
  const report = diffOutputs(before, after)
  const rendered = flags.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : flags.format === 'markdown' ? formatMarkdown(report) : formatText(report)
  process.stdout.write(rendered)
  return flags.exitCode && hasChanges(report) ? 1 : 0
}

/**
 * Progress on stderr. On a terminal: a bar with files/s and the time left,
 * once a pass has run for a second. Elsewhere (CI logs): at most one line per
 * tenth of the files, for inputs of 100 files or more.
 */
function progressReporter(log: (line: string) => void, quiet: boolean) {
  if (quiet) return () => {}
  const tty = process.stderr.isTTY === true
  let passStarted = performance.now()
  let lastTenth = 0
  let lastDraw = 0
  let drawn = false
  return (done: number, total: number, pass: string) => {
    const now = performance.now()
    if (done === 1) {
      passStarted = now
      lastTenth = 0
    }
    const elapsed = (now - passStarted) / 1000
    if (!tty) {
      const tenth = Math.floor((done / total) * 10)
      if (total >= 100 && tenth > lastTenth) {
        lastTenth = tenth
        log(`${pass}: ${done}/${total} files`)
      }
      return
    }
    if (elapsed < 1 || (now - lastDraw < 100 && done < total)) return
    lastDraw = now
    const rate = done / elapsed
    const width = 30
    const filled = Math.round((done / total) * width)
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0
    process.stderr.write(`\r${pass} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files, ${rate.toFixed(0)} files/s, ${eta} s left  `)
    drawn = true
    if (done === total && drawn) {
      process.stderr.write('\r\x1b[2K')
      drawn = false
    }
  }
}

function consoleReport(diagnostics: readonly Diagnostic[], limit = maxListedDiagnostics): string {
  const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  if (shown.length > limit) {
    return `${shown.length} warnings and errors; every one is listed in report.json`
  }
  const files = new Map<string, VFile>()
  for (const diagnostic of shown) {
    // File names and messages escaped: a name with an ESC sequence must not drive the terminal.
    const file = files.get(diagnostic.file) ?? new VFile({path: terminalSafe(diagnostic.file)})
    files.set(diagnostic.file, file)
    const place = diagnostic.line === null ? undefined : {line: diagnostic.line, column: diagnostic.column ?? 1}
    const message = file.message(terminalSafe(diagnostic.message), {place, ruleId: diagnostic.ruleId, source: 'fixset'})
    message.fatal = diagnostic.severity === 'error'
  }
  return files.size === 0 ? 'no warnings' : reporter([...files.values()], {quiet: true})
}

function summaryLine(result: BuildReport, seconds: number): string {
  const {files, fixsets, duplicates, rejected, warnings} = result.summary
  const perRule = result.tally.map((rule) => `${rule.ruleId} ${rule.removed + rule.repaired}`).join(', ')
  return (
    `fixset: ${files} files, ${fixsets} fix sets, ${duplicates} duplicates, ` +
    `${rejected} rejected, ${warnings} warnings, ${result.cacheHits} cache hits, ${seconds.toFixed(1)} s\n` +
    `removed or repaired per rule: ${perRule || 'nothing'}`
  )
}

/** Options that several commands share, defined once. */
const sharedOptions = {
  config: () => new Option('-c, --config <file>', `rule tables and thresholds (default: ${configFileName} when present)`),
  workers: () => new Option('-w, --workers <n>', 'worker threads for the per-file passes (default: available cores)').argParser(positiveInteger)
}

export function createProgram(): Command {
  const program = new Command()
  program
    .name('fixset')
    .description('Turn a folder of scraped how-to articles into clean, deduplicated, structured fix sets.')
    .version(packageVersion(), '-V, --version', 'print the version of fixset')
    .option('--debug', 'print the stack trace of an unexpected error')
    .showHelpAfterError()
    // Usage errors exit 2 (commander's default is 1, which means "rejected files" here).
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2)
    })
    .addHelpText(
      'after',
      '\nExit codes:\n  0  every file was used\n  1  some files were rejected (listed in manifest.json), --check found a stale output,\n     or diff --exit-code found changes\n  2  usage error or crash\n  3  --strict found warnings (and nothing else failed)\n  130, 143  stopped by SIGINT, SIGTERM (the output was left as it was)'
    )
  const buildCommand = program
    .command('build', {isDefault: true})
    .description('build INPUT into OUTPUT (the default command)')
    .option('-i, --input <dir>', 'folder of source articles (*.md, *.markdown, *.txt) (default: "input", or `input` in the config)')
    .addOption(sharedOptions.config())
    .option('-o, --output <dir>', 'folder to write, replaced as a whole, atomically (default: "output", or `output` in the config)')
    .addOption(sharedOptions.workers())
    .option('--check', 'build in memory and compare with --output; write nothing, exit 1 when they differ')
    .option('--cache <dir|url>', 'cache of per-file results, keyed by content, fixset version and configuration: a folder, or redis://HOST:PORT[/DB] to share it', defaultCacheDir)
    .option('--cache-prefix <prefix>', `key prefix in a Redis cache (default: "${defaultCachePrefix}")`)
    .option('--cache-ttl <seconds>', 'seconds a Redis cache entry lives (default: until Redis evicts it)', positiveInteger)
    .option('--no-cache', 'compute everything again; read and write no cache')
    .option('--queue <url>', 'redis://HOST:PORT[/DB]: run the per-file passes on `fixset worker` processes of that Redis, on any machines', redisUrl)
    .option('--max-bytes <n>', `reject files larger than this (default: ${defaultConfig.limits.maxBytes})`, positiveInteger)
    .option('--max-parse-ms <n>', `reject files whose processing takes longer, in ms (default: ${defaultConfig.limits.maxParseMs})`, positiveInteger)
    .option('--allow-empty', 'replace a non-empty output even when the input holds no files')
    .option('--strict', 'exit 1 when there are warnings, too')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(new Option('--reporter <name>', 'diagnostics on the console: vfile-reporter, or JSON on stdout for machines').choices(['vfile', 'json']).default('vfile'))
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags)
    })
  program
    .command('worker')
    .description('take per-file jobs from the queue of `fixset build --queue URL`, on this machine, until stopped (SIGTERM, Ctrl-C)')
    .requiredOption('--queue <url>', 'redis://HOST:PORT[/DB], the same as the build\'s', redisUrl)
    .addOption(new Option('-w, --workers <n>', 'worker threads, and jobs taken at once (default: available cores)').argParser(positiveInteger))
    .addOption(new Option('--stall-ms <n>', 'a killed worker\'s job goes back to the queue after about twice this').argParser(positiveInteger).default(30_000))
    .action(async (flags: {queue: string; workers?: number; stallMs: number}) => {
      await runWorker(flags)
    })
  program
    .command('explain')
    .description('show every removal and repair in one file, with its rule and lines')
    .argument('<file>', 'a source article')
    .addOption(sharedOptions.config())
    .option('-o, --output <dir>', "a build's output folder, whose report.json lists the corpus's recurring blocks (default: the configured output)")
    .action(async (file: string, flags: {config?: string; output?: string}) => {
      process.exitCode = await runExplain(file, flags)
    })
  program
    .command('rules')
    .description('rule tables: `rules suggest` prints the recurring blocks of a corpus as config rules')
    .command('suggest')
    .description("print the corpus's recurring blocks as dropLines rules (a config fragment) for review")
    .option('-i, --input <dir>', 'folder of source articles (default: "input", or `input` in the config)')
    .addOption(sharedOptions.config())
    .action(async (flags: {input?: string; config?: string}) => {
      process.exitCode = await runSuggest(flags)
    })
  program
    .command('eval')
    .description('measure cleaning and deduplication quality on a corpus')
    .option('-i, --input <dir>', 'folder of source articles', 'input')
    .option('-o, --output <dir>', 'evaluate this existing build of --input instead of building it again')
    .option('--clusters <file>', 'JSON object of known duplicate groups: {"name": ["path", ...]}')
    .option('--gold <dir>', 'folder of gold structure annotations (*.json, paths relative to --input): compare each with its fix set')
    .option('--families <file>', 'families file ({"families": [{"family", "regex", "flags"}]}): count fix sets holding each, with the built-in leftover families')
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.workers())
    .option('--json', 'print the figures as JSON')
    .action(async (flags: EvalFlags) => {
      process.exitCode = await runEval(flags)
    })
  program
    .command('diff')
    .description('what changed between two builds: fix sets, fixes, steps, images, duplicates, rejections')
    .argument('[old]', 'the earlier output folder')
    .argument('[new]', 'the later output folder')
    .option('--git <ref>', 'compare --output as committed at REF with --output in the working tree')
    .option('-o, --output <dir>', 'the output folder, with --git', 'output')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--exit-code', 'exit 1 when there are changes')
    .action(async (oldDir: string | undefined, newDir: string | undefined, flags: DiffFlags) => {
      process.exitCode = await runDiff(oldDir, newDir, flags)
    })
  program
    .command('init')
    .description(`write ${configFileName} with every default rule, ready to edit`)
    .action(async () => {
      if (existsSync(configFileName)) throw new UsageError(`${configFileName} already exists; not overwritten`)
      await writeFile(configFileName, initialConfigText())
      process.stderr.write(`wrote ${configFileName}\n`)
    })
  // `fixset --help` shows the default command's options too: most users never type `build`.
  program.addHelpText('after', () => `\n${buildCommand.helpInformation()}`)
  return program
}

// `fixset explain FILE | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

try {
  await createProgram().parseAsync(process.argv)
} catch (error) {
  // One line: what went wrong (each UsageError also says which path and what to do). The stack only on request.
  process.stderr.write(`fixset: ${oneLine(error instanceof Error ? error.message : String(error))}\n`)
  if (!(error instanceof UsageError)) {
    process.stderr.write(process.argv.includes('--debug') ? `${error instanceof Error ? error.stack : ''}\n` : 'fixset: this is a bug or an environment problem; run again with --debug for the stack trace\n')
  }
  process.exitCode = 2
}

function oneLine(text: string): string {
  return terminalSafe(text.split('\n')[0]!)
}

/** fixset's version, from its package.json (one folder above dist/). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version
}
