/**
 * Rule `tracking-pixel`: remove invisible images that only report a page view
 * (`<img width="0" height="0">`, 1×1 images, hidden by style).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {isTrackingPixel} from '../../html.js'
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

export {isTrackingPixel}
