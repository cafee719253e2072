/**
 * Rule `tracking-pixel`: remove invisible images that only report a page view
 * (`<img width="0" height="0">`, 1×1 images, hidden by style).
 */
import type {Element} from 'hast'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {htmlElements, removeNodes} from '../util.js'

export default function remarkStripTrackingPixels() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'tracking-pixel', (node) => {
      if (node.type !== 'html') return false
      const elements = htmlElements(node.value)
      return elements.length > 0 && elements.every(isTrackingPixel)
    })
  }
}

export function isTrackingPixel(element: Element): boolean {
  if (element.tagName !== 'img') return false
  const size = (name: string) => Number.parseInt(String(element.properties[name] ?? ''), 10)
  const style = String(element.properties['style'] ?? '').replace(/\s+/g, '').toLowerCase()
  return size('width') <= 1 || size('height') <= 1 || style.includes('visibility:hidden') || style.includes('display:none')
}
