/**
 * Issue 16, reading what it must not: a file swapped between discovery and
 * reading (for a link, a FIFO, a link to /dev/zero, a folder swapped for a
 * link) is rejected with a reason and nothing outside --input is read; the
 * size cap bounds what is read; an unreadable folder becomes a rejected row.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Dirent} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {defaultConfig} from '../src/config.js'
import {readOrReject} from '../src/process-file.js'
import {discoverSources, readSource} from '../src/stages/discover.js'
import {scratchDir} from './helpers/cli.js'

const article = (title: string) => `---\ntitle: ${title}\n---\n\n## 1. Restart it\n\nHold the power button of the ${title} for ten seconds.\n`

/** An input folder with `victim.md` and `other.md`, and a secret outside it. */
function setup(): {input: string; secret: string; outside: string} {
  const input = path.join(scratchDir(), 'input')
  const outside = scratchDir()
  mkdirSync(input)
  writeFileSync(path.join(input, 'victim.md'), article('router'))
  writeFileSync(path.join(input, 'other.md'), article('printer'))
  const secret = path.join(outside, 'secret.md')
  writeFileSync(secret, article('TOP-SECRET-CONTENT'))
  return {input, secret, outside}
}

/** Builds `input`, swapping victim.md by `swap` just before it is first opened (after discovery listed it). */
async function buildWithSwap(input: string, swap: (file: string) => void) {
  let swapped = false
  const result = await build({
    input,
    workers: 1,
    readHooks: {
      beforeOpen(file) {
        if (swapped || path.basename(file) !== 'victim.md') return
        swapped = true
        rmSync(file)
        swap(file)
      }
    }
  })
  expect(swapped).toBe(true)
  return result
}

describe('a file swapped between discovery and reading', () => {
  it('for a symbolic link to a file outside --input: rejected as a link, the target never read', async () => {
    const {input, secret} = setup()
    const result = await buildWithSwap(input, (file) => symlinkSync(secret, file))
    const row = result.manifest.find((entry) => entry.path === 'victim.md')!
    expect(row).toMatchObject({status: 'rejected', sha256: '', reason: 'The file is a symbolic link, which fixset does not follow.'})
    expect([...result.files.values()].join('\n')).not.toContain('TOP-SECRET-CONTENT')
    expect(result.fixsets.map((fixset) => fixset.title)).toEqual(['printer'])
  })

  it('for a FIFO: rejected at once (no waiting for a writer)', async () => {
    const {input} = setup()
    const result = await buildWithSwap(input, (file) => execFileSync('mkfifo', [file]))
    expect(result.manifest.find((entry) => entry.path === 'victim.md')).toMatchObject({status: 'rejected', reason: 'The file is a FIFO (named pipe), not a regular file; fixset reads only regular files.'})
  })

  it('for a symbolic link to /dev/zero: rejected, nothing read from it', async () => {
    const {input} = setup()
    const result = await buildWithSwap(input, (file) => symlinkSync('/dev/zero', file))
    expect(result.manifest.find((entry) => entry.path === 'victim.md')).toMatchObject({status: 'rejected', reason: 'The file is a symbolic link, which fixset does not follow.'})
  })

  it('a folder on the way swapped for a link to outside --input: rejected, the file outside never read', () => {
    const {input, outside} = setup()
    mkdirSync(path.join(input, 'sub'))
    writeFileSync(path.join(input, 'sub', 'secret.md'), article('inside'))
    const {paths} = discoverSources(input, defaultConfig.extensions)
    expect(paths).toContain('sub/secret.md')
    const result = readOrReject(input, 'sub/secret.md', defaultConfig.limits, {
      beforeOpen() {
        renameSync(path.join(input, 'sub'), path.join(input, 'moved'))
        symlinkSync(outside, path.join(input, 'sub'))
      }
    })
    expect(result).toMatchObject({status: 'rejected', reason: 'The file is reached through a link to outside --input, which fixset does not follow.'})
  })
})

describe('what the reader opens', () => {
  it('a device (/dev/zero, size 0 on paper) is rejected on the open descriptor, not read', () => {
    expect(() => readSource('/dev', 'zero', defaultConfig.limits)).toThrow('the file is a character device, not a regular file; fixset reads only regular files')
  })

  it('reads at most --max-bytes + 1 bytes, and a file of exactly --max-bytes whole', () => {
    const input = scratchDir()
    const limits = {...defaultConfig.limits, maxBytes: 1000}
    writeFileSync(path.join(input, 'exact.md'), 'x'.repeat(1000))
    expect(readSource(input, 'exact.md', limits).bytes.length).toBe(1000)
    writeFileSync(path.join(input, 'big.md'), 'x'.repeat(1001))
    expect(() => readSource(input, 'big.md', limits)).toThrow('the file is 1001 bytes, over the limit of 1000 bytes (--max-bytes)')
  })

  it('a regular file whose size on paper is 0 but that holds more (/proc) is read only up to the cap, then rejected', () => {
    // /proc/self/status says 0 bytes, like /dev/zero, and holds over a kilobyte: the size check alone would pass it.
    expect(() => readSource('/proc/self', 'status', {...defaultConfig.limits, maxBytes: 100})).toThrow('the file grew over the limit of 100 bytes (--max-bytes) while it was read')
  })
})

describe('an unreadable subfolder', () => {
  it('becomes one rejected row with the reason; the other files build', async () => {
    const {input} = setup()
    mkdirSync(path.join(input, 'locked'))
    writeFileSync(path.join(input, 'locked', 'hidden.md'), article('locked'))
    // As root a chmod 000 folder stays readable, so the listing of that one folder is made to fail the way EACCES does.
    const list = (folder: string) => {
      if (path.basename(folder) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), {code: 'EACCES'})
      return readdirSync(folder, {withFileTypes: true, encoding: 'buffer'}) as Array<Dirent<Buffer>>
    }
    const {paths, unlisted} = discoverSources(input, defaultConfig.extensions, list)
    expect(paths).toEqual(['other.md', 'victim.md'])
    expect(unlisted).toEqual([{path: 'locked/', reason: 'the folder cannot be read (EACCES), so its files were not built; make it readable or move it out of --input'}])
  })
})

describe('a file name that is not UTF-8', () => {
  it('gets one rejected manifest row with its bytes escaped, next to a name that differs only in those bytes', async () => {
    const {input} = setup()
    writeFileSync(Buffer.concat([Buffer.from(input + '/caf'), Buffer.from([0xe9]), Buffer.from('.md')]), article('latin one'))
    writeFileSync(Buffer.concat([Buffer.from(input + '/caf'), Buffer.from([0xff]), Buffer.from('.md')]), article('latin two'))
    const result = await build({input, workers: 1})
    const rows = result.manifest.filter((row) => row.path.startsWith('caf'))
    expect(rows).toEqual([
      expect.objectContaining({path: 'caf\\xe9.md', status: 'rejected', reason: 'The file name is not valid UTF-8; rename the file.'}),
      expect.objectContaining({path: 'caf\\xff.md', status: 'rejected'})
    ])
    expect(result.manifest).toHaveLength(4)
  })
})
