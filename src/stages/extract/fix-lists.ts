/**
 * Fixes written as an ordered list, each entry opening with its bold title
 * (`1. **Disable startup apps.** Open Task Manager…`, `2. **Turn off Fast
 * Startup**` over its own numbered procedure): the list is the article's
 * methods, not one procedure, and each entry becomes a heading one level
 * below the section (its number kept: `1. Disable startup apps`) over the
 * entry's text, so the outline sees the fixes as the items they are.
 *
 * A list of bold-led steps (`1. **Open Settings.** Press Win+I.`) has the same
 * shape, so the list must also be offered as alternatives, by one of:
 * - a count that matches it: the section's heading or the article's title
 *   numbers that many fixes, ways, methods, solutions or tips ("5 Fixes That
 *   Work" over five entries);
 * - the sentence right before it ("try these fixes", "in any order");
 * - its entries: under a heading that introduces fixes ("How to fix …"), at
 *   least three entries, half of them with a numbered procedure of their own.
 * Inside a numbered section (`## Fix 2`) such a list is that fix's steps.
 *
 * The same holds for paragraphs opened by a bold number alone (`**1.** The
 * problem may be the driver. Update it.`, then its explanation), numbered
 * 1, 2, 3 in order: offered as alternatives in the same ways, each becomes a
 * heading over the paragraphs up to the next; else they stay step paragraphs.
 */
import type {Heading, List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {offersAlternatives} from './kind.js'
import {isWrapperTitle} from './labels.js'
import {mapRuns} from './promote.js'

declare module 'mdast' {
  interface HeadingData {
    /** A heading made of a numbered paragraph (`**4.** Run an antivirus scan.`): its text is the fix, so the fix stands with nothing under it. */
    fixFromParagraph?: boolean
  }
}

const maxLeadWords = 12
const minProcedureEntries = 3
const fixWords = String.raw`(?:fix(?:es)?|ways?|methods?|solutions?|tips?|workarounds?|tricks?|things to try)`
/** A count of fixes in a title: `5 Fixes`, `7 Easy Ways`, `Top 10 Quick Tips`. */
const countedFixes = new RegExp(String.raw`\b(\d{1,2})\s+(?:[\p{L}-]+\s+){0,3}?${fixWords}\b`, 'iu')
const offeredFixes = new RegExp(String.raw`\b(?:try|these|following|below)\b.{0,40}\b${fixWords}\b|\b${fixWords}\b.{0,40}\b(?:below|to try)\b`, 'iu')

/** `titles` gives the article's candidate titles, asked only when a list has the shape. */
export function promoteFixLists(body: RootContent[], titles: () => ReadonlyArray<string | null>): RootContent[] {
  return mapRuns(body, (nodes, depth, insideNumbered, heading) => {
    if (insideNumbered) return nodes
    const promoted = nodes.flatMap((node, index) => (isFixList(node, nodes[index - 1], heading, titles) ? entriesAsSections(node, depth) : [node]))
    return numberedParagraphsAsSections(promoted, depth, heading, titles)
  })
}

function isFixList(node: RootContent, before: RootContent | undefined, heading: Heading | undefined, titles: () => ReadonlyArray<string | null>): node is List {
  if (node.type !== 'list' || !node.ordered || node.children.length < 2 || !node.children.every(hasBoldTitle)) return false
  if (offeredAsFixes(node.children.length, before, heading, titles)) return true
  const headingTitle = heading ? toString(heading) : null
  const procedures = node.children.filter((item) => item.children.some((child) => child.type === 'list' && child.ordered)).length
  return headingTitle !== null && isWrapperTitle(headingTitle) && node.children.length >= minProcedureEntries && procedures * 2 >= node.children.length
}

/** Whether `entries` things after `before` are offered as fixes: a count in the heading or the title that matches, or a lead that offers them. */
function offeredAsFixes(entries: number, before: RootContent | undefined, heading: Heading | undefined, titles: () => ReadonlyArray<string | null>): boolean {
  const lead = before?.type === 'paragraph' ? toString(before) : ''
  if (offersAlternatives(lead) || offeredFixes.test(lead)) return true
  const counts = [heading ? toString(heading) : null, ...titles()].map((title) => (title === null ? null : countedFixes.exec(title)?.[1]))
  return counts.some((count) => count !== null && count !== undefined && Number(count) === entries)
}

/** Paragraphs opened by a bold 1, 2, 3 … offered as fixes: each a heading (its number and its text) over what follows it. */
function numberedParagraphsAsSections(nodes: RootContent[], depth: Heading['depth'], heading: Heading | undefined, titles: () => ReadonlyArray<string | null>): RootContent[] {
  const marked = nodes.flatMap((node, index) => (boldNumberOf(node) === null ? [] : [index]))
  if (marked.length < 2 || !marked.every((index, place) => boldNumberOf(nodes[index]!) === place + 1)) return nodes
  if (!offeredAsFixes(marked.length, nodes[marked[0]! - 1], heading, titles)) return nodes
  return nodes.map((node, index) => {
    if (!marked.includes(index)) return node
    const [, ...rest] = (node as Paragraph).children
    const children: PhrasingContent[] = [{type: 'text', value: `${marked.indexOf(index) + 1}. `}, ...trimLeading(rest)]
    return {type: 'heading', depth, children, position: node.position, data: {fixFromParagraph: true}}
  })
}

/** The number of a paragraph opened by a bold number alone (`**1.** Text`, `**2)** Text`), or null. */
function boldNumberOf(node: RootContent): number | null {
  if (node.type !== 'paragraph') return null
  const [first, ...rest] = node.children
  if (first?.type !== 'strong') return null
  const match = /^(\d{1,2})[.)]$/.exec(toString(first).trim())
  return match && rest.some((child) => toString(child).trim() !== '') ? Number(match[1]) : null
}

