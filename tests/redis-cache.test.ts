/**
 * The shared cache on a real redis-server (`--cache redis://…`): two output
 * folders share it, its entries are checked when read, its keys carry the
 * prefix and time to live asked for, and a Redis that cannot be reached, or
 * that goes away mid-build, is an error (exit 2), not a cold build.
 */
import {copyFileSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {decodeEntry, encodeEntry} from '../src/cache-entry.js'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {corpusDir, hasCorpus, inputDir, seedNames} from './helpers/paths.js'
import {freePort, hasRedisServer, noRedisServer, startRedis, type RedisServer} from './helpers/redis.js'

/** The seeds (two duplicates) and an article of its own: three scans, two renders. */
function smallCorpus(): string {
  const input = scratchDir('fixset-input-')
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  writeFileSync(path.join(input, 'other.md'), '---\ntitle: Restart the Router\ndate: 2024-01-01\n---\n\n## 1. Unplug it\n\nWait ten seconds before plugging it back in.\n')
  return input
}

const build = (input: string, output: string, ...flags: string[]) => runCli(['--input', input, '--output', output, '--workers', '1', ...flags])
const hitsOf = (stderr: string) => Number(/ (\d+) cache hits/.exec(stderr)?.[1])

describe('entries are checked when read, in the format a folder cache and Redis share', () => {
  const meta = {title: 'A', date: null, rawDate: null, updated: null, description: null, tags: [], categories: [], sourceUrl: null}
  const signature = {shingles: new Uint32Array([1, 2]), minhash: new Uint32Array([3]), words: 2}
  const result = {path: 'a.md', sha256: 'abc', status: 'ok', diagnostics: [], changes: [], meta, title: 'A', signature, blocks: []}
  const expected = {key: 'k1', pass: 'scan', path: 'a.md', sha256: 'abc'} as const

  it('reads back what was written, typed arrays included', () => {
    const value = decodeEntry(encodeEntry('k1', result), expected) as typeof result
    expect(value.signature.shingles).toEqual(new Uint32Array([1, 2]))
  })

  it('is a miss for another key, file, other bytes, another pass, a cut-short entry or foreign JSON', () => {
    const text = encodeEntry('k1', result)
    expect(decodeEntry(text, {...expected, key: 'k2'})).toBeUndefined()
    expect(decodeEntry(text, {...expected, path: 'b.md'})).toBeUndefined()
    expect(decodeEntry(text, {...expected, sha256: 'abd'})).toBeUndefined()
    expect(decodeEntry(text, {...expected, pass: 'render'})).toBeUndefined()
    expect(decodeEntry(text.slice(0, -3), expected)).toBeUndefined()
    expect(decodeEntry(encodeEntry('k1', {path: 'a.md', sha256: 'abc', status: 'ok'}), expected)).toBeUndefined()
    expect(decodeEntry('"hello"', expected)).toBeUndefined()
  })
})

describe.skipIf(!hasRedisServer)('a cache on a real redis-server', () => {
  let redis: RedisServer
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })

  it('is shared by two output folders: the second build computes nothing, and both equal a build without a cache', async () => {
    const input = smallCorpus()
    const [first, second, none] = [scratchDir(), scratchDir(), scratchDir()].map((dir) => path.join(dir, 'out'))
    const cold = await build(input, first!, '--cache', redis.url)
    expect(cold.status, cold.stderr).toBe(0)
    expect(hitsOf(cold.stderr)).toBe(0)
    const warm = await build(input, second!, '--cache', redis.url)
    // Three scans and the renders of the two canonical members.
    expect(hitsOf(warm.stderr)).toBe(5)
    expect((await build(input, none!, '--no-cache')).status).toBe(0)
    expect(readTree(first!)).toEqual(readTree(none!))
    expect(readTree(second!)).toEqual(readTree(none!))
  })

  it('treats spoiled and foreign entries as misses, and the build as if cold', async () => {
    const input = smallCorpus()
    const prefix = 'spoil:'
    await build(input, path.join(scratchDir(), 'out'), '--cache', redis.url, '--cache-prefix', prefix)
    const keys = await redis.client.keys(`${prefix}*`)
    expect(keys).toHaveLength(5)
    // Every entry replaced: half cut short, half by another file's valid entry.
    const entries = await Promise.all(keys.map((key) => redis.client.get(key)))
    await Promise.all(keys.map((key, index) => redis.client.set(key, index % 2 === 0 ? entries[index]!.slice(0, 40) : entries[(index + 1) % keys.length]!)))
    const spoiled = path.join(scratchDir(), 'out')
    const none = path.join(scratchDir(), 'out')
    const run = await build(input, spoiled, '--cache', redis.url, '--cache-prefix', prefix)
    expect(run.status, run.stderr).toBe(0)
    expect(hitsOf(run.stderr)).toBe(0)
    await build(input, none, '--no-cache')
    expect(readTree(spoiled)).toEqual(readTree(none))
  })

  it('keys its entries under the prefix, with the time to live asked for', async () => {
    const input = smallCorpus()
    await build(input, path.join(scratchDir(), 'out'), '--cache', `${redis.url}/3`, '--cache-prefix', 'team-a:', '--cache-ttl', '600')
    await redis.client.select(3)
    const keys = await redis.client.keys('*')
    await redis.client.select(0)
    expect(keys).toHaveLength(5)
    expect(keys.every((key) => /^team-a:[0-9a-f]{16}:(?:scan|render):[0-9a-f]{64}$/.test(key))).toBe(true)
    await redis.client.select(3)
    const ttls = await Promise.all(keys.map((key) => redis.client.ttl(key)))
    await redis.client.select(0)
    expect(ttls.every((ttl) => ttl > 0 && ttl <= 600)).toBe(true)
  })
})

