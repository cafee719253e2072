/**
 * Rule `toc-list`: a page's table of contents, a list whose every item is
 * only a link to an anchor of the page (`[Fix 1](#F1)`, `…/#toc-design`,
 * bold or not). Its entries repeat the headings below, so nothing is lost.
 */
import type {ListItem, Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {removeNodes} from '../util.js'

/** An in-page anchor: `#F1`, or a page URL's `#toc-…` fragment. */
const anchor = /^#|#toc-/

export default function remarkDropTocLists() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'toc-list', (node) => node.type === 'list' && node.children.length > 0 && node.children.every(isAnchorEntry), 'blocks')
  }
}

/** An item that is one paragraph whose text is all one anchor link (emphasis around it allowed), or a nested table of contents under such an entry. */
function isAnchorEntry(item: ListItem): boolean {
  const [paragraph, ...nested] = item.children
  if (paragraph?.type !== 'paragraph') return false
  const links: Nodes[] = []
  collectLinks(paragraph, links)
  if (links.length !== 1 || links[0]!.type !== 'link' || !anchor.test(links[0]!.url)) return false
  if (toString(links[0]!).trim() !== toString(paragraph).trim()) return false
  return nested.every((child) => child.type === 'list' && child.children.every(isAnchorEntry))
}

function collectLinks(node: Nodes, links: Nodes[]): void {
  if (node.type === 'link') links.push(node)
  else if ('children' in node) for (const child of node.children) collectLinks(child as Nodes, links)
}
