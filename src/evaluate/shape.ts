/**
 * One view of a fix set for evaluation, whichever output shape wrote it:
 *
 * - schema 1: `fixes[]` of `{number, title, text[], steps[], images, videos}`,
 *   no `kind`, no `faq`; a fix's steps are one step group.
 * - schema 2 (`schemaVersion: 2`): `kind`, `faq[]`, `sections[]`, and fixes
 *   of `{number, title, group, blocks[], steps[][], images, videos}`, where
 *   a block is a paragraph, heading, steps group, list, image, video,
 *   table, code or quote.
 *
 * The output is read as untyped JSON on purpose: evaluation must judge any
 * build, including one made by another version of fixset.
 */

export interface FixView {
  number: number | null
  title: string
  group: string | null
  /** Step groups in order; schema 1 has at most one. */
  stepGroups: string[][]
  /** The Markdown of the fix's prose: schema 1 `text`, schema 2 paragraph and heading blocks. */
  prose: string[]
  /** Whether the fix holds anything at all (text, steps, blocks, images, videos). */
  hasContent: boolean
}

export interface FixSetView {
  id: string
  title: string
  schemaVersion: number
  kind: string | null
  faq: Array<{question: string; answer: string}>
  fixes: FixView[]
  /** Every copy, canonical first, with the title it was published under. */
  sources: Array<{path: string; title: string | null}>
  /** The titles the build gave the duplicates, other than the fix set's title. */
  aliases: string[]
}

type Json = Record<string, unknown>

const record = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {})
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const string = (value: unknown): string => (typeof value === 'string' ? value : '')
const strings = (value: unknown): string[] => array(value).filter((item): item is string => typeof item === 'string')

/** A fix set's JSON, of either schema, as the view above. */
export function viewOf(json: unknown): FixSetView {
  const fixset = record(json)
  const schemaVersion = typeof fixset.schemaVersion === 'number' ? fixset.schemaVersion : 1
  return {
    id: string(fixset.id),
    title: string(fixset.title),
    schemaVersion,
    kind: typeof fixset.kind === 'string' ? fixset.kind : null,
    faq: array(fixset.faq).map((entry) => ({question: string(record(entry).question), answer: string(record(entry).answer)})),
    fixes: array(fixset.fixes).map((fix) => (schemaVersion >= 2 ? fixV2(record(fix)) : fixV1(record(fix)))),
    sources: array(fixset.sources).map((source) => ({path: string(record(source).path), title: typeof record(source).title === 'string' ? (record(source).title as string) : null})),
    aliases: strings(fixset.aliases)
  }
}

function fixV1(fix: Json): FixView {
  const text = strings(fix.text)
  const steps = strings(fix.steps)
  return {
    number: typeof fix.number === 'number' ? fix.number : null,
    title: string(fix.title),
    group: null,
    stepGroups: steps.length > 0 ? [steps] : [],
    prose: text,
    hasContent: text.length + steps.length + array(fix.images).length + array(fix.videos).length > 0
  }
}

function fixV2(fix: Json): FixView {
  const blocks = array(fix.blocks).map(record)
  const prose = blocks.flatMap((block) => (block.type === 'paragraph' ? [string(block.markdown)] : block.type === 'heading' ? [string(block.text)] : []))
  // A build that keeps the schema 1 `text` view beside its blocks: read it when there are no blocks.
  const text = blocks.length === 0 ? strings(fix.text) : []
  const stepGroups = stepGroupsOf(fix, blocks)
  return {
    number: typeof fix.number === 'number' ? fix.number : null,
    title: string(fix.title),
    group: typeof fix.group === 'string' ? fix.group : null,
    stepGroups,
    prose: [...prose, ...text],
    hasContent: blocks.length + text.length + stepGroups.length + array(fix.images).length + array(fix.videos).length > 0
  }
}

/**
 * The step groups of a schema 2 fix: its derived `steps` view (groups, or a
 * flat list read as one group), else its steps blocks, in order.
 */
function stepGroupsOf(fix: Json, blocks: Json[]): string[][] {
  const view = array(fix.steps)
  const groups = view.every((item) => typeof item === 'string') ? [strings(view)] : view.map(strings)
  const fromBlocks = blocks.filter((block) => block.type === 'steps').map((block) => strings(block.steps))
  return (view.length > 0 ? groups : fromBlocks).filter((group) => group.length > 0)
}

/** Every string in a JSON value, in document order (keys left out). */
export function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(jsonStrings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings)
  return []
}
