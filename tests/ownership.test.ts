/**
 * Issue 16, data loss: fixset replaces only output folders it wrote, and an
 * input that yields no files does not empty an existing output unless asked.
 */
import {copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {inputDir, outputDir, seedNames} from './helpers/paths.js'

function seedInput(): string {
  const input = path.join(scratchDir(), 'input')
  mkdirSync(input)
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  return input
}

describe('output ownership', () => {
  it('writes a .fixset marker naming the generator and format version into every output', async () => {
    const output = path.join(scratchDir(), 'out')
    expect((await runCli(['--input', seedInput(), '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
    expect(JSON.parse(readTree(output).get('.fixset')!)).toEqual({generator: 'fixset', format: 1})
  })

  it('refuses a web app folder that happens to hold a manifest.json, and leaves every file of it', async () => {
    const app = scratchDir()
    const files = {
      'manifest.json': JSON.stringify({name: 'My PWA', start_url: '/', icons: [{src: 'icon.png', sizes: '192x192'}]}),
      'index.html': '<!doctype html><title>app</title>',
      'src/app.js': 'console.log("app")\n'
    }
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(app, name)), {recursive: true})
      writeFileSync(path.join(app, name), content)
    }
    const run = await runCli(['--input', seedInput(), '--output', app, '--no-cache'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Refusing to replace')
    expect(run.stderr).toContain('.fixset')
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(readTree(app)).toEqual(new Map(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))))
  })

  it('refuses a manifest.json whose rows are not fixset rows', async () => {
    const other = scratchDir()
    writeFileSync(path.join(other, 'manifest.json'), JSON.stringify({files: ['a.txt', 'b.txt']}))
    writeFileSync(path.join(other, 'notes.txt'), 'mine')
    expect((await runCli(['--input', seedInput(), '--output', other, '--quiet', '--no-cache'])).status).toBe(2)
    expect(readTree(other).get('notes.txt')).toBe('mine')
  })

  it('still replaces an output written before the marker existed (its manifest validates against the schema)', async () => {
    const old = path.join(scratchDir(), 'out')
    cpSync(outputDir, old, {recursive: true})
    rmSync(path.join(old, '.fixset'), {force: true})
    writeFileSync(path.join(old, 'stale.json'), '{}\n')
    expect((await runCli(['--input', seedInput(), '--output', old, '--quiet', '--no-cache'])).status).toBe(0)
    const tree = readTree(old)
    expect(tree.has('stale.json')).toBe(false)
    expect(tree.has('.fixset')).toBe(true)
  })
})

describe('an input that yields no files', () => {
  for (const [label, fill] of [
    ['an empty input folder', () => {}],
    ['an input of only .html files', (dir: string) => writeFileSync(path.join(dir, 'page.html'), '<p>not an article</p>')]
  ] as const) {
    it(`${label} does not replace a non-empty output (exit 2) unless --allow-empty`, async () => {
      const output = path.join(scratchDir(), 'out')
      expect((await runCli(['--input', seedInput(), '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
      const before = readTree(output)
      const empty = path.join(scratchDir(), 'empty')
      mkdirSync(empty)
      fill(empty)
      const refused = await runCli(['--input', empty, '--output', output, '--no-cache'])
      expect(refused.status).toBe(2)
      expect(refused.stderr).toMatch(/holds no \.md, \.markdown, \.txt files: not replacing .*--allow-empty/)
      expect(readTree(output)).toEqual(before)

      const allowed = await runCli(['--input', empty, '--output', output, '--quiet', '--no-cache', '--allow-empty'])
      expect(allowed.status).toBe(0)
      expect(JSON.parse(readTree(output).get('manifest.json')!)).toEqual({files: []})
    })
  }

  it('builds an empty input into a new output folder without being asked', async () => {
    const empty = scratchDir()
    const output = path.join(scratchDir(), 'out')
    expect((await runCli(['--input', empty, '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
    expect(JSON.parse(readTree(output).get('manifest.json')!)).toEqual({files: []})
  })
})
