/**
 * Every example in the README runs: each ```js block as a module importing
 * `fixset` (the package resolves itself by name), and each `npx fixset` line
 * of the ```sh blocks against a copy of input/ in a git repository (for
 * `diff --git`). A `// text` comment after `console.log(…)` is the output
 * the example must print.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliPath, inputDir, outputDir, root, seedNames} from './helpers/paths.js'
import {scratchDir} from './helpers/cli.js'

const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const blocks = (language: string) => [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!)

/** A folder with input/ and output/, committed to git, with `origin/main` pointing at that commit. */
function workspace(): string {
  const dir = scratchDir('fixset-readme-')
  mkdirSync(path.join(dir, 'input'))
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(dir, 'input', seed))
  cpSync(outputDir, path.join(dir, 'output'), {recursive: true})
  const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'ignore'})
  git('init', '-q')
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.')
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init')
  git('update-ref', 'refs/remotes/origin/main', 'HEAD')
  return dir
}

describe('README examples', () => {
  const scripts = blocks('js')
  const commands = blocks('sh').flatMap((block) => block.split('\n')).filter((line) => line.startsWith('npx fixset'))

  it('has examples to run', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2)
    expect(commands.length).toBeGreaterThanOrEqual(3)
  })

  it.each(scripts.map((script, index) => [index, script] as const))('```js example %i runs and prints what it says', (index, script) => {
    const cwd = workspace()
    // Inside the package folder, so that `import 'fixset'` resolves to this package.
    const dir = path.join(root, 'tests', '.readme-examples')
    mkdirSync(dir, {recursive: true})
    const file = path.join(dir, `example-${index}.mjs`)
    writeFileSync(file, script)
    try {
      const run = spawnSync(process.execPath, [file], {cwd, encoding: 'utf8'})
      expect(run.status, run.stderr).toBe(0)
      for (const expected of script.matchAll(/console\.log\(.*\) \/\/ (.+)$/gm)) expect(run.stdout).toContain(expected[1])
    } finally {
      rmSync(file, {force: true})
    }
  })

  it.each(commands)('`%s` runs', (command) => {
    const cwd = workspace()
    const summary = path.join(cwd, 'summary.md')
    const shell = command.replace(/^npx fixset/, `"${process.execPath}" "${cliPath}"`)
    const run = spawnSync('bash', ['-c', shell], {cwd, encoding: 'utf8', env: {...process.env, GITHUB_STEP_SUMMARY: summary}})
    expect(run.status, run.stderr).toBe(0)
  })
})
