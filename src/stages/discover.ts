/**
 * Stage 1, discover: find the source files under the input folder.
 *
 * Paths are relative to the input folder with `/` separators and sorted by
 * code unit, so nothing downstream depends on the folder's name, the order the
 * file system lists entries in, or the machine's locale. Symbolic links are
 * not followed: a scraped folder must not make fixset read files outside it.
 */
import {createHash} from 'node:crypto'
import {readFileSync, statSync} from 'node:fs'
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import type {Limits} from '../config.js'
import {compareStrings} from '../diagnostics.js'
import {checkSize} from './limits.js'

export interface SourceFile {
  /** Path relative to the input folder, `/`-separated. */
  path: string
  bytes: Uint8Array
  /** Hex sha256 of the bytes. */
  sha256: string
}

/** Lists matching files below `inputDir`, sorted by relative path. */
export async function listSourcePaths(inputDir: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(inputDir, {recursive: true, withFileTypes: true})
  const wanted = extensions.map((extension) => extension.toLowerCase())
  const paths: string[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const name = entry.name.toLowerCase()
    if (!wanted.some((extension) => name.endsWith(extension))) continue
    // `parentPath` is Node 20.12+; `path` is its older name.
    const parent = (entry as unknown as {parentPath?: string}).parentPath ?? entry.path
    paths.push(path.relative(inputDir, path.join(parent, entry.name)).split(path.sep).join('/'))
  }
  return paths.sort(compareStrings)
}

/**
 * Reads one source file and fingerprints it. A file over the size limit is
 * rejected (RejectError) before it is read, so a stray multi-gigabyte file
 * costs nothing. The read is synchronous: source files are small, and the
 * promise API's four thread-pool round trips per file cost a rebuild more
 * than the read itself.
 */
export function readSource(inputDir: string, relativePath: string, limits: Limits): SourceFile {
  const file = path.join(inputDir, ...relativePath.split('/'))
  checkSize(statSync(file).size, limits)
  const bytes = readFileSync(file)
  return {path: relativePath, bytes, sha256: sha256Hex(bytes)}
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}
