/**
 * Rule `breadcrumb`: a page's breadcrumb trail scraped as a list
 * (`1. [Documentation](https://go.dev/doc/)`, `2. [Tutorials](https://go.dev/doc/tutorial/)`,
 * `3. [Tutorial: Create a module](https://go.dev/doc/tutorial/create-module)`):
 * a list of two or more links and nothing else, each link's URL an ancestor
 * path of the next one's on the same host.
 */
import type {List, Root} from 'mdast'
import type {VFile} from 'vfile'
import {isLinkList, removeNodes, soleLink} from '../util.js'

export default function remarkDropBreadcrumbs() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'breadcrumb', (node) => node.type === 'list' && node.children.length >= 2 && isLinkList(node) && descends(node), 'blocks')
  }
}

function descends(list: List): boolean {
  const urls = list.children.map((item) => parse(soleLink(item.children[0]!)!.url))
  return urls.every((url, index) => {
    if (!url) return false
    const next = urls[index + 1]
    if (index === urls.length - 1) return true
    if (!next || next.host !== url.host) return false
    const parent = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
    return next.pathname.startsWith(parent) && next.pathname.length > parent.length
  })
}

function parse(raw: string): URL | undefined {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}
