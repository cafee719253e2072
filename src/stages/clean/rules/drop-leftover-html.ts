/**
 * Rule `leftover-html`: no raw HTML ever reaches the output.
 *
 * Known families were removed by the rules before this one; whatever HTML is
 * left is dropped. An element is reported with its line and tag name so the
 * rule table can grow; closing tags, comments and line breaks go silently
 * (`<br>` becomes a Markdown line break). A tag that is no HTML element
 * (`<ProductCode>`, `<dllname>`, `<User>`) is a placeholder in prose or a
 * command: it is content and stays, as text.
 *
 * HTML the Markdown parser did not read as HTML (`<img src=x onerror=alert('1')>`,
 * whose quote CommonMark does not allow in an unquoted attribute, or
 * `&lt;script&gt;`) is text, and would reach the output escaped
 * (`\<img …>`); it is markup all the same, so its tags go too, with a
 * warning, from text, image alt text and link and image titles (via
 * `stripMarkup`, which parses it as HTML). Code keeps what it says.
 */
import {htmlTagNames} from 'html-tag-names'
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {SKIP, visit} from '../../../walk.js'
import {recordChange, warn} from '../../../diagnostics.js'
import {closingTag, firstElement, recordRemoval} from '../util.js'
import {stripMarkup} from '../../plain-text.js'

export default function remarkDropLeftoverHtml() {
  return function (tree: Root, file: VFile) {
    dropEscapedTags(tree, file)
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

/** Tags left in text, alt text and titles: dropped, their text kept. */
function dropEscapedTags(tree: Root, file: VFile): void {
  const strip = (value: string, whitespace: 'normal' | 'pre', place: Position | undefined): string => {
    if (!value.includes('<')) return value
    const {value: text, tags} = stripMarkup(value, whitespace)
    if (tags.length === 0) return value
    warn(file, `HTML ${[...new Set(tags)].map((tag) => `\`<${tag}>\``).join(', ')} in text dropped (its text is kept): fixset emits no HTML, not even escaped`, 'leftover-html', place)
    const line = place?.start.line ?? null
    recordChange(file, {ruleId: 'leftover-html', action: 'repaired', startLine: line, endLine: place?.end.line ?? line, bytes: 0})
    return text
  }
  visit(tree, (node) => {
    if (node.type === 'text') node.value = strip(node.value, 'pre', node.position)
    if (node.type === 'image' && node.alt) node.alt = strip(node.alt, 'normal', node.position)
    if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.title) node.title = strip(node.title, 'normal', node.position)
  })
}

const knownTags = new Set(htmlTagNames)

/** `<Name>` or `<Name/>` alone, where Name is no HTML element. */
function isPlaceholder(value: string): boolean {
  const match = /^<([A-Za-z][\w.-]*)\s*\/?>$/.exec(value.trim())
  return match !== null && !knownTags.has(match[1]!.toLowerCase())
}
