/**
 * Rule `latex-heading`: headings made of LaTeX (`## \[W_2 = \Frac{GmM}…`) are
 * kept, as content, but reported: they are usually a converter's garbage.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {warn} from '../../../diagnostics.js'
import {visitBlocks} from '../util.js'

export default function remarkWarnLatexHeading() {
  return function (tree: Root, file: VFile) {
    visitBlocks(tree, (heading) => {
      if (heading.type !== 'heading') return
      const text = toString(heading)
      if (/^\s*\\?\[|\\(?:frac|sum|int|sqrt|left|right)\b|\b\w_\{?\w/i.test(text) && /[\\{}^_=]/.test(text)) {
        warn(file, `Heading looks like LaTeX, not a title: ${JSON.stringify(text.slice(0, 60))}`, 'latex-heading', heading.position)
      }
    })
  }
}
