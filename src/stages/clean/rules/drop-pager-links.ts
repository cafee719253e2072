/**
 * Rule `next-link` (with the `Next example:` line of the configuration): a
 * tutorial's pager button, a paragraph of the article's own that is only a
 * link to the next or the previous page, its arrow printed as text
 * (go.dev's `[Call your code from another module >](…)`, `[< Previous](…)`).
 * Only at the top level: a step that ends in a menu's `>` ("Open Settings >")
 * is a list item's paragraph, and a link in a sentence is the author's.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordRemoval, soleLink} from '../util.js'

const pagerText = /^(?:[<‹←] \S.{0,80}|\D.{0,80} [>›→])$/u

export default function remarkDropPagerLinks() {
  return function (tree: Root, file: VFile) {
    tree.children = tree.children.filter((node) => {
      const link = node.type === 'paragraph' ? soleLink(node) : undefined
      if (link === undefined || !pagerText.test(toString(link).replace(/\s+/g, ' ').trim())) return true
      recordRemoval(file, node, 'next-link')
      return false
    })
  }
}
