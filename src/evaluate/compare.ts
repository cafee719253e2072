/**
 * One gold annotation against the fix set a build made of its article, and
 * the figures over all annotations (`fixset eval --gold`).
 *
 * - Items: an output fix matches a gold item when their titles, numbering
 *   words and markup removed, have token Jaccard ≥ 0.6 (one-to-one, greedy by
 *   best score, then order). Precision is over output fixes, recall over gold
 *   items.
 * - Over matched items: `number` equal; the number of steps (all step groups
 *   flattened) equal, counted over the matched items where the gold or the
 *   output has steps (two items without a procedure say nothing about
 *   steps); each gold step's first words starting some output step of the
 *   item (letters and digits compared).
 * - Title (normalised equality with the fix set's title; for a duplicate,
 *   the title the build gave its own copy also counts, since one fix set has
 *   one title for all its copies: the copy's frontmatter title, or the alias
 *   that is one of the copy's own headings, as the build takes the heading
 *   when the frontmatter title does not describe the body), kind (schema 1 has none), FAQ
 *   questions found among the output's (Jaccard ≥ 0.6), `keep` strings found
 *   in the Markdown, `junk` strings left in the Markdown or the JSON (letters
 *   and digits).
 * - A `not-an-article` annotation counts in the kind figure only: right when
 *   the file was rejected. It has no items, title or content to compare, and
 *   the fixes of a fix set made of it are one mistake, not many.
 */
import type {Gold, GoldItem} from './gold.js'
import type {FixSetView, FixView} from './shape.js'
import {jaccard, lettersAndDigits, matchOneToOne, normalisedTitle, plainText, titleTokens, words} from './text.js'

/** Title similarity at or above which an output fix and a gold item (or two FAQ questions) are the same. */
export const matchThreshold = 0.6

/** What a build made of the annotated file. */
export interface Found {
  status: 'canonical' | 'duplicate' | 'rejected' | 'missing'
  fixset: FixSetView | null
  /** The fix set's Markdown file and the strings of its JSON, for `keep` and `junk`. */
  markdown: string
  json: string
  /** For a duplicate: the plain text of its source's `#`/`##` headings (the titles its own copy offers). */
  copyHeadings?: readonly string[]
}

/** Counts of one annotation; the figures are ratios of their sums. */
export interface AnnotationCounts {
  goldItems: number
  outputFixes: number
  matched: number
  numberRight: number
  /** Matched items where the gold or the output has steps, and of them those with the gold number of steps. */
  withSteps: number
  stepsExact: number
  goldSteps: number
  stepStartsFound: number
  titleChecked: number
  titleRight: number
  kindRight: number
  faqQuestions: number
  faqFound: number
  keep: number
  keepFound: number
  junk: number
  junkLeft: number
}

export interface AnnotationResult {
  path: string
  status: Found['status']
  fixset: string | null
  /** The fix set's kind (null for schema 1, or when the file was rejected). */
  kind: string | null
  counts: AnnotationCounts
  /** What differs from the gold, one phrase each; empty when nothing does. */
  differences: string[]
}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)

const noCounts: AnnotationCounts = {
  goldItems: 0,
  outputFixes: 0,
  matched: 0,
  numberRight: 0,
  withSteps: 0,
  stepsExact: 0,
  goldSteps: 0,
  stepStartsFound: 0,
  titleChecked: 0,
  titleRight: 0,
  kindRight: 0,
  faqQuestions: 0,
  faqFound: 0,
  keep: 0,
  keepFound: 0,
  junk: 0,
  junkLeft: 0
}

