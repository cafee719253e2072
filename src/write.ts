/**
 * Where a build's files go, as they are made (`OutputSink`): kept in memory
 * (`memorySink`), written to the output folder all or nothing (`openOutput`),
 * or compared with it (`openCheck`, for `--check`).
 *
 * The new output is assembled in a temporary sibling folder and swapped in
 * with two renames, so a build that fails or is killed leaves the previous
 * output as it was. Files whose bytes did not change are hard links to the
 * previous ones, not rewritten (their times stay). Should a build be killed
 * between the two renames, the next one puts the previous output back first.
 * The folder is only replaced when it is empty or was written by fixset (it
 * holds fixset's `.fixset` marker, or a manifest fixset's schema accepts:
 * `output-marker.ts`): pointing `--output` at the wrong folder must not
 * delete someone's files, even when they include a `manifest.json`.
 */
import {linkSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {mkdir, readdir, rename, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {compareStrings} from './diagnostics.js'
import {folderMaker} from './folders.js'
import {isFixsetOutput, markerFileName} from './output-marker.js'

export class UsageError extends Error {
  override name = 'UsageError'
}

/** Refuses output folders that would overwrite or swallow the input. */
export function assertSeparateFolders(input: string, output: string): void {
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  }
  if (inside(input, output) || inside(output, input)) {
    throw new UsageError(`--output (${output}) and --input (${input}) must be separate folders, neither inside the other`)
  }
}

/** Receives a build's files one by one; a file may be taken back (a fix set whose id changed). */
export interface OutputSink {
  write(relative: string, content: string): Promise<void>
  remove(relative: string): Promise<void>
}

/** Keeps the files in memory; `files` lists them in path order. */
export function memorySink(): OutputSink & {files(): Map<string, string>} {
  const files = new Map<string, string>()
  return {
    write: async (relative, content) => void files.set(relative, content),
    remove: async (relative) => void files.delete(relative),
    files: () => new Map([...files].sort(([a], [b]) => compareStrings(a, b)))
  }
}

export interface OutputWriter extends OutputSink {
  /** Swaps the new output in for the old one. */
  commit(): Promise<void>
  /** Drops what was written; the old output stays as it was. */
  abort(): Promise<void>
}

/** The folder this process assembles a new `outputDir` in, beside it. */
export function stagingFolderOf(outputDir: string): string {
  const target = path.resolve(outputDir)
  return path.join(path.dirname(target), `.${path.basename(target)}.fixset-new-${process.pid}`)
}

/** Starts a new output folder beside `outputDir`; nothing there changes until `commit`. */
export async function openOutput(outputDir: string): Promise<OutputWriter> {
  const target = path.resolve(outputDir)
  const parent = path.dirname(target)
  await mkdir(parent, {recursive: true})
  await recoverInterrupted(target)
  await assertReplaceable(target)
  const staging = stagingFolderOf(outputDir)
  const retired = path.join(parent, `.${path.basename(target)}.fixset-old-${process.pid}`)
  await rm(staging, {recursive: true, force: true})
  await mkdir(staging)
  const inStaging = (relative: string) => path.join(staging, ...relative.split('/'))
  const folderReady = folderMaker()
  const abort = () => rm(staging, {recursive: true, force: true})
  return {
    async write(relative, content) {
      const destination = inStaging(relative)
      await folderReady(path.dirname(destination))
      if (!linkIfUnchanged(path.join(target, ...relative.split('/')), destination, content)) writeFileSync(destination, content)
    },
    remove: (relative) => rm(inStaging(relative), {force: true}),
    async commit() {
      try {
        const existed = await exists(target)
        // Both renames in one synchronous step: a signal handler cannot run between them.
        if (existed) renameSync(target, retired)
        renameSync(staging, target)
        if (existed) await rm(retired, {recursive: true, force: true})
      } catch (error) {
        await abort()
        throw error
      }
    },
    abort
  }
}

/** Writes `files` as the output folder, all or nothing. */
export async function writeOutput(outputDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const writer = await openOutput(outputDir)
  try {
    for (const [relative, content] of files) await writer.write(relative, content)
  } catch (error) {
    await writer.abort()
    throw error
  }
  await writer.commit()
}

/**
 * Whether `file` holds exactly `content`. Output files are read, linked and
 * written synchronously: they are small, and a rebuild handles thousands of
 * them, where the promise API's thread-pool round trips cost more than the I/O.
 */
function holds(file: string, content: string): boolean {
  return readFileSync(file).equals(Buffer.from(content))
}

/** Hard-links the previous file into the new output when its bytes are the same; false when it is not. */
function linkIfUnchanged(previous: string, destination: string, content: string): boolean {
  try {
    if (!holds(previous, content)) return false
    linkSync(previous, destination)
    return true
  } catch {
    return false
  }
}

/**
 * A build killed between its two renames leaves no output folder but a
 * retired one beside it: put that back. Staging folders of dead builds go.
 */
async function recoverInterrupted(target: string): Promise<void> {
  const parent = path.dirname(target)
  const prefix = `.${path.basename(target)}.fixset-`
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(prefix)).sort(compareStrings)
  for (const name of leftovers) {
    const pid = Number(name.slice(name.lastIndexOf('-') + 1))
    if (pid !== process.pid && isAlive(pid)) continue
    const full = path.join(parent, name)
    if (name.startsWith(`${prefix}old-`) && !(await exists(target))) await rename(full, target)
    else await rm(full, {recursive: true, force: true})
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function assertReplaceable(target: string): Promise<void> {
  if (!(await exists(target))) return
  if ((await readdir(target)).length > 0 && !isFixsetOutput(target)) {
    throw new UsageError(`Refusing to replace ${target}: it is not empty and fixset did not write it (no ${markerFileName} marker); choose an empty or new --output folder`)
  }
}

/** Whether `directory` exists and holds anything. */
export async function hasEntries(directory: string): Promise<boolean> {
  try {
    return (await readdir(directory)).length > 0
  } catch {
    return false
  }
}

export interface CheckResult {
  stale: string[]
  missing: string[]
  extra: string[]
}

/** Compares files, as they come, with the output folder byte for byte, writing nothing. */
export async function openCheck(outputDir: string): Promise<OutputSink & {result(): CheckResult}> {
  const onDisk = new Set(await listFiles(outputDir))
  const verdicts = new Map<string, 'same' | 'stale' | 'missing'>()
  const verdictOf = (relative: string, content: string) => {
    if (!onDisk.has(relative)) return 'missing'
    return holds(path.join(outputDir, ...relative.split('/')), content) ? 'same' : 'stale'
  }
  const named = (wanted: string) => [...verdicts].filter(([, verdict]) => verdict === wanted).map(([relative]) => relative).sort(compareStrings)
  return {
    write: async (relative, content) => void verdicts.set(relative, verdictOf(relative, content)),
    remove: async (relative) => void verdicts.delete(relative),
    result: () => ({stale: named('stale'), missing: named('missing'), extra: [...onDisk].filter((relative) => !verdicts.has(relative)).sort(compareStrings)})
  }
}

/** Compares the expected files with the output folder byte for byte, writing nothing. */
export async function checkOutput(outputDir: string, files: ReadonlyMap<string, string>): Promise<CheckResult> {
  const check = await openCheck(outputDir)
  for (const [relative, content] of files) await check.write(relative, content)
  return check.result()
}

async function listFiles(directory: string): Promise<string[]> {
  if (!(await exists(directory))) return []
  const entries = await readdir(directory, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const parent = (entry as unknown as {parentPath?: string}).parentPath ?? entry.path
      return path.relative(directory, path.join(parent, entry.name)).split(path.sep).join('/')
    })
    .sort(compareStrings)
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target)
    return true
  } catch {
    return false
  }
}
