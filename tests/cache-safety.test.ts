/**
 * Issue 16: a cache can never change the output. Entries are corrupted,
 * emptied, swapped, copied from another configuration and poisoned; each
 * build still equals a --no-cache build, and the bad entries are rewritten.
 */
import {copyFileSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {encodeEntry} from '../src/cache-entry.js'
import {openCache} from '../src/cache.js'
import {defaultConfig, type Config} from '../src/config.js'
import {scratchDir} from './helpers/cli.js'
import {inputDir, seedNames} from './helpers/paths.js'

const article = (title: string, topic: string) =>
  `---\ntitle: ${title}\ndate: 2024-01-0${title.length % 9 || 1}\n---\n\n## 1. Check the ${topic}\n\nMake sure the ${topic} is plugged in and switched on before anything else.\n\n1. Look at the ${topic} light.\n`

function corpus(): string {
  const input = scratchDir()
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  writeFileSync(path.join(input, 'router.md'), article('Router Offline', 'router'))
  writeFileSync(path.join(input, 'printer.md'), article('Printer Jammed', 'printer'))
  return input
}

const entriesIn = (cache: string) => (readdirSync(cache, {recursive: true}) as string[]).filter((name) => name.endsWith('.jsonl')).map((name) => path.join(cache, name)).sort()

async function primed(config: Config = defaultConfig) {
  const input = corpus()
  const cache = scratchDir()
  const cold = await build({input, workers: 1, cache: false, config})
  const warm = await build({input, workers: 1, cache, config})
  expect(warm.files).toEqual(cold.files)
  return {input, cache, cold, config}
}

/** After damaging the cache: the build equals the cold one, and the next build finds every entry valid again. */
async function expectHarmless({input, cache, cold, config}: Awaited<ReturnType<typeof primed>>) {
  const damaged = await build({input, workers: 1, cache, config})
  expect(damaged.files).toEqual(cold.files)
  expect(damaged.exitCode).toBe(cold.exitCode)
  const repaired = await build({input, workers: 1, cache, config})
  expect(repaired.files).toEqual(cold.files)
  // Every scan and every render comes from the cache again: the bad entries were rewritten.
  expect(repaired.cacheHits).toBe(cold.manifest.length + cold.fixsets.length)
  return damaged
}

describe('a cache cannot change the output', () => {
  it('entries that are all {} are misses: the output is not emptied', async () => {
    const setup = await primed()
    for (const entry of entriesIn(setup.cache)) writeFileSync(entry, '{}')
    const damaged = await expectHarmless(setup)
    expect(damaged.cacheHits).toBe(0)
    expect(damaged.fixsets.length).toBeGreaterThan(0)
  })

  it('entries with five flipped bytes are misses, and the build does not fail', async () => {
    const setup = await primed()
    for (const entry of entriesIn(setup.cache)) {
      const bytes = readFileSync(entry)
      for (let flip = 1; flip <= 5; flip++) {
        const at = Math.floor((bytes.length * flip) / 6)
        bytes[at] = bytes[at]! ^ 0x04
      }
      writeFileSync(entry, bytes)
    }
    expect((await expectHarmless(setup)).cacheHits).toBe(0)
  })

  it('entries swapped between files are misses (each names the key it was written under)', async () => {
    const setup = await primed()
    const cache = openCache(setup.cache, setup.config)
    const row = (name: string) => setup.cold.manifest.find((entry) => entry.path === name)!
    const [a, b] = [cache.entry('scan', 'router.md', row('router.md').sha256).file, cache.entry('scan', 'printer.md', row('printer.md').sha256).file]
    const [textA, textB] = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]
    writeFileSync(a, textB)
    writeFileSync(b, textA)
    const damaged = await expectHarmless(setup)
    expect(damaged.cacheHits).toBe(setup.cold.manifest.length + setup.cold.fixsets.length - 2)
  })

  it('entries copied from another configuration\'s folder over this one\'s are misses', async () => {
    const other: Config = {...defaultConfig, dropLines: [...defaultConfig.dropLines, {ruleId: 'debris-line', pattern: '^Make sure the router'}]}
    const setup = await primed()
    // The same files built with another configuration, into the same cache folder.
    await build({input: setup.input, workers: 1, cache: setup.cache, config: other})
    const [mine, theirs] = [openCache(setup.cache, setup.config), openCache(setup.cache, other)]
    let copied = 0
    for (const row of setup.cold.manifest) {
      for (const pass of ['scan', 'render'] as const) {
        try {
          writeFileSync(mine.entry(pass, row.path, row.sha256).file, readFileSync(theirs.entry(pass, row.path, row.sha256).file))
          copied++
        } catch {
          // Only canonical members have render entries.
        }
      }
    }
    expect(copied).toBe(setup.cold.manifest.length + setup.cold.fixsets.length)
    expect((await expectHarmless(setup)).cacheHits).toBe(0)
  })

  it('a poisoned value (<script>, javascript:) without a matching checksum is a miss', async () => {
    const setup = await primed()
    for (const entry of entriesIn(setup.cache)) {
      const [header, payload] = readFileSync(entry, 'utf8').split('\n')
      const poisoned = payload!.replace(/"title":"[^"]*"/g, '"title":"<script>alert(1)</script>"').replace(/"body":"/, '"body":"[x](javascript:alert(1)) ')
      writeFileSync(entry, `${header}\n${poisoned}\n`)
    }
    const damaged = await expectHarmless(setup)
    expect([...damaged.files.values()].join('\n')).not.toMatch(/<script>|javascript:/)
  })

  it('an entry with a valid header and checksum but not a pass\'s result, or another file\'s result, is a miss', async () => {
    const setup = await primed()
    const cache = openCache(setup.cache, setup.config)
    const row = (name: string) => setup.cold.manifest.find((entry) => entry.path === name)!
    const router = cache.entry('scan', 'router.md', row('router.md').sha256)
    const printer = cache.entry('scan', 'printer.md', row('printer.md').sha256)
    // {} under the right key and checksum: the schema refuses it.
    writeFileSync(router.file, encodeEntry(router.key, {}, (_key, value) => value))
    // The printer's scan result, re-signed under its own key, but claiming another path: the key's path and the result's differ.
    const printerText = readFileSync(printer.file, 'utf8').split('\n')[1]!
    const moved = JSON.parse(printerText) as {path: string}
    moved.path = 'elsewhere.md'
    writeFileSync(printer.file, encodeEntry(printer.key, moved, (_key, value) => value))
    const damaged = await expectHarmless(setup)
    expect(damaged.cacheHits).toBe(setup.cold.manifest.length + setup.cold.fixsets.length - 2)
  })
})
