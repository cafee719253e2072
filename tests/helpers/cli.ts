import {spawn} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {cliPath, root} from './paths.js'

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the compiled `fixset` CLI (the test script compiles before vitest runs).
 * Asynchronous, so a long build does not block the test worker's event loop.
 */
export function runCli(args: readonly string[], cwd = root): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {cwd, env: {...process.env, FORCE_COLOR: '0'}})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, stdout, stderr}))
  })
}

export function scratchDir(prefix = 'fixset-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

/** Every file below `dir` with its bytes, by `/`-separated relative path. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of readdirSync(dir, {recursive: true}) as string[]) {
    const full = path.join(dir, name)
    if (statSync(full).isFile()) files.set(name.split(path.sep).join('/'), readFileSync(full, 'utf8'))
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)))
}
