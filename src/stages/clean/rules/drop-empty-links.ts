/**
 * Rule `empty-link`: a link with nothing to read or see in it (`[](…)`), the
 * shell of a product card, social icon or share button whose picture was lost
 * in scraping. A link that holds an image (`[![](shot.png)](…)`) is not empty.
 */
import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {removeNodes} from '../util.js'

export default function remarkDropEmptyLinks() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'empty-link', (node) => node.type === 'link' && toString(node).trim() === '' && !holdsImage(node))
  }
}

function holdsImage(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true
  return 'children' in node && node.children.some(holdsImage)
}
