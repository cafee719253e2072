/**
 * The published package works from a tarball: `npm pack`, install it in an
 * empty project, then use the `fixset` command and `import {build} from 'fixset'`.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {scratchDir} from './helpers/cli.js'
import {inputDir, root, seedNames} from './helpers/paths.js'

it('installs from its tarball and runs as a command and as a library', () => {
  const packDir = scratchDir('fixset-pack-')
  execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
  const tarball = path.join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz'))!)

  const project = scratchDir('fixset-consumer-')
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  const install = spawnSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {cwd: project, encoding: 'utf8'})
  expect(install.status, install.stderr).toBe(0)

  mkdirSync(path.join(project, 'articles'))
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(project, 'articles', seed))
  const cli = spawnSync(path.join(project, 'node_modules', '.bin', 'fixset'), ['--input', 'articles', '--output', 'out', '--quiet'], {cwd: project, encoding: 'utf8'})
  expect(cli.status, cli.stderr).toBe(0)
  expect(JSON.parse(readFileSync(path.join(project, 'out', 'index.json'), 'utf8')).fixsets).toHaveLength(1)

  writeFileSync(
    path.join(project, 'use.js'),
    "import {build, FixSetSchema, remarkStripAdsense} from 'fixset'\n" +
      "const result = await build({input: 'articles'})\n" +
      'console.log(JSON.stringify({fixsets: result.fixsets.length, valid: FixSetSchema.safeParse(result.fixsets[0]).success, plugin: typeof remarkStripAdsense}))\n'
  )
  const api = spawnSync(process.execPath, ['use.js'], {cwd: project, encoding: 'utf8'})
  expect(api.status, api.stderr).toBe(0)
  expect(JSON.parse(api.stdout)).toEqual({fixsets: 1, valid: true, plugin: 'function'})
}, 180_000)
