/**
 * Rule `leftover-html`: no raw HTML ever reaches the output.
 *
 * Known families were removed by the rules before this one; whatever HTML is
 * left is dropped. An element is reported with its line and tag name so the
 * rule table can grow; closing tags, comments and line breaks go silently
 * (`<br>` becomes a Markdown line break). A tag that is no HTML element
 * (`<ProductCode>`, `<dllname>`, `<User>`) is a placeholder in prose or a
 * command: it is content and stays, as text.
 */
import {htmlTagNames} from 'html-tag-names'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP, visit} from '../../../walk.js'
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
      if (element && isPlaceholder(node.value)) {
        const text = {type: 'text', value: node.value, position: node.position} as const
        parent.children.splice(index, 1, parent.type === 'root' ? {type: 'paragraph', children: [text], position: node.position} : text)
        return SKIP
      }
      recordRemoval(file, node, 'leftover-html')
      if (element) {
        warn(file, `HTML element \`<${element.tagName}>\` dropped (its text, if any, is kept): fixset emits no raw HTML`, 'leftover-html', node.position)
      }
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

const knownTags = new Set(htmlTagNames)

/** `<Name>` or `<Name/>` alone, where Name is no HTML element. */
function isPlaceholder(value: string): boolean {
  const match = /^<([A-Za-z][\w.-]*)\s*\/?>$/.exec(value.trim())
  return match !== null && !knownTags.has(match[1]!.toLowerCase())
}
