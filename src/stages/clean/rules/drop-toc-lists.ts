/**
 * Rule `toc-list`: a page's table of contents, a list whose every item is
 * only a link to an anchor of the page (`[Fix 1](#F1)`, `…/#toc-design`,
 * bold or not), or a label with the entry's number before it (`Option 2
 * —[**Automatically**](#option2)`); also a paragraph of two or more such
 * lines (`Method 1: [Update Device Drivers](#m1)` then `Method 2: …`). Its
 * entries repeat the headings below, so nothing is lost.
 */
import type {ListItem, Nodes, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {lineText, removeNodes, splitLines} from '../util.js'

/** An in-page anchor: `#F1`, or a page URL's `#toc-…` fragment. */
const anchor = /^#|#toc-/
/** What may stand before an entry's link: its number (`Method 3:`, `Option 1 —`, `2.`). */
const entryLabel = /^(?:(?:method|option|fix|way|solution|step|part)\s*)?\d{1,2}\s*[.:)—–-]?$/i

export default function remarkDropTocLists() {
  return function (tree: Root, file: VFile) {
    removeNodes(
      tree,
      file,
      'toc-list',
      (node) =>
        (node.type === 'list' && node.children.length > 0 && node.children.every(isAnchorEntry)) ||
        (node.type === 'paragraph' && isAnchorLines(splitLines(node.children))),
      'blocks'
    )
  }
}

/** An item that is one paragraph whose text is all one anchor link (emphasis around it allowed), or a nested table of contents under such an entry. */
function isAnchorEntry(item: ListItem): boolean {
  const [paragraph, ...nested] = item.children
  if (paragraph?.type !== 'paragraph') return false
  const links: Nodes[] = []
  collectLinks(paragraph, links)
  if (links.length !== 1 || links[0]!.type !== 'link' || !anchor.test(links[0]!.url)) return false
  if (!isEntryText(toString(links[0]!), toString(paragraph))) return false
  return nested.every((child) => child.type === 'list' && child.children.every(isAnchorEntry))
}

function collectLinks(node: Nodes, links: Nodes[]): void {
  if (node.type === 'link') links.push(node)
  else if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, links)
}

/** The text of an entry is its link's, or its number then its link's. */
function isEntryText(linkText: string, text: string): boolean {
  const link = linkText.trim()
  const whole = text.trim()
  if (link === whole) return true
  return link !== '' && whole.endsWith(link) && entryLabel.test(whole.slice(0, -link.length).trim())
}

/** Two or more lines, each one numbered entry linking to an anchor. */
function isAnchorLines(lines: PhrasingContent[][]): boolean {
  // Most paragraphs are one line: no text of theirs need be read.
  if (lines.length < 2) return false
  const filled = lines.filter((line) => lineText(line) !== '')
  return filled.length >= 2 && filled.every((line) => {
    const links: Nodes[] = []
    for (const node of line) collectLinks(node, links)
    return links.length === 1 && links[0]!.type === 'link' && anchor.test(links[0]!.url) && isEntryText(toString(links[0]!), lineText(line))
  })
}
