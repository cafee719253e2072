/**
 * Writing the output folder, all or nothing.
 *
 * The new output is assembled in a temporary sibling folder and swapped in
 * with two renames, so a build that fails or is killed leaves the previous
 * output as it was. Files whose bytes did not change are hard links to the
 * previous ones, not rewritten (their times stay). Should a build be killed
 * between the two renames, the next one puts the previous output back first.
 * The folder is only replaced when it is empty or was written by fixset (it
 * holds `manifest.json`): pointing `--output` at the wrong folder must not
 * delete someone's files.
 */
import {link, mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {compareStrings} from './diagnostics.js'

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

export async function writeOutput(outputDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const target = path.resolve(outputDir)
  const parent = path.dirname(target)
  await mkdir(parent, {recursive: true})
  await recoverInterrupted(target)
  await assertReplaceable(target)
  const staging = path.join(parent, `.${path.basename(target)}.fixset-new-${process.pid}`)
  const retired = path.join(parent, `.${path.basename(target)}.fixset-old-${process.pid}`)
  await rm(staging, {recursive: true, force: true})
  try {
    for (const [relative, content] of files) {
      const destination = path.join(staging, ...relative.split('/'))
      const previous = path.join(target, ...relative.split('/'))
      await mkdir(path.dirname(destination), {recursive: true})
      if (!(await linkIfUnchanged(previous, destination, content))) await writeFile(destination, content)
    }
    const existed = await exists(target)
    if (existed) await rename(target, retired)
    await rename(staging, target)
    if (existed) await rm(retired, {recursive: true, force: true})
  } catch (error) {
    await rm(staging, {recursive: true, force: true})
    throw error
  }
}

/** Hard-links the previous file into the new output when its bytes are the same; false when it is not. */
async function linkIfUnchanged(previous: string, destination: string, content: string): Promise<boolean> {
  try {
    if (!(await readFile(previous)).equals(Buffer.from(content))) return false
    await link(previous, destination)
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
  const entries = await readdir(target)
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new UsageError(`Refusing to replace ${target}: it is not empty and holds no manifest.json from an earlier fixset build`)
  }
}

export interface CheckResult {
  stale: string[]
  missing: string[]
  extra: string[]
}

/** Compares the expected files with the output folder byte for byte, writing nothing. */
export async function checkOutput(outputDir: string, files: ReadonlyMap<string, string>): Promise<CheckResult> {
  const onDisk = new Set(await listFiles(outputDir))
  const result: CheckResult = {stale: [], missing: [], extra: []}
  for (const [relative, content] of files) {
    if (!onDisk.has(relative)) result.missing.push(relative)
    else if (!(await readFile(path.join(outputDir, ...relative.split('/')))).equals(Buffer.from(content))) result.stale.push(relative)
    onDisk.delete(relative)
  }
  result.extra = [...onDisk].sort(compareStrings)
  return result
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
