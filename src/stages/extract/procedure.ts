/**
 * Whether text reads as a procedure, and where its steps are: the step
 * markers articles type (`1.`, `2)`, `3:`, `Step 4:`, `Step five -`), the
 * lines of one paragraph that each open a step, lead-in lines that announce
 * steps ("Here are the steps:") or a list of features ("Editor features:"),
 * and lists that are options, terms or features rather than steps. Pure
 * functions of mdast nodes and plain text; `steps.ts` builds the blocks.
 */
import type {List, ListItem, Paragraph, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {splitLines} from '../clean/util.js'
import {readLabel, readNumber} from './labels.js'
import {dropLeadingText, plainOf as plain} from './phrasing.js'

/** Words a procedure's step starts with ("Click", "Then open", "Now select"). */
export const imperative =
  /^(?:(?:then|now|next|finally|first|firstly|secondly|lastly|also|again|afterwards?)[,\s]+)?(?:open|click|tap|select|choose|go|navigate|press|type|enter|search|find|look|check|uncheck|right-click|double-click|launch|start|run|restart|reboot|download|install|uninstall|remove|delete|clear|reset|update|move|switch|hit|scroll|toggle|turn|enable|disable|wait|follow|copy|paste|drag|save|sign|log|connect|disconnect|plug|unplug|insert|expand|locate|set|change|apply|confirm|close|exit|quit|add|create|browse|import|export|upload|mark|make|use|visit|repeat|try|pick|specify|drop|put|keep|tick|reopen|relaunch|head|access|edit|adjust|rename|share|allow|grant|accept|agree|boot|hold|release|swipe|long-press|input|fill|write|paste|load|play|stop|end|kill|disconnect|power)\b/i

/**
 * Whether a step's text starts with an imperative, at its start or after a
 * short opening clause ("On the left panel, click Video", "In the pop-up
 * menu, tap Develop").
 */
export function isImperative(text: string): boolean {
  const trimmed = text.trim()
  if (imperative.test(trimmed)) return true
  const clause = /^([^,.!?:]{2,50}),\s*/.exec(trimmed)
  return clause !== null && clause[1]!.split(/\s+/).length <= 7 && imperative.test(trimmed.slice(clause[0].length))
}

/** Unicode bullets some sites type instead of a Markdown list. */
export const typedBullet = /^\s*[▪•●◦■▸►]\s*/

const numberWord = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve'
/**
 * `Step 3:`, `Step 3 -`, `Step five.` (the `step` word), or `1. `, `2)`,
 * `3: ` (a bare number; not `1.5 GB`, not `10:30`).
 */
const markerPattern = new RegExp(`^\\s*(?:step\\s*(\\d{1,2}|${numberWord})(?![\\p{L}\\p{N}])\\s*[:.)\\-–—]?|(\\d{1,2})\\s*(?:[.)](?!\\d)|:(?=\\s)))\\s*`, 'iu')

export interface StepMarker {
  number: number
  /** Characters of plain text the marker takes, spaces after it included. */
  length: number
  /** Written with the word `Step` (an outer procedure when bare numbers nest under it). */
  word: boolean
}

/** The step marker opening a text, if any. */
export function stepMarkerOf(text: string): StepMarker | null {
  const match = markerPattern.exec(text)
  if (!match) return null
  const number = match[1] !== undefined ? readNumber(match[1]) : Number(match[2])
  if (number === null) return null
  return {number, length: match[0].length, word: match[1] !== undefined}
}

/**
 * A paragraph whose later lines open with step markers (`Step 1: …␤Step 2:
 * …`, or a note glued to the next step: `You can also…␤4\. Restart`): its
 * lines, each a step or a line of text in place. Undefined for a paragraph
 * that is one block.
 */
export function markedLines(paragraph: Paragraph): PhrasingContent[][] | undefined {
  const lines = splitLines(paragraph.children).filter((line) => plain(line).trim() !== '')
  if (lines.length < 2 || !lines.slice(1).some((line) => stepMarkerOf(plain(line)) !== null)) return undefined
  return lines.some(isAnchorLink) ? undefined : lines
}

/**
 * Phrasing that is only in-page anchor links, their markers aside
 * (`2. [**Update the driver**](#fix2)`): an entry of a table of contents,
 * never a step.
 */
export function isAnchorLink(children: readonly PhrasingContent[]): boolean {
  const links: string[] = []
  const words: string[] = []
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'link') links.push(node.url)
      else if (node.type === 'text') words.push(node.value)
      else if ('children' in node) walk(node.children as PhrasingContent[])
    }
  }
  walk(children)
  const rest = words.join('').replace(new RegExp(markerPattern.source.replace('^', ''), 'giu'), '')
  return links.some((url) => url.startsWith('#')) && /^[\s\p{P}]*$/u.test(rest)
}