export function compareAnnotation(gold: Gold, found: Found): AnnotationResult {
  if (gold.kind === 'not-an-article') return compareNotAnArticle(gold, found)
  const fixset = found.fixset
  const rejected = found.status === 'rejected' || found.status === 'missing' || fixset === null
  const fixes = fixset?.fixes ?? []
  const differences: string[] = []
  if (found.status === 'missing') differences.push('not in the manifest')
  else if (rejected) differences.push('rejected')

  const matches = matchOneToOne(gold.items, fixes, (item, fix) => jaccard(titleTokens(item.title), titleTokens(fix.title)), matchThreshold)
  const missing = gold.items.filter((_, index) => matches[index] === -1)
  const matchedOutputs = new Set(matches.filter((index) => index !== -1))
  const extra = fixes.filter((_, index) => !matchedOutputs.has(index))
  if (missing.length > 0) differences.push(`${missing.length} missing ${missing.map((item) => quote(item.title)).join(', ')}`)
  if (extra.length > 0) differences.push(`${extra.length} extra ${extra.map((fix) => quote(fix.title)).join(', ')}`)

  let numberRight = 0
  let withSteps = 0
  let stepsExact = 0
  let goldSteps = 0
  let stepStartsFound = 0
  gold.items.forEach((item, index) => {
    const fix = fixes[matches[index]!]
    if (fix === undefined) return
    if (fix.number === item.number) numberRight++
    else differences.push(`number ${fix.number ?? 'null'} for ${item.number ?? 'null'} ${quote(item.title)}`)
    const expected = item.steps.flat()
    const outputSteps = fix.stepGroups.flat()
    if (outputSteps.length > 0 || expected.length > 0) withSteps++
    if (outputSteps.length === expected.length) {
      if (expected.length > 0) stepsExact++
    } else differences.push(`${outputSteps.length} steps for ${expected.length} ${quote(item.title)}`)
    const starts = stepStarts(item, fix)
    goldSteps += expected.length
    stepStartsFound += starts
    if (starts < expected.length) differences.push(`${expected.length - starts} of ${expected.length} step starts not found ${quote(item.title)}`)
  })

  const titleChecked = 1
  const titles = fixset === null || rejected ? [] : [fixset.title, ...copyTitles(found, gold.path)]
  const titleRight = titleChecked === 1 && titles.some((title) => normalisedTitle(title) === normalisedTitle(gold.title)) ? 1 : 0
  if (titleChecked === 1 && titleRight === 0 && fixset !== null) differences.push(`title ${quote(fixset.title)} for ${quote(gold.title)}`)

  const outputKind = rejected ? 'not-an-article' : (fixset?.kind ?? null)
  const kindRight = outputKind === gold.kind ? 1 : 0
  if (kindRight === 0) differences.push(`kind ${outputKind ?? 'none'} for ${gold.kind}`)

  const questions = fixset?.faq.map((entry) => entry.question) ?? []
  const faqMatches = matchOneToOne(gold.faq, questions, (a, b) => jaccard(words(plainText(a)), words(plainText(b))), matchThreshold)
  const faqFound = faqMatches.filter((index) => index !== -1).length
  if (faqFound < gold.faq.length) differences.push(`faq ${faqFound} of ${gold.faq.length} questions`)

  const markdown = rejected ? '' : lettersAndDigits(found.markdown)
  const everything = rejected ? '' : markdown + '\n' + lettersAndDigits(found.json)
  const keepMissing = gold.keep.filter((text) => !markdown.includes(lettersAndDigits(text)))
  const junkLeft = gold.junk.filter((text) => everything.includes(lettersAndDigits(text)))
  const keep = gold.keep.length
  if (keep > 0 && keepMissing.length > 0) differences.push(`keep missing ${keepMissing.map(quote).join(', ')}`)
  if (junkLeft.length > 0) differences.push(`junk left ${junkLeft.map(quote).join(', ')}`)

  return {
    path: gold.path,
    status: found.status,
    fixset: fixset?.id ?? null,
    kind: fixset?.kind ?? null,
    counts: {
      goldItems: gold.items.length,
      outputFixes: fixes.length,
      matched: matchedOutputs.size,
      numberRight,
      withSteps,
      stepsExact,
      goldSteps,
      stepStartsFound,
      titleChecked,
      titleRight,
      kindRight,
      faqQuestions: gold.faq.length,
      faqFound,
      keep,
      keepFound: keep === 0 ? 0 : keep - keepMissing.length,
      junk: gold.junk.length,
      junkLeft: junkLeft.length
    },
    differences
  }
}