/**
 * Whether an entry opens with a bold title: its first paragraph starts with
 * a strong of a few words that ends the title (a full stop or colon in or
 * right after it, or nothing after it in the paragraph), and the entry says
 * more than its title. `**Restart** your computer` is a sentence, not a title.
 */
function hasBoldTitle(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'strong') return false
  const title = toString(first.children[0]).trim()
  if (title === '' || title.split(/\s+/).length > maxLeadWords || title.endsWith('?')) return false
  const rest = first.children.slice(1)
  const after = rest.map((child) => toString(child)).join('')
  const ended = /[.:!]$/.test(title) || /^\s*[.:!\-–—]/.test(after) || after.trim() === ''
  return ended && (after.replace(/^[\s.:!\-–—]+/, '') !== '' || item.children.length > 1)
}

/** Each entry as a heading (its number and bold title) over the rest of the entry. */
function entriesAsSections(list: List, depth: Heading['depth']): RootContent[] {
  const start = list.start ?? 1
  return list.children.flatMap((item, index): RootContent[] => {
    const [first, ...others] = item.children as [Paragraph, ...RootContent[]]
    const [strong, ...rest] = first.children
    const title = toString(strong!).trim().replace(/[.:!]+$/, '')
    const heading: Heading = {type: 'heading', depth, children: [{type: 'text', value: `${start + index}. ${title}`}], position: item.position}
    const text = trimLeading(rest)
    const paragraph: Paragraph[] = text.length > 0 ? [{type: 'paragraph', children: text, position: first.position}] : []
    return [heading, ...paragraph, ...others]
  })
}

/** Phrasing after the title, without the separator and spaces that opened it. */
function trimLeading(children: PhrasingContent[]): PhrasingContent[] {
  const [head, ...tail] = children
  if (head?.type !== 'text') return children
  const value = head.value.replace(/^[\s.:!\-–—]+/, '')
  return value === '' ? tail : [{...head, value}, ...tail]
}
