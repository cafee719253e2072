/**
 * Methods written as bold lead paragraphs (`**Method 2: Reset the app**`,
 * `**Way One**`, `**3. Update Windows**`) are headings the article did not
 * mark up. Where a section (or the whole body) has two or more of them and no
 * sub-headings of its own, they become headings one level below the section,
 * so the outline sees them as the items they are.
 */
import type {Heading, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {readLabel} from './labels.js'

const itemWords = new Set(['fix', 'method', 'solution', 'way', 'option', 'tip', 'trick', 'hack', 'workaround', 'approach', 'idea', 'part'])
const maxWords = 16

export function promoteBoldHeadings(body: RootContent[]): RootContent[] {
  return mapRuns(body, promoteRun)
}

/** Rewrites each run of blocks between two headings; `depth` is one below the heading before the run. */
export function mapRuns(
  body: RootContent[],
  rewrite: (nodes: RootContent[], depth: Heading['depth'], insideNumbered: boolean, heading: Heading | undefined) => RootContent[]
): RootContent[] {
  const result: RootContent[] = []
  let run: RootContent[] = []
  let depth = 1
  let insideNumbered = false
  let heading: Heading | undefined
  const flush = () => {
    result.push(...rewrite(run, Math.min(6, depth + 1) as Heading['depth'], insideNumbered, heading))
    run = []
  }
  for (const node of body) {
    if (node.type === 'heading') {
      flush()
      result.push(node)
      heading = node
      depth = node.depth
      insideNumbered = readLabel(toString(node)).number !== null
    } else {
      run.push(node)
    }
  }
  flush()
  return result
}

/** The nodes between two headings, with their bold lead paragraphs promoted when there are two or more. */
function promoteRun(nodes: RootContent[], depth: Heading['depth'], insideNumbered: boolean): RootContent[] {
  const candidates = nodes.filter((node): node is Paragraph => node.type === 'paragraph' && isBoldLead(node))
  if (candidates.length < 2) return nodes
  const labelled = candidates.filter((node) => {
    const label = readLabel(toString(node))
    // Under a numbered heading, bold `1.` paragraphs are that item's steps, not items.
    return label.number !== null && (label.kind === null ? !insideNumbered : itemWords.has(label.kind))
  })
  // Bold lines one after another are a table of contents (its links unwrapped by link cleaning), not methods.
  const labelledSet = new Set<RootContent>(labelled)
  const methods = labelled.filter((node) => {
    const index = nodes.indexOf(node)
    return !labelledSet.has(nodes[index + 1]!) && !labelledSet.has(nodes[index - 1]!)
  })
  // Bare bold paragraphs are sub-titles, not items, unless they are numbered items.
  if (methods.length < 2) return nodes
  const promoted = new Set<RootContent>(methods)
  return nodes.map((node) =>
    promoted.has(node) ? ({type: 'heading', depth, children: unbolded(node as Paragraph), position: node.position} satisfies Heading) : node
  )
}

/** A short paragraph that is bold as a whole (a trailing colon allowed), not a question. */
function isBoldLead(paragraph: Paragraph): boolean {
  const children = paragraph.children.filter((child) => !(child.type === 'text' && /^[\s:.]*$/.test(child.value)))
  // `**Option Three:** **Disable Superfetch**` is one bold line in two pieces.
  if (children.length === 0 || !children.every((child) => child.type === 'strong')) return false
  const text = toString(paragraph).trim()
  // A bold link is a table-of-contents entry pointing at the method, not the method.
  if (children.some(containsLink)) return false
  return text !== '' && !text.endsWith('?') && text.split(/\s+/).length <= maxWords
}

function containsLink(node: Paragraph['children'][number]): boolean {
  return node.type === 'link' || ('children' in node && (node.children as Paragraph['children']).some(containsLink))
}

/** The paragraph's phrasing without the strong that wraps it all, and without a trailing colon. */
function unbolded(paragraph: Paragraph): Heading['children'] {
  return paragraph.children.flatMap((child) => (child.type === 'strong' ? child.children : child.type === 'text' ? [{...child, value: child.value.replace(/\s+/g, ' ')}] : [child]))
}
