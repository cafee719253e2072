/**
 * fixset parses, cleans and extracts only the canonical member of each
 * cluster. Rendering every file instead must give exactly the same output.
 */
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {build} from '../src/build.js'
import {corpusDir, hasCorpus} from './helpers/paths.js'

it.skipIf(!hasCorpus)('rendering only canonical members gives the same output as rendering every file', async () => {
  // The printer site's folder holds current and older copies of the same posts: many clusters.
  const folder = readdirSync(corpusDir).find((name) => name.includes('printer-issues__history'))!
  const input = path.join(corpusDir, folder)
  const fast = await build({input, workers: 1})
  const full = await build({input, workers: 1, renderAll: true})
  expect(fast.manifest.filter((row) => row.status === 'duplicate').length).toBeGreaterThan(10)
  expect([...full.files.keys()]).toEqual([...fast.files.keys()])
  for (const [name, content] of fast.files) expect(full.files.get(name), name).toBe(content)
}, 300_000)
