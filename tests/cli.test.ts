import {copyFileSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {corpusDir, hasCorpus, inputDir, outputDir, seedNames} from './helpers/paths.js'
import {readTree, runCli, scratchDir} from './helpers/cli.js'

/** A folder with the seeds and `count` corpus files, written in the given order under another folder name. */
function mixedInput(count: number, order: 'forward' | 'reverse', name: string): string {
  const dir = path.join(scratchDir(), name)
  const folder = readdirSync(corpusDir).sort()[2]!
  const corpusFiles = readdirSync(path.join(corpusDir, folder)).sort().slice(0, count)
  const copies: Array<[string, string]> = [
    ...seedNames.map((seed): [string, string] => [path.join(inputDir, seed), seed]),
    ...corpusFiles.map((file): [string, string] => [path.join(corpusDir, folder, file), `corpus/${file}`])
  ]
  if (order === 'reverse') copies.reverse()
  for (const [from, to] of copies) {
    mkdirSync(path.dirname(path.join(dir, to)), {recursive: true})
    copyFileSync(from, path.join(dir, to))
  }
  return dir
}

describe('fixset CLI', () => {
  it.skipIf(!hasCorpus)('writes byte-identical output whatever the file order, folder name or worker count', async () => {
    const a = mixedInput(70, 'forward', 'first-input')
    const b = mixedInput(70, 'reverse', 'other-name')
    const outA = path.join(scratchDir(), 'out')
    const outB = path.join(scratchDir(), 'out')
    const outC = path.join(scratchDir(), 'out')
    expect((await runCli(['build', '--input', a, '--output', outA, '--workers', '1', '--quiet', '--no-cache'])).status).toBe(0)
    expect((await runCli(['--input', b, '--output', outB, '--workers', '2', '--quiet', '--no-cache'])).status).toBe(0)
    expect((await runCli(['--input', a, '--output', outC, '--workers', '3', '--quiet', '--no-cache'])).status).toBe(0)
    const expected = readTree(outA)
    expect(expected.size).toBeGreaterThan(10)
    expect(readTree(outB)).toEqual(expected)
    expect(readTree(outC)).toEqual(expected)
    // The seeds' fix set is the same as when they are built alone.
    const seedsAlone = readTree(outputDir)
    const id = [...seedsAlone.keys()].find((name) => name.startsWith('fixsets/') && name.endsWith('.json'))!
    expect(expected.get(id)).toBe(seedsAlone.get(id))
  })

  it('rejects a bad file with a reason, writes the rest, and exits 1', async () => {
    const input = scratchDir()
    for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
    writeFileSync(path.join(input, 'evil.md'), '---js\nrequire("fs").writeFileSync("/tmp/pwned", "x")\n---\nbody\n')
    const output = path.join(scratchDir(), 'out')
    const run = await runCli(['--input', input, '--output', output])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('rejected: evil.md: Frontmatter uses the `js` engine, which is not allowed.')
    const manifest = JSON.parse(readTree(output).get('manifest.json')!) as {files: Array<{path: string; status: string; reason: string | null}>}
    expect(manifest.files.map((row) => [row.path, row.status])).toEqual([
      ['000_ba80a36ccb69341f.txt', 'duplicate'],
      ['001_aecc30d4efa8a273.txt', 'canonical'],
      ['evil.md', 'rejected']
    ])
  })

  it('--check passes on the committed output and fails, writing nothing, when it is stale', async () => {
    expect((await runCli(['--check', '--quiet'])).status).toBe(0)
    const output = path.join(scratchDir(), 'out')
    expect((await runCli(['--output', output, '--quiet'])).status).toBe(0)
    writeFileSync(path.join(output, 'index.json'), '{}\n')
    writeFileSync(path.join(output, 'extra.json'), '{}\n')
    const run = await runCli(['--output', output, '--check'])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/stale: +index\.json/)
    expect(run.stderr).toMatch(/extra: +extra\.json/)
    expect(readTree(output).get('index.json')).toBe('{}\n')
  })

  it('refuses to overwrite a folder it did not write, or the input itself (exit 2)', async () => {
    const precious = scratchDir()
    writeFileSync(path.join(precious, 'thesis.docx'), 'years of work')
    const run = await runCli(['--output', precious])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Refusing to replace')
    expect(readTree(precious).get('thesis.docx')).toBe('years of work')
    expect((await runCli(['--input', 'input', '--output', 'input/out'])).status).toBe(2)
  })

  it('reports usage errors with exit 2 and documents flags and exit codes in --help', async () => {
    expect((await runCli(['--workers', 'zero'])).status).toBe(2)
    const help = await runCli(['--help'])
    expect(help.status).toBe(0)
    for (const flag of ['--input', '--output', '--workers', '--quiet', '--check', 'Exit codes']) expect(help.stdout).toContain(flag)
  })

  it('--reporter json prints every diagnostic as JSON on stdout', async () => {
    const input = scratchDir()
    writeFileSync(path.join(input, 'a.md'), '---\ntitle: Replace the Printer Cartridge\n---\n\nPress <b>Enter</b> now.\n')
    const run = await runCli(['--input', input, '--output', path.join(scratchDir(), 'out'), '--reporter', 'json', '--no-cache'])
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout) as {diagnostics: Array<{file: string; line: number; ruleId: string; severity: string; message: string}>}
    expect(report.diagnostics).toEqual([
      {file: 'a.md', line: 1, column: 1, ruleId: 'title-mismatch', severity: 'warning', message: 'Frontmatter title "Replace the Printer Cartridge" does not match the article\'s text'}
    ])
  })
})
