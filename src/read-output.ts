/**
 * Reading a build's output back, from a folder or from a git revision, for
 * `fixset eval` and `fixset diff`.
 */
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {compareStrings} from './diagnostics.js'
import type {FixSet, ManifestRow} from './schema.js'
import {UsageError} from './write.js'

/** What evaluation reads of a build: its files, manifest and fix sets, from memory or from an output folder. */
export interface BuildOutput {
  files: ReadonlyMap<string, string>
  manifest: readonly ManifestRow[]
  fixsets: readonly FixSet[]
}

/** Reads a build's output folder back. */
export async function readOutput(directory: string): Promise<BuildOutput> {
  if (!existsSync(path.join(directory, 'manifest.json'))) throw new UsageError(`${directory} is not a fixset output folder (it has no manifest.json)`)
  const names = (await readdir(directory, {recursive: true, withFileTypes: true}))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join((entry as unknown as {parentPath?: string}).parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
  const files = new Map<string, string>()
  for (const name of names) files.set(name, await readFile(path.join(directory, name), 'utf8'))
  return outputFromFiles(files)
}

/** Reads the output folder as committed at a git revision (`fixset diff --git REF`). */
export function readGitOutput(ref: string, directory: string): BuildOutput {
  const git = (...args: string[]) => execFileSync('git', args, {cwd: path.resolve(directory, '..'), encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe']})
  let prefix: string
  try {
    const root = git('rev-parse', '--show-toplevel').trim()
    prefix = path.relative(root, path.resolve(directory)).split(path.sep).join('/')
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)
  } catch {
    throw new UsageError(`cannot read ${ref}: not a git revision of the repository that holds ${directory}`)
  }
  const files = new Map<string, string>()
  for (const name of git('ls-tree', '-r', '--name-only', ref, '--', prefix).split('\n').filter(Boolean)) {
    files.set(name.slice(prefix.length + 1), git('show', `${ref}:${name}`))
  }
  return outputFromFiles(files)
}

/** A build's output from its files: the manifest and the fix sets (in id order) read back. */
export function outputFromFiles(files: Map<string, string>): BuildOutput & {files: Map<string, string>; fixsets: FixSet[]} {
  const manifest = (JSON.parse(files.get('manifest.json') ?? '{"files": []}') as {files: ManifestRow[]}).files
  const fixsets = [...files.keys()]
    .filter((name) => /^fixsets\/[^/]+\.json$/.test(name))
    .map((name) => JSON.parse(files.get(name)!) as FixSet)
    .sort((a, b) => compareStrings(a.id, b.id))
  return {files, manifest, fixsets}
}

