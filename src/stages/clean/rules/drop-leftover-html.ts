/**
 * Rule `leftover-html`: no raw HTML ever reaches the output.
 *
 * Known families were removed by the rules before this one; whatever HTML is
 * left is dropped. An element is reported with its line and tag name so the
 * rule table can grow; closing tags, comments and line breaks go silently
 * (`<br>` becomes a Markdown line break).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
import {warn} from '../../../diagnostics.js'
import {closingTag, firstElement, recordRemoval} from '../util.js'

export default function remarkDropLeftoverHtml() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return
      const value = node.value.trim()
      const element = value.startsWith('<!--') || closingTag(node) ? undefined : firstElement(value)
      if (element?.tagName === 'br' && parent.type !== 'root') {
        parent.children.splice(index, 1, {type: 'break', position: node.position})
        return SKIP
      }
      recordRemoval(file, node, 'leftover-html')
      if (element) {
        warn(file, `Unknown HTML \`<${element.tagName}>\` dropped`, 'leftover-html', node.position)
      }
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}
