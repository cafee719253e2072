/**
 * Rule `lightbox-close`: the "Close" label of a picture's lightbox button,
 * scraped as the word right after an image in the same line (How-To Geek's
 * product cards: `[![Case](…) Spigen ![badge](…) Close](…)`). Once images are
 * set apart from the text, it would be a paragraph saying "Close". Only the
 * word alone after an image goes; "Close the lid" after a screenshot stays.
 */
import type {Parent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {SKIP, visit} from '../../../walk.js'
import {recordRemoval} from '../util.js'

export default function remarkDropLightboxClose() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'text', (node, index, parent?: Parent) => {
      if (!parent || index === undefined || index === 0) return
      if (node.value.trim() !== 'Close') return
      if (parent.children[index - 1]?.type !== 'image') return
      recordRemoval(file, node, 'lightbox-close')
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}
