/**
 * Rule `adsense`: remove AdSense slots.
 *
 * A slot is `<ins class="adsbygoogle" …></ins>`, usually written over several
 * lines, so CommonMark reads it as a paragraph of inline HTML: the opening tag
 * and the closing `</ins>` are separate `html` nodes. The loader
 * `<script … adsbygoogle …>` and its `push({})` call go too.
 */
import type {Element} from 'hast'
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {defaultConfig} from '../../../config.js'
import {closingTag, hasClass, htmlElements, removeNodes} from '../util.js'

export interface StripAdsenseOptions {
  /** `class` values that mark a slot (default: the configuration's `adsenseClasses`). */
  classes?: readonly string[]
}

export default function remarkStripAdsense(options: StripAdsenseOptions = {}) {
  const classes = options.classes ?? defaultConfig.adsenseClasses
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'adsense', (node, index, parent) => {
      if (node.type !== 'html') return false
      if (isAdsense(node.value, classes)) return true
      // The `</ins>` of a slot whose opening tag was removed a moment ago.
      return closingTag(node) === 'ins' && !parent.children.slice(0, index).some(isOpeningIns)
    })
  }
}

function isOpeningIns(node: Nodes): boolean {
  return node.type === 'html' && /^<ins\b/i.test(node.value.trim())
}

/** Whether every element in the fragment belongs to an AdSense slot. */
function isAdsense(value: string, classes: readonly string[]): boolean {
  const elements = htmlElements(value)
  return elements.length > 0 && elements.every((element) => isSlotElement(element, classes))
}

function isSlotElement(element: Element, classes: readonly string[]): boolean {
  if (element.tagName === 'ins') return hasClass(element, classes)
  if (element.tagName === 'script') {
    const src = element.properties['src']
    return (typeof src === 'string' && src.includes('adsbygoogle')) || JSON.stringify(element.children).includes('adsbygoogle')
  }
  return false
}

