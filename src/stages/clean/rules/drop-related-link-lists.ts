/**
 * Rule `related-list`: a "Related links" / "See also" / "Further reading"
 * label set as a paragraph (bold or plain, not a heading) over a list of
 * links and nothing else: the page's related-content box, wherever it sits
 * (documentation pages put it before "Next steps", blogs before the comments).
 * The label and the list go together. A label over a list that holds any
 * text of its own stays, and so does a link list with no such label, but
 * for a box of three or more stories set between two paragraphs of prose
 * that do not lead into it.
 */
import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {relatedLabels} from '../other-languages.js'
import {isLinkList, recordRemoval, soleLink} from '../util.js'

const relatedLabel = new RegExp(`^(?:${String.raw`related(?: links| information| articles| posts| reading| resources| content| stories| guides| topics| tutorials)?|see also|further reading|more reading|additional resources|more resources|useful links|recommended (?:reading|articles|posts)|you (?:may|might) also like|read (?:more|next)|more (?:articles|stories|posts|guides) from [\w .-]+`}|${relatedLabels})\\s*:?$`, 'i')

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
    for (let index = tree.children.length - 2; index > 0; index--) {
      if (!isInsertedLinkList(tree.children, index)) continue
      recordRemoval(file, tree.children[index]!, 'related-list')
      tree.children.splice(index, 1)
    }
  }
}

/** Stories a box lists, and the words of a story's title in one. */
const minInsertedLinks = 3
const maxTitleWords = 10

/**
 * A related-stories box with no label, set between two paragraphs of prose
 * (ZDNET's `* [Best security keys](…)` / `* [The fastest VPNs](…)` inside a
 * news story): a list of three or more links, each a short title of another
 * page, that the paragraph before does not lead into (no colon) and that
 * prose goes on after. A list the text introduces ("the tools are:") stays.
 */
function isInsertedLinkList(children: readonly Nodes[], index: number): boolean {
  const list = children[index]!
  const before = children[index - 1]!
  const after = children[index + 1]!
  if (list.type !== 'list' || list.children.length < minInsertedLinks || !isLinkList(list)) return false
  if (before.type !== 'paragraph' || after.type !== 'paragraph' || /[:：]\s*$/u.test(toString(before))) return false
  const urls = new Set<string>()
  for (const item of list.children) {
    const link = soleLink(item.children[0]!)!
    if (link.url.startsWith('#') || toString(link).trim().split(/\s+/).length > maxTitleWords) return false
    urls.add(link.url)
  }
  return urls.size === list.children.length
}

function isRelatedLabel(node: Nodes): boolean {
  return node.type === 'paragraph' && relatedLabel.test(toString(node).trim())
}
