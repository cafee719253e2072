/** A warm build reads per-file results from the cache and is byte-identical to a cold one. */
import {copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {build} from '../src/build.js'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {inputDir, seedNames} from './helpers/paths.js'

it('after edits, additions and deletions a warm build equals a --no-cache build', async () => {
  const input = path.join(scratchDir(), 'input')
  const cache = path.join(scratchDir(), 'cache')
  const build = (output: string, ...flags: string[]) => runCli(['--input', input, '--output', output, '--workers', '1', ...flags])
  // A small corpus of its own: the seeds, and a third article.
  mkdirSync(input, {recursive: true})
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  writeFileSync(path.join(input, 'other.md'), '---\ntitle: Restart the Router\ndate: 2024-01-01\n---\n\n## 1. Unplug it\n\nWait ten seconds before plugging it back in.\n')

  const first = await build(path.join(scratchDir(), 'out'), '--cache', cache)
  expect(first.status).toBe(0)
  expect(first.stderr).toMatch(/ 0 cache hits/)

  const seed = path.join(input, '001_aecc30d4efa8a273.txt')
  writeFileSync(seed, readFileSync(seed, 'utf8').replace('Tap**WhatsApp Messenger** .', 'Tap**WhatsApp** and then **Messenger** .'))
  writeFileSync(path.join(input, 'added.md'), '---\ntitle: Clear the Cache\n---\n\n## 1. Open Settings\n\n1. Tap **Storage**.\n')
  rmSync(path.join(input, 'other.md'))

  const warmOut = path.join(scratchDir(), 'out')
  const coldOut = path.join(scratchDir(), 'out')
  const warm = await build(warmOut, '--cache', cache)
  const cold = await build(coldOut, '--no-cache')
  expect(warm.stderr).toMatch(/ [1-9]\d* cache hits/)
  expect(cold.stderr).toMatch(/ 0 cache hits/)
  expect(readTree(warmOut)).toEqual(readTree(coldOut))
  expect([...readTree(warmOut).values()].join('\n')).toContain('Tap **WhatsApp** and then **Messenger**.')
})

it('a file that changes between its scan and its render is rejected, and its duplicate takes its place', async () => {
  const input = scratchDir()
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  const before = await build({input, workers: 1, cache: false})
  const canonical = before.manifest.find((row) => row.status === 'canonical')!.path
  const duplicate = before.manifest.find((row) => row.status === 'duplicate')!.path

  // The last scan is done and no render has started: the canonical member is edited on disk now.
  const editAfterScans = (done: number, total: number, pass: 'scan' | 'render') => {
    if (pass === 'scan' && done === total) writeFileSync(path.join(input, canonical), readFileSync(path.join(input, canonical), 'utf8') + '\nA late edit.\n')
  }
  const during = await build({input, workers: 1, cache: false, onProgress: editAfterScans})
  expect(during.exitCode).toBe(1)
  const rows = new Map(during.manifest.map((row) => [row.path, row]))
  expect(rows.get(canonical)).toMatchObject({status: 'rejected', reason: expect.stringMatching(/changed while fixset was building/)})
  expect(rows.get(duplicate)).toMatchObject({status: 'canonical'})
  expect(JSON.stringify(during.fixsets)).not.toContain('A late edit')
})

it('a damaged cache entry (a build killed mid-write, a full disk) is a miss, computed and written again', async () => {
  const input = scratchDir()
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  const cache = scratchDir()
  const first = await build({input, workers: 1, cache})
  const entries = (readdirSync(cache, {recursive: true}) as string[]).filter((name) => name.endsWith('.jsonl')).map((name) => path.join(cache, name))
  expect(entries.length).toBe(3) // two scans and one render
  for (const [index, entry] of entries.entries()) truncateSync(entry, index === 0 ? 0 : Math.floor(statSync(entry).size / 2))

  const damaged = await build({input, workers: 1, cache})
  expect(damaged.cacheHits).toBe(0)
  expect(damaged.files).toEqual(first.files)
  const repaired = await build({input, workers: 1, cache})
  expect(repaired.cacheHits).toBe(3)
  expect(repaired.files).toEqual(first.files)
})
