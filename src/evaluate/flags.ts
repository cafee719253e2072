/**
 * Structural flags over a whole build (`fixset eval`): signs that the fixes a
 * consumer reads are not the article's real structure. Each counts fixes,
 * lines, steps or titles (as its description says), with the first fix sets
 * where it occurs as examples. Every one should be 0 or explained.
 */
import type {FixSetView, FixView} from './shape.js'

export interface FlagCount {
  description: string
  count: number
  /** Ids of the first fix sets it occurs in, in id order. */
  examples: string[]
}

/** Fix titles that are page furniture, not a fix: newsletter boxes, comment sections, share and author boxes. */
export const chromeTitle =
  /\bnewsletters?\b|\brecommends\b|^(?:related|more)(?: (?:articles?|posts?|stories|reading|content|guides?|news|topics?))?\s*:?$|^(?:\d+ )?(?:comments?|responses?)\s*:?$|^(?:post|add|view|show|join the) (?:a )?(?:comments?|discussion)\b|\bleave a (?:reply|comment)\b|^share(?: this(?: article| post| page| story| tutorial)?| on [\w ]+| via [\w ]+)?\s*:?$|\babout the author\b|^(?:subscribe|sign up)(?: now| today| here)?\s*[:!.]?$|\byou (?:may|might) also like\b|^(?:more from|trending|popular (?:posts|articles|stories)|featured|editors?['’]s? picks?|follow us|special feature)\b|\bwe can help you every time\b/i

/** A line of a fix's text that is a numbered fix, method or step heading left in the text. */
const numberedUnitLine = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:Fix|Method|Step)[ \t]*(?:#[ \t]*)?(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[IVX]+)\b/gim

/**
 * A source paragraph that opens a method, fix or way in bold or with a number
 * (`**Method 2: …**`, `**Way One**`, `**Fix 3.**`, `Solution 1:`): an article
 * written so has items even when it has no method headings.
 */
export const methodParagraph =
  /^[ \t]*(?:\*\*|__)[ \t]*(?:Method|Way|Fix|Solution|Option|Tip)[ \t]*(?:#[ \t]*)?(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[IVX]+)\b|^[ \t]*(?:Method|Way|Fix|Solution)[ \t]+(?:\d+|One|Two|Three|Four|Five)[ \t]*[:.–-]/im

/**
 * Markup in a title: `*`, backticks, `<`, `_` as emphasis (beside a space or
 * an end: `Step _2_Set`, not `DRIVER_IRQL`), escaped brackets, LaTeX
 * commands (title-cased too: `\Frac`), a trailing backslash.
 */
export const titleMarkup =
  /[*`<]|(?:^|[\s([])_|_(?:$|[\s).,:;!?\]])|\\[[\]()]|\\$|\\(?:frac|pi|left|right|sqrt|times|cdot|sum|int|alpha|beta|gamma|delta|theta|lambda|sigma|omega|infty|leq?|geq?|neq|approx|text|math[a-z]+)\b|[_^]\{/i

type Counter = (fixset: FixSetView, source: () => string) => number

const perFix = (test: (fix: FixView) => number): Counter => (fixset) => fixset.fixes.reduce((total, fix) => total + test(fix), 0)

export const flagDefinitions: Record<string, {description: string; count: Counter}> = {
  'empty fix title': {description: 'fixes whose title is empty', count: perFix((fix) => (fix.title.trim() === '' ? 1 : 0))},
  'empty fix': {description: 'fixes with no content', count: perFix((fix) => (fix.hasContent ? 0 : 1))},
  'chrome fix title': {description: 'fixes titled like page chrome (newsletter, recommends, related, comments, share, subscribe…)', count: perFix((fix) => (chromeTitle.test(fix.title.replace(/[*_`]/g, '').trim()) ? 1 : 0))},
  'numbered unit in text': {
    description: '`### Fix N` / `Method N` / `Step N` lines left inside a fix\'s text',
    count: perFix((fix) => fix.prose.reduce((total, block) => total + (block.match(numberedUnitLine)?.length ?? 0), 0))
  },
  'anchor-link step': {description: 'steps that hold an in-page anchor link `](#`', count: perFix((fix) => fix.stepGroups.flat().filter((step) => step.includes('](#')).length)},
  'image in step': {description: 'steps that hold an image `![`', count: perFix((fix) => fix.stepGroups.flat().filter((step) => step.includes('![')).length)},
  'methods but no fixes': {
    description: 'fix sets with 0 fixes whose canonical source has bold or numbered method paragraphs (`**Method 2`, `**Way 1`)',
    count: (fixset, source) => (fixset.fixes.length === 0 && methodParagraph.test(source()) ? 1 : 0)
  },
  'markup in title': {
    description: 'titles (of the fix set or a fix) with markup: `*`, `_`, backticks, `<`, `\\[`, LaTeX',
    count: (fixset) => [fixset.title, ...fixset.fixes.map((fix) => fix.title)].filter((title) => titleMarkup.test(title)).length
  }
}

const maxExamples = 5

/** Counts every flag over the fix sets; `source` gives a fix set's canonical source text, read only when a flag needs it. */
export function countFlags(fixsets: Iterable<{view: FixSetView; source: () => string}>): Record<string, FlagCount> {
  const counts: Record<string, FlagCount> = Object.fromEntries(Object.entries(flagDefinitions).map(([name, {description}]) => [name, {description, count: 0, examples: []}]))
  for (const {view, source} of fixsets) {
    for (const [name, definition] of Object.entries(flagDefinitions)) {
      const found = definition.count(view, source)
      if (found === 0) continue
      const flag = counts[name]!
      flag.count += found
      if (flag.examples.length < maxExamples) flag.examples.push(view.id)
    }
  }
  return counts
}
