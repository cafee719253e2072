/**
 * Rule `clipper-excerpt`: browser clippers (MarkDownload) open the saved page
 * with a block quote headed "Excerpt" that repeats the page's meta
 * description (`> ## Excerpt` / `> W3Schools offers free online tutorials…`).
 * The description is the site's, not the article's text, and it is in the
 * frontmatter already. Only a block quote whose first block is that heading goes.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {removeNodes} from '../util.js'

export default function remarkDropClipperHeader() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'clipper-excerpt', (node) => {
      if (node.type !== 'blockquote') return false
      const first = node.children[0]
      return first?.type === 'heading' && /^excerpt$/i.test(toString(first).trim())
    }, 'blocks')
  }
}