it.skipIf(!hasRedisServer || !hasCorpus)('stops with one line and exit 2 when the cache goes away mid-build, leaving the previous output', async () => {
  const redis = await startRedis()
  // Every 100th article of the shared corpus: enough work for Redis to stop while the build writes entries.
  const input = scratchDir('fixset-input-')
  const files = (readdirSync(corpusDir, {recursive: true}) as string[]).filter((name) => /\.(?:md|txt)$/.test(name)).sort()
  for (const name of files.filter((_, index) => index % 100 === 0)) copyFileSync(path.join(corpusDir, name), path.join(input, path.basename(name)))
  const output = path.join(scratchDir(), 'out')
  expect((await build(input, output, '--no-cache')).status).toBe(0)
  const before = readTree(output)
  const running = build(input, output, '--cache', redis.url)
  while ((await redis.client.dbsize()) < 1) await new Promise((resolve) => setTimeout(resolve, 20))
  await redis.stop()
  const run = await running
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(new RegExp(`^fixset: the cache at ${redis.url.replace(/[./]/g, '\\$&')} cannot be reached: [^\\n]+\\n$`))
  expect(readTree(output)).toEqual(before)
  expect(readdirSync(path.dirname(output))).toEqual(['out'])
})

it('stops with one line and exit 2 when the cache cannot be reached, leaving the previous output', async () => {
  const input = smallCorpus()
  const output = path.join(scratchDir(), 'out')
  expect((await build(input, output, '--no-cache')).status).toBe(0)
  const before = readTree(output)
  const port = await freePort()
  const run = await build(input, output, '--cache', `redis://127.0.0.1:${port}`)
  expect(run.status).toBe(2)
  expect(run.stderr).toBe(`fixset: the cache at redis://127.0.0.1:${port} cannot be reached: connect ECONNREFUSED 127.0.0.1:${port}\n`)
  expect(readTree(output)).toEqual(before)
  // No staging folder left beside it (write.ts names them `.NAME.fixset-new-PID`).
  expect(readdirSync(path.dirname(output))).toEqual(['out'])
})
