/**
 * The CI workflow: --check, a reviewer-sized diff, atomic writes that leave
 * unchanged files alone, and a killed build that leaves the old output.
 */
import {spawn} from 'node:child_process'
import {copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {cliPath, corpusDir, hasCorpus, inputDir, outputDir, seedNames} from './helpers/paths.js'

/** A copy of input/ and of the committed output/, to edit. */
function workspace(): {input: string; output: string} {
  const root = scratchDir()
  const input = path.join(root, 'input')
  const output = path.join(root, 'output')
  mkdirSync(input)
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  cpSync(outputDir, output, {recursive: true})
  return {input, output}
}

describe('--check and diff after an edited step', () => {
  it('--check fails listing the stale files; diff shows the step old → new in a few lines', async () => {
    const {input, output} = workspace()
    const seed = path.join(input, '001_aecc30d4efa8a273.txt')
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('2. Slide the slider to turn off your iPhone.', '2. Slide the slider to the right to turn off your iPhone.'))

    const check = await runCli(['--input', input, '--output', output, '--check', '--no-cache'])
    expect(check.status).toBe(1)
    expect(check.stderr).toMatch(/stale: +fixsets\/001-aecc30d4efa8a273\.json/)
    expect(check.stderr).toMatch(/stale: +fixsets\/001-aecc30d4efa8a273\.md/)

    const updated = path.join(scratchDir(), 'output')
    expect((await runCli(['--input', input, '--output', updated, '--quiet', '--no-cache'])).status).toBe(0)
    const diff = await runCli(['diff', output, updated])
    expect(diff.status).toBe(0)
    const lines = diff.stdout.trim().split('\n')
    expect(lines).toEqual([
      '~ 001-aecc30d4efa8a273: ICloud and WhatsApp: Ensuring Seamless Data Backup on iOS Devices',
      '    fix 5 "Restart Your iPhone", step 2: "Slide the slider to turn off your iPhone." → "Slide the slider to the right to turn off your iPhone."'
    ])
    const markdown = await runCli(['diff', output, updated, '--format', 'markdown', '--exit-code'])
    expect(markdown.status).toBe(1)
    expect(markdown.stdout).toContain('### `001-aecc30d4efa8a273` ICloud and WhatsApp')
    const json = JSON.parse((await runCli(['diff', output, updated, '--format', 'json'])).stdout) as {changed: Array<{changes: Array<{kind: string}>}>}
    expect(json.changed[0]!.changes).toEqual([expect.objectContaining({kind: 'changed'})])
    expect((await runCli(['diff', output, output, '--exit-code'])).stdout).toBe('no changes\n')
  })

  it('diff names added and removed fix sets, duplicates that left, and newly rejected files', async () => {
    const {input, output} = workspace()
    rmSync(path.join(input, '000_ba80a36ccb69341f.txt'))
    writeFileSync(path.join(input, 'new.md'), '---\ntitle: Reset the Router\n---\n\n## 1. Unplug it\n\nWait ten seconds.\n')
    writeFileSync(path.join(input, 'bad.md'), '---javascript\nx\n---\n')
    const updated = path.join(scratchDir(), 'output')
    expect((await runCli(['--input', input, '--output', updated, '--quiet', '--no-cache'])).status).toBe(1)
    const diff = (await runCli(['diff', output, updated])).stdout
    expect(diff).toContain('+ fix set new: Reset the Router')
    expect(diff).toContain('- duplicate 000_ba80a36ccb69341f.txt left its cluster')
    expect(diff).toContain('! rejected bad.md: Frontmatter uses the `javascript` engine, which is not allowed.')
    expect(diff).toContain('source 2: removed "000_ba80a36ccb69341f.txt"')
  })
})

describe('renames', () => {
  it('an earlier-dated copy becomes canonical: diff reports a rename (old id → new id), not a removal and an addition', async () => {
    const {input, output} = workspace()
    const seed = readFileSync(path.join(input, '001_aecc30d4efa8a273.txt'), 'utf8')
    writeFileSync(path.join(input, 'earliest.md'), seed.replace('date: 2024-08-15T12:11:30.071Z', 'date: 2023-01-01T00:00:00.000Z'))
    const updated = path.join(scratchDir(), 'output')
    expect((await runCli(['--input', input, '--output', updated, '--quiet', '--no-cache'])).status).toBe(0)
    const diff = (await runCli(['diff', output, updated])).stdout
    expect(diff).toContain('~ fix set 001-aecc30d4efa8a273 → earliest')
    expect(diff).toContain('source 1: added "earliest.md"')
    expect(diff).not.toMatch(/^[+-] fix set/m)
  })
})

describe('writes', () => {
  it('does not rewrite unchanged files, and removes outputs whose source disappeared', async () => {
    const {input, output} = workspace()
    expect((await runCli(['--input', input, '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
    const schema = path.join(output, 'schema/fixset.schema.json')
    const before = statSync(schema)
    expect((await runCli(['--input', input, '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
    const after = statSync(schema)
    expect(after.ino).toBe(before.ino)
    expect(after.mtimeMs).toBe(before.mtimeMs)

    for (const seed of seedNames) rmSync(path.join(input, seed))
    // An input with no files empties a non-empty output only when asked (issue 16).
    expect((await runCli(['--input', input, '--output', output, '--quiet', '--no-cache'])).status).toBe(2)
    expect((await runCli(['--input', input, '--output', output, '--quiet', '--no-cache', '--allow-empty'])).status).toBe(0)
    expect(existsSync(path.join(output, 'fixsets'))).toBe(false)
    expect(JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8'))).toEqual({files: []})
  })

  it.skipIf(!hasCorpus)('a build killed at any moment leaves the previous output intact', async () => {
    const {output} = workspace()
    const previous = readTree(output)
    const folder = readdirSync(corpusDir).find((name) => name.includes('win-hacks'))!
    const input = path.join(corpusDir, folder)
    for (const delay of [150, 400, 700, 1000, 1300, 1600]) {
      const child = spawn(process.execPath, [cliPath, '--input', input, '--output', output, '--no-cache', '--quiet'])
      await new Promise((resolve) => setTimeout(resolve, delay))
      child.kill('SIGKILL')
      await new Promise((resolve) => child.on('close', resolve))
      const now = readTree(output)
      // Either untouched, or (if the kill came after the swap) the complete new output: never a mixture.
      if (now.get('manifest.json') === previous.get('manifest.json')) expect(now).toEqual(previous)
      else expect(JSON.parse(now.get('manifest.json')!).files.length).toBe(readdirSync(input).length)
    }
    // The next build completes over whatever the kills left.
    expect((await runCli(['--input', input, '--output', output, '--quiet', '--no-cache'])).status).toBe(0)
    expect(readdirSync(path.dirname(output)).filter((name) => name.includes('.fixset-'))).toEqual([])
  })

  it('prints at most one progress line per tenth of the files without a terminal, and a summary line', async () => {
    if (!hasCorpus) return
    const folder = readdirSync(corpusDir).find((name) => name.includes('win-hacks'))!
    const run = await runCli(['--input', path.join(corpusDir, folder), '--output', path.join(scratchDir(), 'out'), '--no-cache'])
    const progress = run.stderr.split('\n').filter((line) => /^(scan|render): \d+\/\d+ files$/.test(line))
    expect(progress.length).toBeLessThanOrEqual(20)
    expect(run.stderr).toMatch(/^fixset: 65 files, \d+ fix sets, \d+ duplicates, 0 rejected, \d+ warnings, 0 cache hits, [\d.]+ s$/m)
  })
})
