/**
 * Stage 1, discover: find the source files under the input folder, and read
 * them.
 *
 * Paths are relative to the input folder with `/` separators and sorted by
 * code unit, so nothing downstream depends on the folder's name, the order the
 * file system lists entries in, or the machine's locale. Symbolic links are
 * not followed: a scraped folder must not make fixset read files outside it.
 *
 * A folder that cannot be listed, and a matching name that is not UTF-8,
 * become `unlisted` rows (rejected, with the reason) instead of failing the
 * build. Between discovery and reading, a file can be swapped for a link, a
 * FIFO or a device: the reader opens it without following links and without
 * blocking, checks what it opened (a regular file, inside the input folder)
 * on the open descriptor, and reads at most `maxBytes + 1` bytes of it.
 */
import {createHash} from 'node:crypto'
import {closeSync, constants, fstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, type Dirent, type Stats} from 'node:fs'
import path from 'node:path'
import type {Limits} from '../config.js'
import {compareStrings} from '../diagnostics.js'
import {decodeFileName, escapeFileNameBytes} from './file-names.js'
import {RejectError} from './frontmatter.js'
import {checkSize} from './limits.js'

export interface SourceFile {
  /** Path relative to the input folder, `/`-separated. */
  path: string
  bytes: Uint8Array
  /** Hex sha256 of the bytes. */
  sha256: string
}

/** Something discovery found but cannot hand on: a folder it cannot list, a name that is not UTF-8. */
export interface Unlisted {
  /** Relative path, with the bytes of a name that is not UTF-8 escaped. */
  path: string
  reason: string
}

export interface Discovered {
  /** Matching files, sorted by relative path. */
  paths: string[]
  /** Sorted by path. */
  unlisted: Unlisted[]
}

/** Lists one folder's entries with their names as bytes. Replaceable in tests, to make a folder unreadable as any user. */
export type ListFolder = (folder: string) => Array<Dirent<Buffer>>

const listFolder: ListFolder = (folder) => readdirSync(folder, {withFileTypes: true, encoding: 'buffer'}) as Array<Dirent<Buffer>>

/** Lists matching files below `inputDir`, sorted by relative path. */
export async function listSourcePaths(inputDir: string, extensions: readonly string[]): Promise<string[]> {
  return discoverSources(inputDir, extensions).paths
}

/**
 * Walks `inputDir` without recursion (no depth limit tied to the input) and
 * without following links. Throws only when `inputDir` itself cannot be listed.
 */
export function discoverSources(inputDir: string, extensions: readonly string[], list: ListFolder = listFolder): Discovered {
  const wanted = extensions.map((extension) => extension.toLowerCase())
  const paths: string[] = []
  const unlisted: Unlisted[] = []
  const folders: string[] = ['']
  while (folders.length > 0) {
    const relativeFolder = folders.pop()!
    let entries: Array<Dirent<Buffer>>
    try {
      entries = list(path.join(inputDir, ...relativeFolder.split('/')))
    } catch (error) {
      if (relativeFolder === '') throw error
      unlisted.push({path: `${relativeFolder}/`, reason: `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), so its files were not built; make it readable or move it out of --input`})
      continue
    }
    for (const entry of entries) {
      const name = decodeFileName(entry.name)
      const relative = (shown: string) => (relativeFolder === '' ? shown : `${relativeFolder}/${shown}`)
      if (entry.isDirectory()) {
        if (name !== undefined) folders.push(relative(name))
        else unlisted.push({path: `${relative(escapeFileNameBytes(entry.name))}/`, reason: 'the folder name is not valid UTF-8, so its files were not built; rename it'})
        continue
      }
      if (!entry.isFile()) continue
      const lowered = (name ?? entry.name.toString('latin1')).toLowerCase()
      if (!wanted.some((extension) => lowered.endsWith(extension))) continue
      if (name !== undefined) paths.push(relative(name))
      else unlisted.push({path: relative(escapeFileNameBytes(entry.name)), reason: 'the file name is not valid UTF-8; rename the file'})
    }
  }
  return {paths: paths.sort(compareStrings), unlisted: unlisted.sort((a, b) => compareStrings(a.path, b.path))}
}

/** For tests: runs between discovery and opening a file, to swap it deterministically. */
export interface ReadHooks {
  beforeOpen?(file: string): void
}

/**
 * Reads one source file and fingerprints it. Anything but a regular file
 * inside the input folder, and a file over the size limit, is rejected
 * (RejectError) with the reason; at most `maxBytes + 1` bytes are read, so a
 * file that grows, or a device that never ends, costs no more than the limit.
 * The read is synchronous: source files are small, and the promise API's four
 * thread-pool round trips per file cost a rebuild more than the read itself.
 */
export function readSource(inputDir: string, relativePath: string, limits: Limits, hooks?: ReadHooks): SourceFile {
  const file = path.join(inputDir, ...relativePath.split('/'))
  hooks?.beforeOpen?.(file)
  const descriptor = openWithoutFollowing(file)
  try {
    const stats = fstatSync(descriptor)
    if (!stats.isFile()) throw new RejectError(`the file is ${kindOf(stats)}, not a regular file; fixset reads only regular files`)
    checkSize(stats.size, limits)
    assertInside(descriptor, inputDir)
    const bytes = readAtMost(descriptor, limits.maxBytes + 1, stats.size)
    if (bytes.length > limits.maxBytes) throw new RejectError(`the file grew over the limit of ${limits.maxBytes} bytes (--max-bytes) while it was read`)
    return {path: relativePath, bytes, sha256: sha256Hex(bytes)}
  } finally {
    closeSync(descriptor)
  }
}

/** Opens for reading without following a link in the last component, and without waiting on a FIFO with no writer. */
function openWithoutFollowing(file: string): number {
  try {
    return openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new RejectError('the file is a symbolic link, which fixset does not follow')
    throw error
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  if (stats.isDirectory()) return 'a folder'
  if (stats.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

const realInputs = new Map<string, string>()

/**
 * A folder on the way may have been swapped for a link since discovery:
 * where the system says the open file is (Linux's /proc/self/fd) must be
 * inside the input folder. Skipped where the system does not say.
 */
function assertInside(descriptor: number, inputDir: string): void {
  let opened: string
  try {
    opened = readlinkSync(`/proc/self/fd/${descriptor}`)
  } catch {
    return
  }
  let root = realInputs.get(inputDir)
  if (root === undefined) realInputs.set(inputDir, (root = realpathSync(inputDir)))
  const relative = path.relative(root, opened)
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new RejectError('the file is reached through a link to outside --input, which fixset does not follow')
}

/** Reads until the end of the file or `limit` bytes, whichever comes first. */
function readAtMost(descriptor: number, limit: number, expected: number): Uint8Array {
  // One byte more than the size fstat gave, so a file that is as long as it says ends in one read.
  let buffer = Buffer.allocUnsafeSlow(Math.min(limit, expected + 1))
  let length = 0
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break
      const bigger = Buffer.allocUnsafeSlow(Math.min(limit, length * 2))
      buffer.copy(bigger, 0, 0, length)
      buffer = bigger
    }
    const read = readSync(descriptor, buffer, length, buffer.length - length, null)
    if (read === 0) break
    length += read
  }
  return buffer.subarray(0, length)
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}
