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
 */
import type {Heading, List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {offersAlternatives} from './kind.js'
import {isWrapperTitle} from './labels.js'
import {mapRuns} from './promote.js'

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
    return nodes.flatMap((node, index) => (isFixList(node, nodes[index - 1], heading, titles) ? entriesAsSections(node, depth) : [node]))
  })
}

function isFixList(node: RootContent, before: RootContent | undefined, heading: Heading | undefined, titles: () => ReadonlyArray<string | null>): node is List {
  if (node.type !== 'list' || !node.ordered || node.children.length < 2 || !node.children.every(hasBoldTitle)) return false
  const headingTitle = heading ? toString(heading) : null
  const counts = [headingTitle, ...titles()].map((title) => (title === null ? null : countedFixes.exec(title)?.[1]))
  if (counts.some((count) => count !== null && count !== undefined && Number(count) === node.children.length)) return true
  const lead = before?.type === 'paragraph' ? toString(before) : ''
  if (offersAlternatives(lead) || offeredFixes.test(lead)) return true
  const procedures = node.children.filter((item) => item.children.some((child) => child.type === 'list' && child.ordered)).length
  return headingTitle !== null && isWrapperTitle(headingTitle) && node.children.length >= minProcedureEntries && procedures * 2 >= node.children.length
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
