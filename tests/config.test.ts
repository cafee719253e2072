/** fixset.config.json: rules as data, validated, with errors that name the line. */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {initialConfigText, parseConfig} from '../src/config-file.js'
import {readTree, runCli, scratchDir} from './helpers/cli.js'

describe('config file', () => {
  it('a custom ad marker pair and a custom host to unwrap are removed from an article', async () => {
    const dir = scratchDir()
    mkdirSync(path.join(dir, 'input'))
    writeFileSync(
      path.join(dir, 'input', 'article.md'),
      '---\ntitle: Clear the Printer Queue\n---\n\n## 1. Open the queue\n\nOpen the [printer queue](https://go.partner.example/r?id=7) in Settings.\n\n' +
        '<!-- sponsored start -->\nBuy our toner today!\n<!-- sponsored stop -->\n\n1. Select every job.\n2. Press **Cancel**.\n'
    )
    writeFileSync(
      path.join(dir, 'fixset.config.json'),
      JSON.stringify({
        markerPairs: [...defaultConfig.markerPairs, {ruleId: 'sponsored', begin: 'sponsored start', end: 'sponsored stop'}],
        unwrapLinkHosts: [...defaultConfig.unwrapLinkHosts, 'partner.example']
      })
    )
    const run = await runCli(['--input', 'input', '--output', 'output', '--no-cache'], dir)
    expect(run.status, run.stderr).toBe(0)
    const fixset = readTree(path.join(dir, 'output')).get('fixsets/article.json')!
    expect(fixset).not.toMatch(/toner|partner\.example/)
    expect(JSON.parse(fixset).fixes[0].blocks[0]).toEqual({type: 'paragraph', markdown: 'Open the printer queue in Settings.'})
    expect(run.stderr).toMatch(/sponsored 1/)
  })

  it('the defaults written by `fixset init` reproduce the committed output', async () => {
    const dir = scratchDir()
    expect((await runCli(['init'], dir)).status).toBe(0)
    expect(readFileSync(path.join(dir, 'fixset.config.json'), 'utf8')).toBe(initialConfigText())
    expect((await runCli(['init'], dir)).status).toBe(2)
    expect((await runCli(['--check', '--config', path.join(dir, 'fixset.config.json'), '--quiet']))).toMatchObject({status: 0})
  })

  it('unknown keys and invalid values are errors naming file, line and key (exit 2)', async () => {
    expect(() => parseConfig('{\n  "dropLines": [],\n  "colour": "red"\n}\n', 'fixset.config.json')).toThrow('fixset.config.json:3:13: unknown key `colour`')
    expect(() => parseConfig('{\n  "dropLines": [\n    {"ruleId": "x", "pattern": "(unclosed"}\n  ]\n}\n', 'c.json')).toThrow(/^c\.json:3:32: `dropLines\.0\.pattern`: not a valid regular expression/)
    expect(() => parseConfig('{"dedupe": {"shingleSize": 5, "permutations": 128, "bands": 30, "minJaccard": 0.7, "minContainment": 0.9}}', 'c.json')).toThrow('permutations must be a multiple of bands')
    const dir = scratchDir()
    writeFileSync(path.join(dir, 'bad.json'), '{"limits": {"maxBytes": -1}}')
    const run = await runCli(['--config', path.join(dir, 'bad.json'), '--check'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/bad\.json:1:\d+: `limits\.maxBytes`/)
  })
})

describe('config: input, output and the canonical rule', () => {
  it('input and output come from the config when no flag is given; canonical: latest picks the newest copy', async () => {
    const dir = scratchDir()
    mkdirSync(path.join(dir, 'articles'))
    const article = (date: string) => `---\ntitle: Restart the Router (${date})\ndate: ${date}\n---\n\n## 1. Unplug it\n\nUnplug the router, wait ten seconds, and plug it back in. Then check the lights on the front panel again. When the internet light stays green for a minute, open a web page on your laptop to see whether the connection is back.\n`
    writeFileSync(path.join(dir, 'articles', 'old.md'), article('2020-01-01'))
    writeFileSync(path.join(dir, 'articles', 'new.md'), article('2024-01-01'))
    writeFileSync(path.join(dir, 'fixset.config.json'), JSON.stringify({input: 'articles', output: 'clean', dedupe: {...defaultConfig.dedupe, canonical: 'latest'}}))
    const run = await runCli(['--no-cache', '--quiet'], dir)
    expect(run.status, run.stderr).toBe(0)
    const manifest = JSON.parse(readTree(path.join(dir, 'clean')).get('manifest.json')!) as {files: Array<{path: string; status: string}>}
    expect(manifest.files).toMatchObject([
      {path: 'new.md', status: 'canonical'},
      {path: 'old.md', status: 'duplicate'}
    ])
  })

  it('--strict turns warnings into exit 3 (their own code, issue 16)', async () => {
    const dir = scratchDir()
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Replace the Printer Cartridge\n---\n\nPress <b>Enter</b> now.\n')
    expect((await runCli(['--input', dir, '--output', path.join(scratchDir(), 'o'), '--no-cache', '--quiet'])).status).toBe(0)
    expect((await runCli(['--input', dir, '--output', path.join(scratchDir(), 'o'), '--no-cache', '--quiet', '--strict'])).status).toBe(3)
  })
})
