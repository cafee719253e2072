/**
 * Rule `escaped-html`: HTML the Markdown parser did not read as HTML
 * (`<img src=x onerror=alert('1')>`, whose quote CommonMark does not allow in
 * an unquoted attribute, or `&lt;script&gt;`) is text, and would reach the
 * output escaped (`\<img …>`). It is markup all the same, so its tags go,
 * with a warning, from text, image alt text and link and image titles (via
 * `stripMarkup`, which parses it as HTML); their text stays. Tags that are no
 * HTML element (`<ProductCode>`) are placeholders and stay. Code keeps what it
 * says. Runs after `html-to-markdown`, which turns real HTML into mdast.
 */
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {recordChange, warn} from '../../../diagnostics.js'
import {visit} from '../../../walk.js'
import {stripMarkup} from '../../plain-text.js'

export default function remarkDropEscapedTags() {
  return function (tree: Root, file: VFile) {
    const strip = (value: string, whitespace: 'normal' | 'pre', place: Position | undefined): string => {
      if (!value.includes('<')) return value
      const {value: text, tags} = stripMarkup(value, whitespace)
      if (tags.length === 0) return value
      warn(file, `HTML ${[...new Set(tags)].map((tag) => `\`<${tag}>\``).join(', ')} in text dropped (its text is kept): fixset emits no HTML, not even escaped`, 'escaped-html', place)
      const line = place?.start.line ?? null
      recordChange(file, {ruleId: 'escaped-html', action: 'repaired', startLine: line, endLine: place?.end.line ?? line, bytes: 0})
      return text
    }
    visit(tree, (node) => {
      if (node.type === 'text') node.value = strip(node.value, 'pre', node.position)
      if (node.type === 'image' && node.alt) node.alt = strip(node.alt, 'normal', node.position)
      if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.title) node.title = strip(node.title, 'normal', node.position)
    })
  }
}
