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
 * comment form, a newsletter box: runs of recurring paragraphs) or as short
 * lines (buttons, slogans); a long recurring paragraph alone among the
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
      const words = children.map((child, index) => (child.type === 'paragraph' && !leadsIntoStepsOrCode(children, index) ? recurringWords(child, recurring, options.minWords) : 0))
      const removed = (index: number) => words[index]! > 0 && (words[index]! <= options.loneMaxWords || (words[index - 1] ?? 0) > 0 || (words[index + 1] ?? 0) > 0)
      if (!words.some((_, index) => removed(index))) return
      for (const [index, child] of children.entries()) if (removed(index)) recordRemoval(file, child, 'recurring-block')
      node.children = children.filter((_, index) => !removed(index)) as typeof node.children
    })
  }
}

/**
 * The words of a paragraph every line of which is a recurring one, or 0 when
 * it is not one: a line with an image, a line of fewer than `minWords` words,
 * a step written as text (`1) Download…`, `Step 2: …`).
 */
function recurringWords(paragraph: Paragraph, recurring: ReadonlySet<number>, minWords: number): number {
  let words = 0
  for (const line of splitLines(paragraph.children)) {
    if (line.some((node) => node.type === 'image' || node.type === 'imageReference')) return 0
    const text = lineText(line)
    const key = blockKey(text)
    if (key === '') continue
    const count = keyWords(key)
    if (count < minWords || stepText.test(text) || !recurring.has(hashKey(key))) return 0
    words += count
  }
  return words
}

const stepText = /^(?:step\s*)?\d{1,3}\s*[.):]/i

function leadsIntoStepsOrCode(siblings: readonly RootContent[], index: number): boolean {
  const next = siblings[index + 1]
  return next !== undefined && ((next.type === 'list' && next.ordered === true) || next.type === 'code')
}
