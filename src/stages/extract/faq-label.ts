/**
 * An FAQ whose label is a paragraph, not a heading (`FAQ`, `**Frequently
 * Asked Questions**`), followed by its questions: a list whose items open
 * with a question, or question paragraphs. The label becomes a heading at
 * the body's top level, so the outline sees the FAQ as the section it is
 * (ending the section it follows) rather than text of the last item.
 */
import type {Heading, List, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isFaqTitle} from './labels.js'

const maxLabelWords = 6

export function promoteFaqLabels(body: RootContent[]): RootContent[] {
  const depth = Math.min(2, ...body.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth)) as Heading['depth']
  return body.map((node, index) =>
    node.type === 'paragraph' && isFaqLabel(node) && opensWithQuestion(body[index + 1])
      ? ({type: 'heading', depth, children: node.children.flatMap((child) => (child.type === 'strong' ? child.children : [child])), position: node.position} satisfies Heading)
      : node
  )
}

function isFaqLabel(paragraph: Paragraph): boolean {
  const raw = toString(paragraph)
  // Every paragraph is asked: a long one is turned down before its white space is folded.
  if (!hasAtMostWords(raw, maxLabelWords)) return false
  const text = raw.replace(/\s+/g, ' ').trim().replace(/:$/, '')
  return text !== '' && text.split(' ').length <= maxLabelWords && isFaqTitle(text)
}

/** Whether `text` has at most `count` runs of non-white-space characters (the words `split(' ')` finds once white space is folded and trimmed). */
function hasAtMostWords(text: string, count: number): boolean {
  const word = /\S+/g
  for (let words = 0; word.exec(text) !== null; ) if (++words > count) return false
  return true
}

function opensWithQuestion(node: RootContent | undefined): boolean {
  if (node?.type === 'paragraph') return /\?\s*$/.test(toString(node).trim())
  return node?.type === 'list' && listQuestion(node) !== null
}

/** The question the list's first item opens with, or null. */
function listQuestion(list: List): string | null {
  const first = list.children[0]?.children[0]
  return first?.type === 'paragraph' ? questionLine(first) : null
}

/** The paragraph's first line (up to a hard break) when it is a question. */
export function questionLine(paragraph: Paragraph): string | null {
  const cut = paragraph.children.findIndex((child) => child.type === 'break')
  const line = toString({...paragraph, children: cut === -1 ? paragraph.children : paragraph.children.slice(0, cut)})
    .replace(/\s+/g, ' ')
    .trim()
  return /\?$/.test(line) ? line : null
}
