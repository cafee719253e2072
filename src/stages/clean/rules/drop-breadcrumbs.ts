/**
 * Rule `breadcrumb`: a page's breadcrumb trail scraped as a list
 * (`1. [Documentation](https://go.dev/doc/)`, `2. [Tutorials](https://go.dev/doc/tutorial/)`,
 * `3. [Tutorial: Create a module](https://go.dev/doc/tutorial/create-module)`):
 * a list of two or more links and nothing else, each link's URL an ancestor
 * path of the next one's on the same host. Or a trail that prints its
 * separators (`1. [AOMEI Backupper](…) >`, `2. [Articles](…) >`, `3. The
 * page's title`): every item but the last is a few words ending with `>`,
 * `›` or `»`, the last the page's title, which the next heading restates
 * (a two-step list whose first step ends in a menu's `>` is no trail).
 */
import type {List, Parent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {isLinkList, removeNodes, soleLink} from '../util.js'

export default function remarkDropBreadcrumbs() {
  return function (tree: Root, file: VFile) {
    removeNodes(
      tree,
      file,
      'breadcrumb',
      (node, index, parent) => node.type === 'list' && node.children.length >= 2 && ((isLinkList(node) && descends(node)) || printsSeparators(node, () => nextHeadingText(parent, index))),
      'blocks'
    )
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

const trailSeparator = /\s[>›»]$/u
const maxCrumbWords = 6

/** `nextHeading` is read only for a list whose items end in separators (few lists do). */
function printsSeparators(list: List, nextHeading: () => string | undefined): boolean {
  if (!list.children.every((item) => item.children.length === 1 && item.children[0]!.type === 'paragraph')) return false
  const texts = list.children.map((item) => normalized(toString(item)))
  const crumbs = texts.slice(0, -1)
  const title = texts[texts.length - 1]!
  return crumbs.every((crumb) => trailSeparator.test(crumb) && crumb.split(' ').length <= maxCrumbWords + 1) && title === nextHeading()
}

function nextHeadingText(parent: Parent, index: number): string | undefined {
  const heading = parent.children.slice(index + 1).find((node) => node.type === 'heading')
  return heading === undefined ? undefined : normalized(toString(heading))
}

const normalized = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase()
