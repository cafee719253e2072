/**
 * An FAQ section as questions and answers. Questions are its sub-headings,
 * or, without sub-headings, its short bold paragraphs and paragraphs that end
 * with a question mark (a `Q:` prefix goes); the blocks up to the next
 * question are the answer, as Markdown.
 */
import type {ListItem, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {childrenToMarkdown} from '../../markdown.js'
import {questionLine} from './faq-label.js'
import {contentNodes, type OutlineSection} from './outline.js'

export interface FaqEntry {
  question: string
  answer: string
}

export function faqOf(sections: readonly OutlineSection[]): FaqEntry[] {
  return sections.flatMap((section) => (section.children.length > 0 ? fromHeadings(section) : fromParagraphs(section.nodes)))
}

function fromHeadings(section: OutlineSection): FaqEntry[] {
  const entries = section.children.map((child) => ({question: cleanQuestion(child.text), answer: childrenToMarkdown(contentNodes(child))}))
  // Bold questions before the first sub-heading count too.
  return [...fromParagraphs(section.nodes), ...entries].filter((entry) => entry.question !== '')
}

function fromParagraphs(nodes: readonly RootContent[]): FaqEntry[] {
  const entries: Array<{question: string; answer: RootContent[]}> = []
  for (const node of nodes) {
    const question = node.type === 'paragraph' ? questionOf(node) : null
    if (question !== null) entries.push({question, answer: []})
    else if (node.type === 'list' && node.children.every(opensWithQuestion)) entries.push(...node.children.map(fromListItem))
    else entries.at(-1)?.answer.push(node)
  }
  return entries.map((entry) => ({question: entry.question, answer: childrenToMarkdown(entry.answer)}))
}

/** `* What happens if it breaks?⏎ The answer…`: a list item whose first line is its question. */
function fromListItem(item: ListItem): {question: string; answer: RootContent[]} {
  const [first, ...rest] = item.children as [Paragraph, ...RootContent[]]
  const cut = first.children.findIndex((child) => child.type === 'break')
  const after = cut === -1 ? [] : first.children.slice(cut + 1)
  const answer: RootContent[] = after.length === 0 ? rest : [{type: 'paragraph', children: after}, ...rest]
  return {question: cleanQuestion(questionLine(first)!), answer}
}

function opensWithQuestion(item: ListItem): boolean {
  const first = item.children[0]
  return first?.type === 'paragraph' && questionLine(first) !== null
}

/** The question a paragraph asks, when it is one: short, and bold as a whole or ending with `?`. */
function questionOf(paragraph: Paragraph): string | null {
  const text = toString(paragraph).replace(/\s+/g, ' ').trim()
  if (text === '' || text.split(' ').length > 30) return null
  const bold = paragraph.children.length === 1 && paragraph.children[0]!.type === 'strong'
  if (!bold && !/\?$/.test(text) && !/^Q\s*[:.]/i.test(text)) return null
  return cleanQuestion(text)
}

function cleanQuestion(text: string): string {
  return text.replace(/^(?:Q\s*\d*\s*[:.)]|\d{1,2}\s*[.)])\s*/i, '').trim()
}
