/**
 * What a heading's (or a bold lead paragraph's) words say about its role:
 * its number and label (`Fix 3`, `Method Two`, `IV.`, `Step 1`), and whether
 * it names a conclusion, an FAQ, a background section or a wrapper around
 * fixes. Pure functions of plain text, so each is testable on its own.
 */

export interface Label {
  /** The numbering word (`fix`, `method`, `step`, `part`, …), lower-cased; `sequence` for sibling headings led by `Firstly,` / `Then,` (`outline.ts`); null for a bare number. */
  kind: string | null
  /** The number the text gives, or null. */
  number: number | null
  /** The text without its numbering, trimmed of separators. */
  title: string
}

const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6,
  seventh: 7, eighth: 8, ninth: 9, tenth: 10
}

const labelWords = 'fix|method|solution|way|step|tip|option|part|trick|hack|workaround|approach|stage|phase|section|chapter|idea|answer|top|no\\.'
const numberToken = '(\\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7}|' + Object.keys(numberWords).join('|') + ')'
/** `Fix 3: …`, `Method Two - …`, `Part II. …`, `Step 1 …`, `Fix-1 …`, `Way #2`. */
const labelled = new RegExp(`^(${labelWords})s?\\s*[-#]?\\s*${numberToken}(?![\\p{L}\\p{N}])\\s*[:.)\\-–—]*\\s*(.*)$`, 'iu')
/** `1. …`, `2) …`, `#3 - …`, `IV. …` (a delimiter is required: `10 Best Apps` is a title, not item 10). */
const bareNumber = /^#?(\d{1,3}|[IVXLC]{1,7})\s*[.):\-–—]\s*(.*)$/u
const roman = /^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i

/** Reads a number written as digits, a number word or a roman numeral. */
export function readNumber(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token)
  const word = numberWords[token.toLowerCase()]
  if (word !== undefined) return word
  if (!roman.test(token)) return null
  const values: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}
  const digits = [...token.toLowerCase()].map((character) => values[character]!)
  return digits.reduce((sum, value, index) => sum + (value < (digits[index + 1] ?? 0) ? -value : value), 0)
}

/** The label of a heading's plain text. */
export function readLabel(text: string): Label {
  const plain = text.replace(/\s+/g, ' ').trim()
  const match = labelled.exec(plain)
  if (match) {
    const number = readNumber(match[2]!)
    if (number !== null) return {kind: match[1]!.toLowerCase(), number, title: trimSeparators(match[3]!)}
  }
  const bare = bareNumber.exec(plain)
  if (bare) {
    const number = readNumber(bare[1]!)
    // A lone capital letter-like roman numeral needs a delimiter and text after it ("I. Introduction").
    if (number !== null && bare[2]!.trim() !== '') return {kind: null, number, title: trimSeparators(bare[2]!)}
  }
  return {kind: null, number: null, title: trimSeparators(plain)}
}

/** A heading led by a word of sequence and a comma (`Firstly, …`, `Then, …`, `Last, …`): the comma tells it from a title (`First Things to Check`, `Last Words`). */
const sequenceLead = /^(first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|then|next|after that|afterwards|finally|last(?:ly)?),\s*(\S.*)$/i

/** The place a sequence word gives (`Secondly` 2; null for `Then`, `Finally`: the next one) and the text after it. */
export function readSequenceLead(text: string): {ordinal: number | null; title: string} | null {
  const match = sequenceLead.exec(text)
  if (!match) return null
  return {ordinal: numberWords[match[1]!.toLowerCase().replace(/ly$/, '')] ?? null, title: match[2]!.trim()}
}

function trimSeparators(text: string): string {
  return text.replace(/^[\s:.)\-–—|]+/, '').replace(/[\s:|]+$/, '').trim()
}

/** Whether a label numbers an item (a fix, a method, a bare `3.`), as opposed to a group (`Part 2`) or a step. */
export function numbersItem(label: Label): boolean {
  return label.number !== null && label.kind !== 'part' && label.kind !== 'step' && label.kind !== 'chapter' && label.kind !== 'section'
}

export function isStepLabel(label: Label): boolean {
  return label.kind === 'step' && label.number !== null
}

export function isGroupLabel(label: Label): boolean {
  return label.number !== null && (label.kind === 'part' || label.kind === 'chapter' || label.kind === 'section')
}

const conclusion =
  /^(?:conclusions?|in conclusion|concluding|final (?:thoughts?|words?|verdict|remarks?|notes?|say)|closing (?:thoughts?|words?|remarks?)|last words?|wrap(?:ping)?[- ]?up(?: thoughts)?|summ(?:ary|ing up|ari[sz]ing)|in summary|to sum (?:it )?up|(?:the )?bottom line|(?:our |the )?verdict|(?:the )?takeaways?|to conclude|to wrap (?:it )?up|final (?:analysis|take)|(?:article|quick|brief) summary)\b/i
const faq = /\bfaqs?\b|\bf\.a\.q|frequently asked questions|^(?:(?:common |more |other )?questions(?: and answers)?\b|q ?& ?a\b|people also ask|(?:related |common )?queries)/i
const background =
  /^(?:what (?:is|are|causes?|does|do|happens|triggers|exactly)|what's (?:causing|the)|why (?:does|do|is|are|did|can't|won't|isn't)|causes?\b|reasons?\b|common causes|possible causes|understanding\b|overview\b|introduction\b|about (?:the|this)\b|before (?:you|we) (?:start|begin)|prerequisites?\b|requirements?\b|symptoms?\b|preparations?\b|things to (?:know|check|consider)|what to (?:look for|consider|know)\b|buying guide\b|(?:common |different )?types of\b|(?:the )?(?:benefits|advantages) of (?:using\b)?)/i
const wrapperWords = /\b(?:fix(?:es)?|solutions?|methods?|ways|workarounds?|tips|tricks|options|how to (?:fix|solve|resolve|repair|get rid|stop|remove)|try (?:these|the following)|troubleshoot(?:ing)?|steps? to (?:fix|solve|resolve)|(?:pick|choose|select) (?:the|a|one|your) (?:way|method|option|fix|solution))\b/i

/** A tutorial's side section, beside its stages: what to have before, where to go after, the whole code at the end. */
const tutorialAside =
  /^(?:prerequisites?|requirements|before you (?:begin|start)|what you(?:'|’)ll need|next steps?|where to go (?:from here|next)|completed? code|final code|full (?:source )?code|(?:the )?source code|see also|further reading)\b/i

export const isConclusionTitle = (title: string): boolean => conclusion.test(title.trim())
export const isQuestionTitle = (title: string): boolean => /\?\s*$/.test(title)
export const isFaqTitle = (title: string): boolean => faq.test(title.trim())
export const isTutorialAsideTitle = (title: string): boolean => tutorialAside.test(title.trim())
export const isBackgroundTitle = (title: string): boolean => background.test(title.trim())
/** A section listing kinds or causes ("Types of Android malware", "What causes the error"), whose sub-sections are no fixes. */
export const isKindsOrCausesTitle = (title: string): boolean => /^(?:(?:common |different |main )?types of|(?:common |possible |main )?(?:causes|reasons)\b|what causes)/i.test(title.trim())
/** A heading that introduces a set of fixes rather than being one ("Try these fixes", "How to fix X", "Pick the way you prefer"). */
export const isWrapperTitle = (title: string): boolean => wrapperWords.test(title)
