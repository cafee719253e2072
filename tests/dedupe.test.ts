import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {deduplicate, type DedupeInput} from '../src/stages/dedupe.js'
import {computeSignature, overlap, shingleHashes} from '../src/stages/signature.js'
import {scanBody} from '../src/stages/scan.js'
import {accepted, processText} from './helpers/run.js'
import {inputDir, seedNames} from './helpers/paths.js'

const {dedupe} = defaultConfig
const seeds = seedNames.map((name) => accepted(processText(readFileSync(path.join(inputDir, name), 'utf8'), name)))
const asInput = (name: string, date: string | null, text: string): DedupeInput => ({
  path: name,
  date,
  signature: computeSignature(scanBody(text.split('\n'), 0, []).words, dedupe.shingleSize, dedupe.permutations)
})
const words = (count: number, seed: number) => Array.from({length: count}, (_, index) => `w${(index * 7919 + seed * 104729) % 100003}`).join(' ')

describe('dedupe', () => {
  it('the seeds are near-identical after cleaning but not on their raw text', () => {
    const cleaned = overlap(seeds[0]!.signature.shingles, seeds[1]!.signature.shingles).jaccard
    expect(cleaned).toBeGreaterThan(0.95)
    const raw = seedNames.map((name) => shingleHashes(readFileSync(path.join(inputDir, name), 'utf8').toLowerCase().split(/\s+/), 5))
    expect(overlap(raw[0]!, raw[1]!).jaccard).toBeLessThan(0.5)
  })

  it('clusters the seeds with the earliest-dated one canonical', () => {
    const clusters = deduplicate(seeds.map((seed) => ({path: seed.path, date: seed.meta.date, signature: seed.signature})), dedupe)
    expect(clusters).toHaveLength(1)
    expect(clusters[0]!.canonical).toBe('001_aecc30d4efa8a273.txt')
    expect(clusters[0]!.duplicates.map((duplicate) => duplicate.path)).toEqual(['000_ba80a36ccb69341f.txt'])
  })

  it('never merges different articles, and ties on date fall back to path order', () => {
    const a = words(400, 1)
    const b = words(400, 2)
    const clusters = deduplicate(
      [asInput('z.md', '2024-01-01', a), asInput('b.md', '2024-01-01', a + ' extra words at the end here'), asInput('c.md', null, b)],
      dedupe
    )
    expect(clusters.map((cluster) => [cluster.canonical, cluster.duplicates.map((duplicate) => duplicate.path)])).toEqual([
      ['b.md', ['z.md']],
      ['c.md', []]
    ])
  })

  it('does not chain: A~B and B~C do not put A with C when A and C differ', () => {
    const part1 = words(300, 3)
    const part2 = words(300, 4)
    const part3 = words(300, 5)
    const clusters = deduplicate(
      [asInput('a.md', '2020-01-01', `${part1} ${part2}`), asInput('b.md', '2021-01-01', `${part1} ${part2} ${part3}`), asInput('c.md', '2022-01-01', `${part2} ${part3}`)],
      {...dedupe, minJaccard: 0.6, minContainment: 0.95}
    )
    const withA = clusters.find((cluster) => cluster.canonical === 'a.md')!
    expect(withA.duplicates.map((duplicate) => duplicate.path)).not.toContain('c.md')
  })

  it('puts many edited copies of one article in one cluster, beside articles that differ', () => {
    // Large enough that every LSH bucket of the copies holds them all, as republished copies do.
    const article = words(500, 8)
    const copies = Array.from({length: 120}, (_, copy) => asInput(`copy-${String(copy).padStart(3, '0')}.md`, `20${10 + (copy % 10)}-01-01`, article.replace(/w\d+/, `edited${copy}`)))
    const others = [asInput('other-1.md', null, words(500, 9)), asInput('other-2.md', null, words(500, 10))]
    const clusters = deduplicate([...others, ...copies], dedupe)
    expect(clusters.map((cluster) => [cluster.canonical, cluster.duplicates.length])).toEqual([
      ['copy-000.md', 119],
      ['other-1.md', 0],
      ['other-2.md', 0]
    ])
  })

  it('gives the same clusters whatever the input order', () => {
    const inputs = [asInput('a.md', null, words(200, 6)), asInput('b.md', null, words(200, 6)), asInput('c.md', null, words(200, 7)), ...seeds.map((seed) => ({path: seed.path, date: seed.meta.date, signature: seed.signature}))]
    const forward = deduplicate(inputs, dedupe)
    expect(deduplicate([...inputs].reverse(), dedupe)).toEqual(forward)
  })
})
