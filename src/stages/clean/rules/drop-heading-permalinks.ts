/**
 * Rule `heading-permalink`: the "link to this heading" anchor that documentation
 * generators put in every heading (Sphinx's `¶`, GitHub's and Docusaurus' `#`,
 * `🔗`, `§`). A clipper keeps it as a link whose text is that one symbol, and
 * once links are cleaned it is glued to the title (`Prerequisites¶`). Runs
 * before link cleaning, while the anchor is still a link.
 */
import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {visit} from '../../../walk.js'
import {recordRemoval} from '../util.js'

/** A link's whole text is one of the marks anchor generators use, nothing to read. */
const permalinkMarks = new Set(['¶', '#', '§', '🔗', '⚓', '⚓︎', '#️⃣'])

export default function remarkDropHeadingPermalinks() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'heading', (heading) => {
      const kept = heading.children.filter((child) => !isPermalink(child))
      if (kept.length === heading.children.length) return
      for (const child of heading.children) if (isPermalink(child)) recordRemoval(file, child, 'heading-permalink')
      heading.children = kept
    })
  }
}

function isPermalink(node: Nodes): boolean {
  return node.type === 'link' && permalinkMarks.has(toString(node).trim())
}
