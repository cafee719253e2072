/**
 * Issue 16, errors a user meets: one line each (what, which path, what to
 * do), exit 2, no stack trace unless --debug; --version; a signal removes the
 * staging folder; --strict warnings have an exit code of their own.
 */
import {spawn} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {cliPath, inputDir, root, seedNames} from './helpers/paths.js'

const oneLineError = (stderr: string) => {
  const lines = stderr.trimEnd().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(stderr).not.toMatch(/^\s+at /m)
  return lines[0]!
}

describe('one-line errors, exit 2', () => {
  it('a missing --input names it and says what to pass', async () => {
    const missing = path.join(scratchDir(), 'nowhere')
    const run = await runCli(['--input', missing, '--output', path.join(scratchDir(), 'out')])
    expect(run.status).toBe(2)
    expect(oneLineError(run.stderr)).toBe(`fixset: --input ${missing} does not exist; pass the folder that holds your articles`)
  })

  it('an --input that is a file', async () => {
    const file = path.join(scratchDir(), 'article.md')
    writeFileSync(file, '# A file\n')
    const run = await runCli(['--input', file, '--output', path.join(scratchDir(), 'out')])
    expect(run.status).toBe(2)
    expect(oneLineError(run.stderr)).toBe(`fixset: --input ${file} is a file, not a folder; pass the folder that holds your articles`)
  })

  it('an --output that is a file, which stays as it was', async () => {
    const file = path.join(scratchDir(), 'notes.txt')
    writeFileSync(file, 'mine')
    const run = await runCli(['--input', inputDir, '--output', file])
    expect(run.status).toBe(2)
    expect(oneLineError(run.stderr)).toMatch(/^fixset: --output .*notes\.txt is a file, not a folder; pass a folder to write to/)
  })

  it('a missing --config', async () => {
    const run = await runCli(['--input', inputDir, '--output', path.join(scratchDir(), 'out'), '--config', 'no-such.json'])
    expect(run.status).toBe(2)
    expect(oneLineError(run.stderr)).toBe('fixset: --config no-such.json does not exist; pass a config file, or run `fixset init` to write fixset.config.json')
  })

  it('a first `fixset` in a folder without input/', async () => {
    const run = await runCli([], scratchDir())
    expect(run.status).toBe(2)
    expect(oneLineError(run.stderr)).toMatch(/^fixset: there is no input\/ folder here to build; put your articles in input\/, or pass --input DIR/)
  })

  it('an unexpected error is one line and a hint; --debug adds the stack trace', async () => {
    const broken = scratchDir()
    writeFileSync(path.join(broken, 'manifest.json'), '{not json')
    const run = await runCli(['diff', broken, path.join(root, 'output')])
    expect(run.status).toBe(2)
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^fixset: .*JSON/), 'fixset: this is a bug or an environment problem; run again with --debug for the stack trace'])
    const debug = await runCli(['diff', broken, path.join(root, 'output'), '--debug'])
    expect(debug.status).toBe(2)
    expect(debug.stderr).toMatch(/^\s+at /m)
  })
})

describe('--version and exit codes', () => {
  it('--version prints the package version', async () => {
    const run = await runCli(['--version'])
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('--strict with warnings exits 3, a stale --check exits 1: CI can tell them apart', async () => {
    const input = scratchDir()
    // A frontmatter title about another article is a warning (title-mismatch).
    writeFileSync(path.join(input, 'a.md'), '---\ntitle: Quantum Gravity\n---\n\nPress Enter now.\n')
    const output = path.join(scratchDir(), 'out')
    expect((await runCli(['--input', input, '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
    const strict = await runCli(['--input', input, '--output', output, '--check', '--strict', '--quiet', '--no-cache'])
    expect(strict.status).toBe(3)
    expect(strict.stderr).toContain('--strict: 1 warnings (exit 3)')
    writeFileSync(path.join(input, 'a.md'), '---\ntitle: Quantum Gravity\n---\n\nPress Enter twice.\n')
    expect((await runCli(['--input', input, '--output', output, '--check', '--strict', '--quiet', '--no-cache'])).status).toBe(1)
  })
})

describe('signals', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} during a build removes the staging folder and leaves the output as it was`, async () => {
      const input = path.join(scratchDir(), 'input')
      mkdirSync(input)
      for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
      for (let index = 0; index < 400; index++) {
        writeFileSync(path.join(input, `n${index}.md`), `---\ntitle: Note ${index}\n---\n\n## 1. Step ${index}\n\nWord${index} ${'alpha beta gamma '.repeat(20)} unique${index * 7919}.\n`)
      }
      const parent = scratchDir()
      const output = path.join(parent, 'out')
      mkdirSync(output)
      writeFileSync(path.join(output, '.fixset'), '{"generator": "fixset", "format": 1}\n')
      writeFileSync(path.join(output, 'index.json'), 'previous\n')
      const child = spawn(process.execPath, [cliPath, '--input', input, '--output', output, '--no-cache', '--quiet', '--workers', '1'])
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
      // Wait (without a time limit) until the staging folder exists, then signal.
      const staging = () => readdirSync(parent).filter((name) => name.includes('.fixset-new-'))
      while (staging().length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      child.kill(signal)
      expect(await closed).toBe(code)
      expect(staging()).toEqual([])
      expect(readTree(output).get('index.json')).toBe('previous\n')
      expect(existsSync(output)).toBe(true)
    })
  }
})
