/**
 * The output streams: each fix set reaches the sink as soon as its cluster is
 * rendered, the closing files (index, manifest, report) come last, and the
 * files are the same as a build kept in memory. A canonical member that fails
 * to render gives its place to the next member, and fix set ids follow the
 * final canonical paths even when that takes back a file already written.
 */
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {build, buildInto} from '../src/build.js'
import {defaultConfig} from '../src/config.js'
import {openOutput, type OutputSink} from '../src/write.js'
import {readTree, scratchDir} from './helpers/cli.js'
import {corpusDir, hasCorpus} from './helpers/paths.js'

it.skipIf(!hasCorpus)('fix sets are written while other clusters are still being rendered', async () => {
  const folder = readdirSync(corpusDir).find((name) => name.includes('printer-issues__history'))!
  const input = path.join(corpusDir, folder)
  const events: string[] = []
  let rendered = 0
  let clusters = 0
  const files = new Map<string, string>()
  const sink: OutputSink = {
    write: async (relative, content) => void (events.push(`${rendered}/${clusters} ${relative}`), files.set(relative, content)),
    remove: async (relative) => void files.delete(relative)
  }
  await buildInto(sink, {input, workers: 1, onProgress: (done, total, pass) => void (pass === 'render' && ((rendered = done), (clusters = total)))})

  const firstFixSet = events.find((event) => / fixsets\//.test(event))!
  const [done, total] = firstFixSet.split(' ')[0]!.split('/').map(Number)
  expect(total).toBeGreaterThan(10)
  expect(done).toBeLessThan(total!)
  expect(events.at(-1)).toMatch(/ schema\//)
  expect(events.findIndex((event) => event.endsWith(' manifest.json'))).toBeGreaterThan(events.findLastIndex((event) => / fixsets\//.test(event)))

  const inMemory = await build({input, workers: 1})
  expect(new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(inMemory.files)
}, 300_000)

it('a canonical member that cannot be rendered is replaced by the next, and ids follow the final canonical paths', async () => {
  const input = scratchDir()
  const words = 'Open the printer queue and cancel every stuck job before you restart the spooler service from the services console'.split(' ')
  const article = (date: string, body: string) => `---\ntitle: Printer queue\ndate: ${date}\n---\n\n${body}\n`
  // Sixteen nested list levels: one marker per line passes the source check, the tree is too deep to render.
  const deep = words.map((word, index) => `${'  '.repeat(index % 16)}- ${word}`).join('\n')
  mkdirSync(path.join(input, 'a'))
  mkdirSync(path.join(input, 'b'))
  writeFileSync(path.join(input, 'a', 'x.md'), article('2020-01-01', deep))
  writeFileSync(path.join(input, 'b', 'copy.md'), article('2021-01-01', words.join(' ')))
  // Its slug `a-x` collides with a/x.md's, until a/x.md is no longer a canonical member.
  writeFileSync(path.join(input, 'a', 'X.md'), article('2020-01-01', 'A different article about scanners, drivers and the colour calibration of a flatbed.'))
  const config = {...defaultConfig, limits: {...defaultConfig.limits, maxDepth: 4}}

  const output = path.join(scratchDir(), 'out')
  const writer = await openOutput(output)
  const report = await buildInto(writer, {input, config, workers: 1})
  await writer.commit()

  const rows = Object.fromEntries(report.manifest.map((row) => [row.path, row]))
  expect(rows['a/x.md']).toMatchObject({status: 'rejected'})
  expect(rows['a/x.md']!.reason).toMatch(/nests \d+ levels deep/)
  expect(rows['b/copy.md']).toMatchObject({status: 'canonical', fixset: 'b-copy'})
  expect(rows['a/X.md']).toMatchObject({status: 'canonical', fixset: 'a-x'})
  const written = readTree(output)
  expect([...written.keys()].filter((name) => name.startsWith('fixsets/'))).toEqual(['fixsets/a-x.json', 'fixsets/a-x.md', 'fixsets/b-copy.json', 'fixsets/b-copy.md'])
  expect(written).toEqual((await build({input, config, workers: 1})).files)
})