/**
 * The titles the build gave a duplicate's own copy: its frontmatter title,
 * and the aliases that are one of its headings (a copy's alias is its
 * frontmatter title or its heading; the other copies' aliases are not its).
 */
function copyTitles(found: Found, path: string): string[] {
  if (found.status !== 'duplicate' || found.fixset === null) return []
  const frontmatter = found.fixset.sources.find((source) => source.path === path)?.title ?? null
  const headings = new Set((found.copyHeadings ?? []).map(normalisedTitle))
  const aliases = found.fixset.aliases.filter((alias) => headings.has(normalisedTitle(alias)))
  return [...(frontmatter === null ? [] : [frontmatter]), ...aliases]
}

/** A source with no article text: right when the build rejected it. */
function compareNotAnArticle(gold: Gold, found: Found): AnnotationResult {
  const rejected = found.status === 'rejected' || found.fixset === null
  const differences = found.status === 'missing' ? ['not in the manifest'] : rejected ? [] : [`not rejected: a fix set of ${found.fixset!.fixes.length} fixes, kind ${found.fixset!.kind ?? 'none'}`]
  return {
    path: gold.path,
    status: found.status,
    fixset: found.fixset?.id ?? null,
    kind: found.fixset?.kind ?? null,
    counts: {...noCounts, kindRight: rejected && found.status !== 'missing' ? 1 : 0},
    differences
  }
}

/**
 * How many of the item's gold steps start some output step of its fix. A
 * gold step is the first words of a step, numbering and markup removed; the
 * output step is reduced the same way (plain text, a leading `Step 3:` /
 * `3.` / `3)` numbering dropped), then both to letters and digits.
 */
export function stepStarts(item: GoldItem, fix: FixView): number {
  const outputs = fix.stepGroups.flat().map(stepKey)
  return item.steps.flat().filter((step) => {
    const key = lettersAndDigits(step)
    return outputs.some((output) => output.startsWith(key))
  }).length
}

function stepKey(markdown: string): string {
  const text = plainText(markdown).replace(/^\s*(?:step\s*)?\d+\s*[.):-]?\s+/i, '')
  return lettersAndDigits(text)
}

export interface GoldFigures {
  annotations: number
  items: {precision: number | null; recall: number | null; f1: number | null}
  number: number | null
  stepsExact: number | null
  stepStarts: number | null
  title: number | null
  kind: number | null
  faq: number | null
  keep: number | null
  junkLeft: number | null
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole)

/** The figures over all annotations: each a ratio of the summed counts (micro-averaged), null when nothing was counted. */
export function goldFigures(results: readonly AnnotationResult[]): GoldFigures {
  const sum = (key: keyof AnnotationCounts) => results.reduce((total, result) => total + result.counts[key], 0)
  const precision = ratio(sum('matched'), sum('outputFixes'))
  const recall = ratio(sum('matched'), sum('goldItems'))
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {
    annotations: results.length,
    items: {precision, recall, f1},
    number: ratio(sum('numberRight'), sum('matched')),
    stepsExact: ratio(sum('stepsExact'), sum('withSteps')),
    stepStarts: ratio(sum('stepStartsFound'), sum('goldSteps')),
    title: ratio(sum('titleRight'), sum('titleChecked')),
    kind: ratio(sum('kindRight'), results.length),
    faq: ratio(sum('faqFound'), sum('faqQuestions')),
    keep: ratio(sum('keepFound'), sum('keep')),
    junkLeft: ratio(sum('junkLeft'), sum('junk'))
  }
}
