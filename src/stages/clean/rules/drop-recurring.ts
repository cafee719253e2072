/**
 * Rule `recurring-block`: page chrome found across the corpus. The build's
 * corpus pass (`stages/recurring.ts`) hands each render the hashes of this
 * file's lines that recur in many distinct articles (`file.data.recurring`);
 * a paragraph every line of which is one of them goes (newsletter boxes,
 * "Was this page helpful?", comment forms, promo lines, stock vendor lines).
 *
 * Whole paragraphs only: a recurring line inside a paragraph of the article's
 * own lines is part of it (a code sample pasted as text starts with
 * `package main` in every tutorial). Chrome comes in boxes (a promo card, a
 * comment form, a newsletter box: runs of recurring paragraphs, with the
 * debris of broken link markup around them) or as short lines (buttons,
 * slogans); a long recurring paragraph alone among the
 * article's own text is the site's template prose ("Driver Easy will
 * automatically recognize your system…" in every driver article) and stays.
 * Never removed this way: headings, steps (anything inside an ordered list,
 * or a paragraph that starts like one), tables, code, images, and a paragraph
 * that leads into steps or code ("Follow these steps:", "it produces the
 * following result −"), which belongs to what follows it.
 */
import type {Paragraph, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {defaultConfig} from '../../../config.js'
import {SKIP} from '../../../walk.js'
import {blockKey, hashKey, keyWords} from '../../block-hashes.js'
import {stepMarkerOf} from '../../extract/procedure.js'
import {lineText, recordRemoval, splitLines, visitBlocks} from '../util.js'

declare module 'vfile' {
  interface DataMap {
    /** Hashes of this file's lines that recur across the corpus (`stages/recurring.ts`). */
    recurring: ReadonlySet<number>
  }
}

export interface DropRecurringOptions {
  /** Lines of fewer words are never recurring blocks (`recurring.minWords`). */
  minWords: number
  /** A recurring paragraph with no recurring neighbour goes only when it has at most this many words (`recurring.loneMaxWords`). */
  loneMaxWords: number
}

/** Without options, the default configuration's `recurring` thresholds. */
export default function remarkDropRecurring(options: DropRecurringOptions = defaultConfig.recurring) {
  return function (tree: Root, file: VFile) {
    const recurring = file.data.recurring
    if (!recurring || recurring.size === 0) return
    visitBlocks(tree, (node) => {
      if ((node.type === 'list' && node.ordered === true) || node.type === 'table') return SKIP
      if (node.type !== 'root' && node.type !== 'blockquote' && node.type !== 'listItem') return
      const children: RootContent[] = node.children
      const kinds = children.map((child, index) => (child.type === 'paragraph' && !leadsIntoStepsOrCode(children, index) ? classify(child, recurring, options.minWords) : 'other'))
      const removed = new Set(boxes(kinds, options.loneMaxWords))
      if (removed.size === 0) return
      for (const [index, child] of children.entries()) if (removed.has(index)) recordRemoval(file, child, 'recurring-block')
      node.children = children.filter((_, index) => !removed.has(index)) as typeof node.children
    })
  }
}

/** A recurring paragraph (its words and lines), debris (a paragraph of plain text without a word: `[`, `](https://…)`), or any other block. */
type Kind = {words: number; lines: number} | 'debris' | 'other'

/**
 * The indices of the children that go: runs of recurring paragraphs and
 * debris that hold two recurring paragraphs, or one with debris (a promo
 * whose link markup broke into `[` and `](…)` paragraphs), or one line of at
 * most `loneMaxWords` words (a button, a slogan; several short lines alone,
 * such as `package main` and `import ("fmt")`, are the start of a code
 * sample pasted as text).
 */
function boxes(kinds: readonly Kind[], loneMaxWords: number): number[] {
  const removed: number[] = []
  for (let start = 0; start < kinds.length; ) {
    let end = start
    while (end < kinds.length && kinds[end] !== 'other') end++
    const run = kinds.slice(start, end)
    const recurring = run.filter((kind) => typeof kind === 'object')
    const lone = recurring[0]
    const box = recurring.length >= 2 || (lone !== undefined && (run.length > 1 || (lone.lines === 1 && lone.words <= loneMaxWords)))
    if (box) for (let index = start; index < end; index++) removed.push(index)
    start = Math.max(end, start + 1)
  }
  return removed
}

/**
 * What a paragraph is: recurring when every line with words is a recurring
 * one; not when a line has an image, fewer than `minWords` words or is not
 * recurring, or the paragraph is a step written as text (`1) Download…`, `Step 2: …`).
 */
function classify(paragraph: Paragraph, recurring: ReadonlySet<number>, minWords: number): Kind {
  if (paragraph.children.every((child) => child.type === 'text' || child.type === 'break') && blockKey(lineText(paragraph.children)) === '') return 'debris'
  let words = 0
  let lines = 0
  for (const line of splitLines(paragraph.children)) {
    if (line.some((node) => node.type === 'image' || node.type === 'imageReference')) return 'other'
    const text = lineText(line)
    const key = blockKey(text)
    if (key === '') continue
    const count = keyWords(key)
    if (count < minWords || stepMarkerOf(text) !== null || !recurring.has(hashKey(key))) return 'other'
    words += count
    lines++
  }
  return words > 0 ? {words, lines} : 'other'
}

function leadsIntoStepsOrCode(siblings: readonly RootContent[], index: number): boolean {
  const next = siblings[index + 1]
  return next !== undefined && ((next.type === 'list' && next.ordered === true) || next.type === 'code')
}
