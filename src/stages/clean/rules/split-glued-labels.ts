/**
 * Rule `glued-label`: split a paragraph that a scraper glued together from a
 * method label and its steps.
 *
 * Some exports lose the breaks between blocks, so one paragraph holds a whole
 * method: `…USB 2.0 port.**Solution 1: Update the Driver**Follow steps below:
 * 1) On your keyboard, press **Win+R**. 2) Type **devmgmt.msc**.` The bold
 * label of a numbered unit (`Solution 1`, `Method 2`, `Way 3`, `Fix 4`,
 * `Step 5`, `Option 6`) gets a paragraph of its own, as the article's other
 * methods have, and a run of inline step markers counted from 1 (`1)`, `2)`
 * or `1.`, `2.`, each after the end of a sentence or a colon) opens a
 * paragraph per step. Nothing is removed: the same inline nodes are regrouped.
 */
import type {Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'

const numberWords = 'one|two|three|four|five|six|seven|eight|nine|ten'
/**
 * The bold heading of a numbered unit, its label then its title:
 * `Solution 1: Update the Driver`, `Method Two - Reset it`. A bare label
 * (`**Way 1:** Go to…`, `try **Fix 2**, below`) is a run-in label or a
 * reference, not a heading.
 */
const unitHeading = new RegExp(`^\\s*(?:solution|method|way|fix|step|option|tip)\\s*(?:\\d{1,2}|${numberWords})(?![\\p{L}\\p{N}])\\W*\\p{L}+\\W+\\p{L}+`, 'iu')
/** Text that ends a sentence (or is empty), so a heading may follow it. */
const sentenceEnd = /(?:^|[.!?:])[ \t]*$/

/**
 * An inline step marker: a number of one or two digits with `)` or `.` and a
 * space, at the start of the text or after a sentence end or colon (so
 * `version 2.0`, `and 2) bar` and `1.5 GB` are not markers).
 */
const inlineMarker = /(?<=^|[.!?:)][ \t]*)(\d{1,2})[.)][ \t]+(?=[\p{L}*_"“]|$)/gu

export default function remarkSplitGluedLabels() {
  return function (tree: Root, file: VFile) {
    // Top-level paragraphs only: a list item's paragraph is one step already, however long.
    tree.children = tree.children.flatMap((child): RootContent[] => {
      if (child.type !== 'paragraph') return [child]
      const pieces = splitParagraph(child)
      if (pieces.length > 1) {
        recordChange(file, {ruleId: 'glued-label', action: 'repaired', startLine: child.position?.start.line ?? null, endLine: child.position?.end.line ?? null, bytes: 0})
      }
      return pieces
    })
  }
}

/** The paragraph, or the paragraphs it splits into (before a glued label, after it, and before each inline step). */
export function splitParagraph(paragraph: Paragraph): Paragraph[] {
  const children = splitAtStepMarkers(paragraph.children)
  const groups: PhrasingContent[][] = [[]]
  children.forEach((child, index) => {
    if (child === stepBreak) {
      groups.push([])
      return
    }
    if (isGluedHeading(child, children[index - 1], children[index + 1])) {
      groups.push([child], [])
      return
    }
    groups[groups.length - 1]!.push(child)
  })
  const kept = groups.map(trimGroup).filter((group) => group.length > 0)
  if (kept.length <= 1) return [paragraph]
  return kept.map((group) => paragraphOf(group))
}

type Piece = PhrasingContent | typeof stepBreak | undefined

/**
 * A unit heading glued into prose: the text before it ends a sentence and the
 * text after it starts one (`…port.**Solution 1: Update**Follow steps…`). A
 * bold line that a break or other bold follows (a list of the methods, one
 * heading bolded in two parts) is left as it is.
 */
function isGluedHeading(child: PhrasingContent, previous: Piece, next: Piece): boolean {
  if (child.type !== 'strong' || !unitHeading.test(toString(child))) return false
  const endsSentence = previous === undefined || previous === stepBreak || (previous.type === 'text' && sentenceEnd.test(previous.value))
  return endsSentence && next !== undefined && next !== stepBreak && next.type === 'text' && /^[ \t]*\p{L}/u.test(next.value)
}

/** A marker between inline nodes where a new paragraph starts. */
const stepBreak = Symbol('step break')

/**
 * The children with a break before each marker of the run `1`, `2`, `3` …
 * found in top-level text, when the run has at least two markers.
 */
function splitAtStepMarkers(children: readonly PhrasingContent[]): Array<PhrasingContent | typeof stepBreak> {
  const run = markerRun(children)
  if (run.length < 2) return [...children]
  const out: Array<PhrasingContent | typeof stepBreak> = []
  children.forEach((child, index) => {
    const offsets = run.filter((marker) => marker.child === index).map((marker) => marker.offset)
    if (child.type !== 'text' || offsets.length === 0) {
      out.push(child)
      return
    }
    let start = 0
    for (const offset of offsets) {
      if (offset > start) out.push({type: 'text', value: child.value.slice(start, offset)})
      out.push(stepBreak)
      start = offset
    }
    out.push({type: 'text', value: child.value.slice(start)})
  })
  return out
}

interface Marker {
  child: number
  offset: number
}

/** The markers numbered 1, 2, 3 … in reading order (a marker out of sequence is prose, not a step). */
function markerRun(children: readonly PhrasingContent[]): Marker[] {
  const run: Marker[] = []
  children.forEach((child, index) => {
    if (child.type !== 'text') return
    for (const match of child.value.matchAll(inlineMarker)) {
      if (Number(match[1]) === run.length + 1) run.push({child: index, offset: match.index})
    }
  })
  return run
}

/** Whether a node is only space: whitespace text or a line break (one that ended the line before a step). */
const isBlank = (node: PhrasingContent | undefined): boolean => node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '')

/** The group without blank nodes at its ends, and the text at its ends trimmed. */
function trimGroup(group: PhrasingContent[]): PhrasingContent[] {
  const trimmed = [...group]
  while (trimmed.length > 0 && isBlank(trimmed[0])) trimmed.shift()
  while (trimmed.length > 0 && isBlank(trimmed.at(-1))) trimmed.pop()
  const first = trimmed[0]
  if (first?.type === 'text') trimmed[0] = {...first, value: first.value.trimStart()}
  const last = trimmed.at(-1)
  if (last?.type === 'text') trimmed[trimmed.length - 1] = {...last, value: last.value.trimEnd()}
  return trimmed
}

function paragraphOf(children: PhrasingContent[]): Paragraph {
  const start = children[0]?.position?.start
  const end = children.at(-1)?.position?.end
  return start && end ? {type: 'paragraph', children, position: {start, end}} : {type: 'paragraph', children}
}
