/**
 * Writing the output folder, all or nothing.
 *
 * The new output is written into a temporary sibling folder and swapped in
 * with renames, so a build that fails or is killed leaves the previous output
 * as it was. The folder is only replaced when it is empty or was written by
 * fixset (it holds `manifest.json`): pointing `--output` at the wrong folder
 * must not delete someone's files.
 */
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
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
  await assertReplaceable(target)
  const parent = path.dirname(target)
  await mkdir(parent, {recursive: true})
  const staging = path.join(parent, `.${path.basename(target)}.fixset-new-${process.pid}`)
  const retired = path.join(parent, `.${path.basename(target)}.fixset-old-${process.pid}`)
  await rm(staging, {recursive: true, force: true})
  try {
    for (const [relative, content] of files) {
      const destination = path.join(staging, ...relative.split('/'))
      await mkdir(path.dirname(destination), {recursive: true})
      await writeFile(destination, content)
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
