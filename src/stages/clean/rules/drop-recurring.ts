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
import {SKIP} from '../../../walk.js'
import {blockKey, hashKey, keyWords} from '../../block-hashes.js'
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

export default function remarkDropRecurring(options: DropRecurringOptions) {
  return function (tree: Root, file: VFile) {
    const recurring = file.data.recurring
    if (!recurring || recurring.size === 0) return
    visitBlocks(tree, (node) => {
      if ((node.type === 'list' && node.ordered === true) || node.type === 'table') return SKIP
      if (node.type !== 'root' && node.type !== 'blockquote' && node.type !== 'listItem') return
      const children: RootContent[] = node.children
      // Per child: its words when it is a recurring paragraph, 0 for debris (a paragraph of bare punctuation), -1 otherwise.
      const words = children.map((child, index) => (child.type === 'paragraph' && !leadsIntoStepsOrCode(children, index) ? recurringWords(child, recurring, options.minWords) : -1))
      const removed = new Set(boxes(words, options.loneMaxWords))
      if (removed.size === 0) return
      for (const [index, child] of children.entries()) if (removed.has(index)) recordRemoval(file, child, 'recurring-block')
      node.children = children.filter((_, index) => !removed.has(index)) as typeof node.children
    })
  }
}

/**
 * The indices of the children that go: runs of recurring paragraphs (words
 * > 0) and debris (0) between or around them that hold two recurring
 * paragraphs, or one with debris (a promo whose link markup broke into `[`
 * and `](…)` paragraphs), or one of at most `loneMaxWords` words.
 */
function boxes(words: readonly number[], loneMaxWords: number): number[] {
  const removed: number[] = []
  for (let start = 0; start < words.length; ) {
    let end = start
    while (end < words.length && words[end]! >= 0) end++
    const run = words.slice(start, end)
    const recurring = run.filter((count) => count > 0)
    const box = recurring.length >= 2 || (recurring.length === 1 && (run.length > 1 || recurring[0]! <= loneMaxWords))
    if (box) for (let index = start; index < end; index++) removed.push(index)
    start = Math.max(end, start + 1)
  }
  return removed
}

/**
 * The words of a paragraph every line of which is a recurring one; 0 for
 * debris, a paragraph of plain text without a word (`[`, `](https://…)`);
 * -1 for any other: a line with an image, a line of fewer than `minWords`
 * words or not recurring, a step written as text (`1) Download…`, `Step 2: …`).
 */
function recurringWords(paragraph: Paragraph, recurring: ReadonlySet<number>, minWords: number): number {
  if (paragraph.children.every((child) => child.type === 'text' || child.type === 'break') && blockKey(lineText(paragraph.children)) === '') return 0
  let words = 0
  for (const line of splitLines(paragraph.children)) {
    if (line.some((node) => node.type === 'image' || node.type === 'imageReference')) return -1
    const text = lineText(line)
    const key = blockKey(text)
    if (key === '') continue
    const count = keyWords(key)
    if (count < minWords || stepText.test(text) || !recurring.has(hashKey(key))) return -1
    words += count
  }
  return words > 0 ? words : -1
}

const stepText = /^(?:step\s*)?\d{1,3}\s*[.):]/i

function leadsIntoStepsOrCode(siblings: readonly RootContent[], index: number): boolean {
  const next = siblings[index + 1]
  return next !== undefined && ((next.type === 'list' && next.ordered === true) || next.type === 'code')
}
