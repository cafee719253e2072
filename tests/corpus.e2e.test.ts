/**
 * The shared real corpus (4,326 articles), built once through the CLI with
 * the default worker count. Used by path, never copied into the repository.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Manifest} from '../src/schema.js'
import {runCli, scratchDir, type CliRun} from './helpers/cli.js'
import {corpusDir, hasCorpus} from './helpers/paths.js'

let run: CliRun
let output: string
const readJson = <T>(name: string) => JSON.parse(readFileSync(path.join(output, name), 'utf8')) as T

describe.skipIf(!hasCorpus)('the shared corpus', () => {
  beforeAll(async () => {
    output = path.join(scratchDir(), 'corpus-output')
    run = await runCli(['build', '--input', corpusDir, '--output', output])
  })

  it('builds, and every input file appears in the manifest exactly once', async () => {
    expect(run.stderr).toMatch(/fixset: 4326 files/)
    const sources = (readdirSync(corpusDir, {recursive: true}) as string[]).filter((name) => name.endsWith('.md')).map((name) => name.split(path.sep).join('/')).sort()
    const manifest = readJson<Manifest>('manifest.json')
    expect(manifest.files.map((row) => row.path)).toEqual(sources)
    expect(run.status).toBe(manifest.files.some((row) => row.status === 'rejected') ? 1 : 0)
  })
})
