/**
 * Issue 16, bounded everything: a message quotes at most a short excerpt of a
 * value, so the console report costs what it prints; dedupe splits a chain of
 * any length without recursion; file names reach the terminal escaped.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {maxMessageLength, maxQuotedLength, quote} from '../src/diagnostics.js'
import {compareCanonical, splitAroundCanonical, type DedupeInput} from '../src/stages/dedupe.js'
import {overlap} from '../src/stages/signature.js'
import {runCli, scratchDir} from './helpers/cli.js'

const chainMember = (index: number, width = 10): DedupeInput => ({
  path: `f${String(index).padStart(6, '0')}.md`,
  date: null,
  signature: {shingles: Uint32Array.from({length: width}, (_, offset) => index + offset), minhash: new Uint32Array(0), words: 100}
})

describe('messages quote excerpts', () => {
  it('quote() keeps a short value whole and cuts a long one to its first characters and …', () => {
    expect(quote('Fix Wi-Fi')).toBe('"Fix Wi-Fi"')
    const long = '🔥'.repeat(maxQuotedLength + 50)
    expect(quote(long)).toBe(JSON.stringify('🔥'.repeat(maxQuotedLength) + '…'))
  })

  it('a 200 KB one-line title that does not fit its article gives a short warning, on the console and in report.json', async () => {
    const input = scratchDir()
    const title = 'Zebra '.repeat(200_000 / 6)
    writeFileSync(path.join(input, 'long.md'), `---\ntitle: ${title}\n---\n\n## 1. Restart the router\n\nUnplug the router for ten seconds.\n`)
    const output = path.join(scratchDir(), 'out')
    const run = await runCli(['--input', input, '--output', output, '--no-cache'])
    expect(run.status, run.stderr).toBe(0)
    // The whole console output is a few lines, whatever the title's length.
    expect(run.stderr.length).toBeLessThan(2_000)
    expect(run.stderr).toMatch(/title-mismatch/)
    expect(run.stderr).toContain('Zebra Zebra')
    expect(run.stderr).toContain('…')
    const report = JSON.parse(readFileSync(path.join(output, 'report.json'), 'utf8')) as {diagnostics: Array<{message: string}>}
    for (const diagnostic of report.diagnostics) expect(diagnostic.message.length).toBeLessThanOrEqual(maxMessageLength + 1)
    // --quiet prints nothing at all.
    expect((await runCli(['--input', input, '--output', output, '--no-cache', '--quiet'])).stderr).toBe('')
  })
})

describe('dedupe without recursion', () => {
  it('splits a chain of 10,000 members, each similar only to its neighbours, into 5,000 pairs', () => {
    const chain = Array.from({length: 10_000}, (_, index) => chainMember(index))
    // Neighbours share 9 of 11 shingles (Jaccard 0.82 ≥ 0.7), members two apart 8 of 12 (0.67): not similar.
    expect(overlap(chain[0]!.signature.shingles, chain[1]!.signature.shingles).jaccard).toBeGreaterThanOrEqual(defaultConfig.dedupe.minJaccard)
    expect(overlap(chain[0]!.signature.shingles, chain[2]!.signature.shingles).jaccard).toBeLessThan(defaultConfig.dedupe.minJaccard)
    const clusters = splitAroundCanonical(chain, defaultConfig.dedupe)
    expect(clusters).toHaveLength(5_000)
    expect(clusters[0]).toEqual({canonical: 'f000000.md', duplicates: [{path: 'f000001.md', similarity: 0.8182}]})
    expect(clusters.at(-1)).toMatchObject({canonical: 'f009998.md', duplicates: [{path: 'f009999.md'}]})
  })

  it('gives the clusters of the definition (each canonical member takes every remaining member similar to it)', () => {
    const member = fc.record({index: fc.nat(400), width: fc.integer({min: 1, max: 12})})
    fc.assert(
      fc.property(fc.uniqueArray(member, {minLength: 1, maxLength: 120, selector: (item) => item.index}), (items) => {
        const members = items.map(({index, width}) => chainMember(index, width))
        expect(splitAroundCanonical(members, defaultConfig.dedupe)).toEqual(byDefinition(members))
      }),
      {numRuns: 40}
    )
  })
})

/** The rule as written: the first remaining member in canonical order takes every remaining member similar to it. */
function byDefinition(members: DedupeInput[]) {
  const config = defaultConfig.dedupe
  let remaining = [...members].sort((a, b) => compareCanonical(a, b, config.canonical))
  const clusters = []
  while (remaining.length > 0) {
    const [canonical, ...rest] = remaining as [DedupeInput, ...DedupeInput[]]
    const isSimilar = (other: DedupeInput) => {
      const {jaccard, containedInA, containedInB} = overlap(canonical.signature.shingles, other.signature.shingles)
      return jaccard >= config.minJaccard || (Math.max(containedInA, containedInB) >= config.minContainment && Math.min(containedInA, containedInB) >= 0.5)
    }
    const joined = rest.filter(isSimilar)
    clusters.push({
      canonical: canonical.path,
      duplicates: joined
        .map((other) => ({path: other.path, similarity: Math.round(overlap(canonical.signature.shingles, other.signature.shingles).jaccard * 10000) / 10000}))
        .sort((a, b) => (a.path < b.path ? -1 : 1))
    })
    remaining = rest.filter((other) => !isSimilar(other))
  }
  return clusters
}

describe('file names on the terminal', () => {
  it('an ESC sequence or bidi control in a file name is printed escaped, never raw', async () => {
    const input = scratchDir()
    const name = 'red\u001b[31m\u202eevil.md'
    // A title about another article gives a warning, so the file's name is printed.
    writeFileSync(path.join(input, name), '---\ntitle: Quantum Gravity\n---\n\nPress Enter now.\n')
    writeFileSync(path.join(input, 'bad\u001b[2J.md'), '---js\nx\n---\n')
    const run = await runCli(['--input', input, '--output', path.join(scratchDir(), 'out'), '--no-cache'])
    expect(run.status).toBe(1)
    expect(run.stderr).not.toMatch(/[\u001b\u202e]/)
    expect(run.stderr).toContain('red\\u{1b}[31m\\u{202e}evil.md')
    expect(run.stderr).toContain('rejected: bad\\u{1b}[2J.md: Frontmatter uses the `js` engine')
  })
})
