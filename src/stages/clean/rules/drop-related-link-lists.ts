/**
 * Rule `related-list`: a "Related links" / "See also" / "Further reading"
 * label set as a paragraph (bold or plain, not a heading) over a list of
 * links and nothing else: the page's related-content box, wherever it sits
 * (documentation pages put it before "Next steps", blogs before the comments).
 * The label and the list go together. A label over a list that holds any
 * text of its own stays, and so does a link list with no such label.
 */
import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {isLinkList, recordRemoval} from '../util.js'

const relatedLabel =
  /^(?:related(?: links| information| articles| posts| reading| resources| content| stories| guides| topics| tutorials)?|see also|further reading|more reading|additional resources|more resources|useful links|recommended (?:reading|articles|posts)|you (?:may|might) also like|read (?:more|next)|more (?:articles|stories|posts|guides) from [\w .-]+)\s*:?$/i

export default function remarkDropRelatedLinkLists() {
  return function (tree: Root, file: VFile) {
    for (let index = tree.children.length - 2; index >= 0; index--) {
      const label = tree.children[index]!
      const list = tree.children[index + 1]!
      if (!isRelatedLabel(label) || !isLinkList(list)) continue
      recordRemoval(file, label, 'related-list')
      recordRemoval(file, list, 'related-list')
      tree.children.splice(index, 2)
    }
  }
}

function isRelatedLabel(node: Nodes): boolean {
  return node.type === 'paragraph' && relatedLabel.test(toString(node).trim())
}