/** A numbered list whose items are in-page anchor links: a table of contents. */
export function isTableOfContents(list: List): boolean {
  return list.children.length > 0 && list.children.every((item) => item.children[0]?.type === 'paragraph' && isAnchorLink(item.children[0].children))
}

/**
 * A list whose entries restate the titles of the article's items (`1. **Reboot your network**`,
 * `2. **Use a wired connection**` above `## 1. Reboot your network`, …): a table of contents whose links the page or
 * the cleaning took away, never a procedure. Every entry is one short line matching a title by most of its words
 * (one entry of three or more may differ: the list and the heading were worded apart).
 */
export function restatesTitles(list: List, titles: readonly string[]): boolean {
  const entries = list.children
  if (entries.length < 2 || titles.length < 2) return false
  const titleWords = titles.map(wordsOf)
  const matched = entries.filter((entry) => {
    const [first, ...rest] = entry.children
    if (first?.type !== 'paragraph' || rest.length > 0) return false
    const words = wordsOf(readLabel(plain(first.children)).title)
    return words.size > 0 && words.size <= maxEntryWords && titleWords.some((title) => overlap(words, title) >= entryOverlap)
  }).length
  return matched >= entries.length - (entries.length >= 3 ? 1 : 0)
}

const maxEntryWords = 15
const entryOverlap = 0.6

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
}

/** Shared words over all words of the two (Jaccard). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length
  return shared / (a.size + b.size - shared)
}

/** Lead-in words of a list of features, specs or pros and cons: what follows is no procedure. */
const featuresLeadIn = /\b(?:features?|pros|cons|advantages|disadvantages|benefits|highlights|specs|specifications|requirements|limitations|drawbacks|functions)\b[^.!?]*:\s*$/i
/**
 * Lead-in words of a walk through code just shown ("In this code, you:", "In the code above:", "In the example
 * above, we:", "This code:"): its bullets say what each line does ("Declare a function…", "Specify…"),
 * imperatives that are no steps.
 */
const codeWalkLeadIn =
  /^(?:(?:in|with) (?:this|these|that|the)(?: above| preceding| following)? (?:code|snippet|example|program|function|listing|lines?)(?: above)?|(?:this|the above) (?:code|snippet|program))\b[^.!?]*:\s*$/i
/**
 * Lead-in words that announce a procedure ("Here are the steps:", "follow these steps –", "do the following:",
 * "you should:"). "You need the following two programs" announces things to have, not steps.
 */
