#!/usr/bin/env node
/**
 * Compiles src/ to dist/ only when what the compiled code is made from has
 * changed since the last compile: `npm run build-content` then costs a build,
 * not a TypeScript compile (seconds) plus a build.
 *
 * What dist/ is made from is hashed (every file below src/, the two
 * tsconfig files, package.json and package-lock.json, which pin the compiler
 * and the type packages) and the hash kept in dist/.compiled-from. Hashing
 * the bytes, not comparing file times, means a checkout, a `git stash` or a
 * copy that keeps times is still seen. On a change, dist/ is emptied first,
 * so a module deleted from src/ does not live on in dist/.
 *
 *   node scripts/compile.mjs            compile when the hash differs (or dist/ is missing)
 *   node scripts/compile.mjs --force    compile in any case (`npm run compile`, `npm test`)
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']

/** The hash of every byte dist/ is compiled from, file names included, for the project at `root`. */
export function sourceHash(root) {
  const hash = createHash('sha256')
  const sources = (readdirSync(path.join(root, 'src'), {recursive: true})).map((name) => path.join('src', name))
  for (const name of [...inputs, ...sources].sort()) {
    const full = path.join(root, name)
    if (!existsSync(full) || !statSync(full).isFile()) continue
    hash.update(name.split(path.sep).join('/')).update('\0').update(readFileSync(full)).update('\0')
  }
  return hash.digest('hex')
}

function compiledFrom(stampFile) {
  try {
    return readFileSync(stampFile, 'utf8').trim()
  } catch {
    return undefined
  }
}

/** Compiles the project at `root` unless dist/ is already compiled from its current sources. */
export function compileIfChanged(root, force = false) {
  const stampFile = path.join(root, 'dist', '.compiled-from')
  const wanted = sourceHash(root)
  if (!force && compiledFrom(stampFile) === wanted && existsSync(path.join(root, 'dist', 'cli.js'))) return 0
  rmSync(path.join(root, 'dist'), {recursive: true, force: true})
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {stdio: 'inherit'})
  if (result.status !== 0) return result.status ?? 1
  writeFileSync(stampFile, wanted + '\n')
  return 0
}

// Run as a script (not imported by a test).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  process.exitCode = compileIfChanged(root, process.argv.includes('--force'))
}
