/**
 * What the command line checks before it builds, so a user's mistake is one
 * line (what, which path, what to do) and exit 2, not a stack trace; and the
 * staging folder of a build stopped by Ctrl-C or `kill` is removed before the
 * process exits.
 */
import {rmSync, statSync, type Stats} from 'node:fs'
import {UsageError} from './write.js'

function statOf(target: string): Stats | undefined {
  try {
    return statSync(target)
  } catch {
    return undefined
  }
}

/** `--input` must be a folder; `given` says whether the user named it (or it is the default `input`). */
export function assertInputFolder(input: string, shown: string, given: boolean): void {
  const stats = statOf(input)
  if (stats === undefined) {
    throw new UsageError(
      given
        ? `--input ${shown} does not exist; pass the folder that holds your articles`
        : `there is no ${shown}/ folder here to build; put your articles in ${shown}/, or pass --input DIR (fixset --help lists every option)`
    )
  }
  if (!stats.isDirectory()) throw new UsageError(`--input ${shown} is a file, not a folder; pass the folder that holds your articles`)
}

/** `--output` may be missing (it is created) but not a file. */
export function assertOutputFolder(output: string, shown: string): void {
  const stats = statOf(output)
  if (stats !== undefined && !stats.isDirectory()) throw new UsageError(`--output ${shown} is a file, not a folder; pass a folder to write to (a missing one is created)`)
}

const signalExitCodes = {SIGINT: 130, SIGTERM: 143} as const

/**
 * Until the returned function is called, SIGINT and SIGTERM remove `folder`
 * (synchronously: the process is about to end) and exit with 128 + the
 * signal's number, as the shell reports a process the signal killed.
 */
export function removeOnSignal(folder: string): () => void {
  const handlers = Object.entries(signalExitCodes).map(([signal, code]) => {
    const handler = () => {
      rmSync(folder, {recursive: true, force: true})
      process.stderr.write(`fixset: stopped by ${signal}; the output was left as it was\n`)
      process.exit(code)
    }
    process.once(signal, handler)
    return [signal, handler] as const
  })
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler)
  }
}
