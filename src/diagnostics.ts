/**
 * Diagnostics are vfile messages while a file is processed; they cross the
 * worker boundary and land in `report.json` as plain, sortable records.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

export type Severity = 'error' | 'warning' | 'info'

/** One diagnostic as stored in the report: place, rule and message, no absolute paths. */
export interface Diagnostic {
  file: string
  line: number | null
  column: number | null
  ruleId: string
  severity: Severity
  message: string
}

/** One stretch of text a rule removed or rewrote, for the tally and `fixset explain`. */
export interface Change {
  ruleId: string
  /** What happened: removed text, or repaired it in place. */
  action: 'removed' | 'repaired'
  startLine: number | null
  endLine: number | null
  /** Bytes of source text removed (0 for repairs). */
  bytes: number
}

/** The place of a node, as vfile messages accept it. */
export type Place = Position | {start: Point; end?: Point}

/** Where stages keep their change log on a vfile (`file.data.changes`). */
declare module 'vfile' {
  interface DataMap {
    changes: Change[]
  }
}

/** Records a change on the file so the build can tally it and `explain` can show it. */
export function recordChange(file: VFile, change: Change): void {
  if (!file.data.changes) file.data.changes = []
  file.data.changes.push(change)
}

/** Longest excerpt of a value a message quotes, in characters: a message's cost must not grow with the input. */
export const maxQuotedLength = 120

/**
 * A value quoted in a message: JSON-quoted, cut to its first
 * `maxQuotedLength` characters (whole code points) and `…` when longer, so a
 * 200 KB title makes a short warning, not a 200 KB one.
 */
export function quote(value: string): string {
  return JSON.stringify(excerpt(value, maxQuotedLength))
}

/** Longest message kept whole; longer ones (a rule that quoted a value whole) are cut, the same way. */
export const maxMessageLength = 4 * maxQuotedLength

/** `text` cut to its first `max` characters (whole code points) and `…` when longer. */
export function excerpt(text: string, max = maxMessageLength): string {
  return text.length <= max ? text : [...text.slice(0, max * 2)].slice(0, max).join('') + '…'
}

/** Reports a warning with rule id and source `fixset`, the way remark-lint rules do. */
export function warn(file: VFile, message: string, ruleId: string, place?: Place): void {
  file.message(excerpt(message), {place: toPosition(place), ruleId, source: 'fixset'})
}

function toPosition(place: Place | undefined): Position | undefined {
  if (!place) return undefined
  return {start: place.start, end: place.end ?? place.start}
}

/** Turns a vfile's messages into report records. */
export function toDiagnostics(file: VFile, path: string): Diagnostic[] {
  return file.messages.map((message) => ({
    file: path,
    line: message.line ?? null,
    column: message.column ?? null,
    ruleId: message.ruleId ?? 'fixset',
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason
  }))
}

const severityOrder: Record<Severity, number> = {error: 0, warning: 1, info: 2}

/** Total order for report records: file, line, column, rule, severity, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    compareStrings(a.message, b.message)
  )
}

/** Locale-independent string order, so output never depends on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
