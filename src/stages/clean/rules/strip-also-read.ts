/**
 * Rule `also-read`: remove "Also read:" link farms.
 *
 * The farm is a paragraph `<span class="atpl-alsoreadstyle">Also read:</span>`
 * followed by an HTML block `<div><ul><li><a …>…</a></li>…</ul></div>` of
 * links to other posts.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP} from '../../../walk.js'
import {defaultConfig} from '../../../config.js'
import {hasClass, htmlElements, recordRemoval, visitBlocks} from '../util.js'

export interface StripAlsoReadOptions {
  /** `class` values of the span that opens a farm (default: the configuration's `alsoReadClasses`). */
  classes?: readonly string[]
}

export default function remarkStripAlsoRead(options: StripAlsoReadOptions = {}) {
  const classes = options.classes ?? defaultConfig.alsoReadClasses
  return function (tree: Root, file: VFile) {
    visitBlocks(tree, (node, index, parent) => {
      if (node.type !== 'paragraph' || !parent || index === undefined) return
      const opensFarm = node.children.some(
        (child) => child.type === 'html' && htmlElements(child.value).some((element) => element.tagName === 'span' && hasClass(element, classes))
      )
      if (!opensFarm) return
      let count = 1
      const next = parent.children[index + 1]
      if (next && next.type === 'html' && isLinkList(next.value)) count = 2
      for (const removed of parent.children.slice(index, index + count)) recordRemoval(file, removed, 'also-read')
      parent.children.splice(index, count)
      return [SKIP, index]
    })
  }
}

/** Whether an HTML block is a list of links (and nothing else with text). */
function isLinkList(value: string): boolean {
  const elements = htmlElements(value)
  return elements.some((element) => element.tagName === 'ul' || element.tagName === 'ol') && elements.some((element) => element.tagName === 'a')
}
