#!/usr/bin/env node
/**
 * The `fixset` command: a thin layer over `build()` and `writeOutput()`.
 * Exit codes: 0 clean; 1 rejected files or a stale output under --check;
 * 2 usage errors and crashes.
 */
import {Command, InvalidArgumentError} from 'commander'
import path from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {build, type BuildResult} from './build.js'
import type {Diagnostic} from './diagnostics.js'
import {assertSeparateFolders, checkOutput, UsageError, writeOutput} from './write.js'

interface BuildFlags {
  input: string
  output: string
  workers?: number
  quiet?: boolean
  check?: boolean
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
  const input = path.resolve(flags.input)
  const output = path.resolve(flags.output)
  assertSeparateFolders(input, output)
  const log = flags.quiet ? () => {} : (line: string) => process.stderr.write(line + '\n')
  const result = await build({input, workers: flags.workers, onProgress: progressReporter(log)})
  log(consoleReport(result.diagnostics))
  if (flags.check) {
    const {stale, missing, extra} = await checkOutput(output, result.files)
    const problems = [...stale.map((file) => `stale:   ${file}`), ...missing.map((file) => `missing: ${file}`), ...extra.map((file) => `extra:   ${file}`)]
    if (problems.length > 0) {
      process.stderr.write(`${flags.output} is not up to date with ${flags.input} (run \`npm run build-content\`):\n${problems.join('\n')}\n`)
      return 1
    }
    log(`${flags.output} is up to date (${result.files.size} files)`)
  } else {
    await writeOutput(output, result.files)
  }
  log(summaryLine(result, (performance.now() - started) / 1000))
  for (const row of result.manifest) if (row.status === 'rejected') process.stderr.write(`rejected: ${row.path}: ${row.reason}\n`)
  return result.exitCode
}

/** At most one line per tenth of the files, so CI logs stay short. */
function progressReporter(log: (line: string) => void) {
  let lastTenth = 0
  return (done: number, total: number) => {
    const tenth = Math.floor((done / total) * 10)
    if (total >= 100 && tenth > lastTenth) {
      lastTenth = tenth
      log(`processed ${done}/${total} files`)
    }
  }
}

function consoleReport(diagnostics: readonly Diagnostic[]): string {
  const shown = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  if (shown.length > maxListedDiagnostics) {
    return `${shown.length} warnings and errors; every one is listed in report.json`
  }
  const files = new Map<string, VFile>()
  for (const diagnostic of shown) {
    const file = files.get(diagnostic.file) ?? new VFile({path: diagnostic.file})
    files.set(diagnostic.file, file)
    const place = diagnostic.line === null ? undefined : {line: diagnostic.line, column: diagnostic.column ?? 1}
    const message = file.message(diagnostic.message, {place, ruleId: diagnostic.ruleId, source: 'fixset'})
    message.fatal = diagnostic.severity === 'error'
  }
  return files.size === 0 ? 'no warnings' : reporter([...files.values()], {quiet: true})
}

function summaryLine(result: BuildResult, seconds: number): string {
  const count = (status: string) => result.manifest.filter((row) => row.status === status).length
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length
  const removed = result.tally.reduce((sum, rule) => sum + rule.removed, 0)
  return (
    `fixset: ${result.manifest.length} files, ${count('canonical')} fix sets, ${count('duplicate')} duplicates, ` +
    `${count('rejected')} rejected, ${warnings} warnings, ${removed} blocks removed, ${seconds.toFixed(1)} s`
  )
}

export function createProgram(): Command {
  const program = new Command()
  program
    .name('fixset')
    .description('Turn a folder of scraped how-to articles into clean, deduplicated, structured fix sets.')
    .showHelpAfterError()
    // Usage errors exit 2 (commander's default is 1, which means "rejected files" here).
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2)
    })
    .addHelpText(
      'after',
      '\nExit codes:\n  0  every file was used\n  1  some files were rejected (listed in manifest.json), or --check found a stale output\n  2  usage error or crash'
    )
  const buildCommand = program
    .command('build', {isDefault: true})
    .description('build INPUT into OUTPUT (the default command)')
    .option('-i, --input <dir>', 'folder of source articles (*.md, *.markdown, *.txt)', 'input')
    .option('-o, --output <dir>', 'folder to write (replaced as a whole, atomically)', 'output')
    .option('-w, --workers <n>', 'worker threads for parsing (default: available cores)', positiveInteger)
    .option('--check', 'build in memory and compare with --output; write nothing, exit 1 when they differ')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (flags: BuildFlags) => {
      process.exitCode = await runBuild(flags)
    })
  // `fixset --help` shows the default command's options too: most users never type `build`.
  program.addHelpText('after', () => `\n${buildCommand.helpInformation()}`)
  return program
}

try {
  await createProgram().parseAsync(process.argv)
} catch (error) {
  process.stderr.write(`fixset: ${error instanceof Error ? error.message : String(error)}\n`)
  if (!(error instanceof UsageError)) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`)
  process.exitCode = 2
}