const stepsLeadIn =
  /\b(?:steps?|follow\b|(?:do|perform|try|complete) the following|the following (?:steps|instructions|actions|procedure)|as follows|instructions|here(?:'s| is) how|you (?:should|need to|have to|must))\b[^.!?]*[:–—-]?\s*$/i

export type LeadIn = 'steps' | 'features' | null

/** What the paragraph just before a list says about it (a recap of code reads as features: no procedure follows). */
export function leadInOf(text: string | null): LeadIn {
  if (text === null) return null
  const line = text.replace(/\s+/g, ' ').trim()
  if (featuresLeadIn.test(line) || codeWalkLeadIn.test(line)) return 'features'
  if (stepsLeadIn.test(line)) return 'steps'
  return null
}

/**
 * An item that opens with a term and defines it: a bold term
 * (`**Strict –** It blocks…`, `**Standard:** …`), a bold sentence and more
 * (`**Install Linux.** Maybe…`, only with `sentences`), or a short plain term
 * then a dash or colon and a capital (`Ransomware Protection – Protect…`;
 * one that opens with a verb only with `sentences`, the bullets' reading).
 */
function opensWithTerm(item: ListItem, sentences: boolean): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  const [lead, after] = first.children
  if (lead?.type === 'strong' && after !== undefined) {
    const term = toString(lead)
    const next = after.type === 'text' ? after.value : ''
    if (/[–—:-]\s*$/.test(term) || /^\s*[–—:-]/.test(next)) return true
    return sentences && (/[.!?]\s*$/.test(term) || /^\s*[.!?]/.test(next))
  }
  const term = /^([^.:–—>"“]{2,80}?)\s*(?:\s[–—-]\s|:\s)\s*\p{Lu}/u.exec(plain(first.children))
  if (term === null || term[1]!.trim().split(/\s+/).length > 9) return false
  // In a numbered list `Open Settings – Click Update` is a step; bullets name settings so (`Install for User: This…`).
  return sentences || !isImperative(term[1]!)
}

/** An item that says what one can do, not what to do ("You can cut the video…", "You are allowed to…"). */
const possibility = /^(?:you (?:can|could|may|might|are (?:allowed|able) to|will be able to)|it (?:can|allows|lets|supports))\b/i

/**
 * A numbered list of options or features, not a procedure: most items open
 * with a term and its definition (`**Standard –** It blocks…`,
 * `Zero Day Protection – Protect…`).
 */
export function isOptionList(list: List): boolean {
  if (list.children.length >= 2 && list.children.every((item) => possibility.test(toString(item).trim()))) return true
  const terms = list.children.filter((item) => opensWithTerm(item, false)).length
  return list.children.length >= 2 && terms * 3 >= list.children.length * 2
}

/**
 * Whether bullet items read as a procedure: two or more, not a list of terms,
 * and most of them start with an imperative verb (two thirds; half when the
 * lead-in announces steps). A list led in as features never is one.
 */
export function isBulletProcedure(items: readonly ListItem[], leadIn: LeadIn): boolean {
  if (items.length < 2 || leadIn === 'features') return false
  if (items.filter((item) => opensWithTerm(item, true)).length * 3 >= items.length * 2) return false
  const imperatives = items.filter((item) => isImperative(toString(item))).length
  return leadIn === 'steps' ? imperatives * 2 >= items.length : imperatives * 3 >= items.length * 2
}

/** An instruction that names the code after it (`paste the following code.`, `run these commands:`). */
const announcesCode = /\b(?:the following|this|these)\s+(?:[\w`-]+\s+){0,2}(?:code|commands?|lines?|snippet|declarations?|functions?)\b[^.!?]*[.:]?\s*$/i

/**
 * A bullet that is one instruction with the code it names: its first
 * paragraph announces the code (`In main.go, beneath the code you already
 * have, paste the following code.`) and a code block follows it in the item.
 * A tutorial's one-step procedure, though one bullet is otherwise no list of
 * steps; a bullet that describes code (`Prints the result:`) names none.
 */
export function isCodeInstruction(item: ListItem): boolean {
  const [first, next] = item.children
  return first?.type === 'paragraph' && next?.type === 'code' && announcesCode.test(plain(first.children).replace(/\s+/g, ' ').trim())
}

/** Lines of typed bullets (`▪ Open VLC`) that read as a procedure, without the bullets. */
export function typedBulletSteps(lines: readonly PhrasingContent[][], leadIn: LeadIn): PhrasingContent[][] | undefined {
  if (lines.length < 2 || leadIn === 'features') return undefined
  const texts = lines.map(plain)
  if (!texts.every((text) => typedBullet.test(text))) return undefined
  const stripped = lines.map((line, index) => dropLeadingText(line, typedBullet.exec(texts[index]!)![0].length))
  const imperatives = stripped.filter((line) => isImperative(plain(line))).length
  const enough = leadIn === 'steps' ? imperatives * 2 >= lines.length : imperatives * 3 >= lines.length * 2
  return enough ? stripped : undefined
}
