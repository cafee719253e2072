/**
 * `scripts/compile.mjs`, which `npm run build-content` runs first: dist/ is
 * compiled again exactly when the bytes it is made from changed, never on a
 * file time alone. Hashes are compared on a small project in a scratch
 * folder (compiling fixset itself here would cost the suite a compile).
 */
import {mkdirSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
// @ts-expect-error: a plain ES module script, without type declarations
import {sourceHash} from '../scripts/compile.mjs'
import {scratchDir} from './helpers/cli.js'

const hashOf = sourceHash as (root: string) => string

function project(): string {
  const root = scratchDir('fixset-compile-')
  mkdirSync(path.join(root, 'src', 'stages'), {recursive: true})
  writeFileSync(path.join(root, 'tsconfig.json'), '{}\n')
  writeFileSync(path.join(root, 'src', 'cli.ts'), 'export const a = 1\n')
  writeFileSync(path.join(root, 'src', 'stages', 'scan.ts'), 'export const b = 2\n')
  return root
}

it('gives the same hash for the same sources, whatever their file times', () => {
  const root = project()
  const before = hashOf(root)
  utimesSync(path.join(root, 'src', 'cli.ts'), new Date(2001, 0, 1), new Date(2001, 0, 1))
  expect(hashOf(root)).toBe(before)
})

it('changes when a byte of a nested module changes, a module is added, or a tsconfig changes', () => {
  const root = project()
  const seen = new Set([hashOf(root)])
  writeFileSync(path.join(root, 'src', 'stages', 'scan.ts'), 'export const b = 3\n')
  seen.add(hashOf(root))
  writeFileSync(path.join(root, 'src', 'stages', 'new.ts'), '')
  seen.add(hashOf(root))
  writeFileSync(path.join(root, 'tsconfig.json'), '{"compilerOptions": {}}\n')
  seen.add(hashOf(root))
  expect(seen.size).toBe(4)
})
