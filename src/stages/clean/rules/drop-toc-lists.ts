/**
 * Rule `toc-list`: a page's "in this article" table of contents, a list whose
 * every item is only a link to an anchor of the page (`…/#toc-design`).
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {removeNodes} from '../util.js'

export default function remarkDropTocLists() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'toc-list', (node) => {
      if (node.type !== 'list' || node.children.length === 0) return false
      return node.children.every((item) => {
        const paragraph = item.children.length === 1 ? item.children[0] : undefined
        if (paragraph?.type !== 'paragraph') return false
        const links = paragraph.children.filter((child) => child.type === 'link')
        return links.length === 1 && /#toc-/.test(links[0]!.url) && toString(links[0]!).trim() === toString(paragraph).trim()
      })
    }, 'blocks')
  }
}
