/**
 * Rule `comment-invite`: the blog's closing call to comment ("If you have any
 * questions, please leave your comment below.", "you're more than welcome to
 * leave a comment below to share your results"), with the courtesies after
 * it ("We'd love to hear of any ideas or suggestions.", "Thanks.", an emoji).
 * It points at a comment box the fix set does not have. Only the sentences
 * that end the paragraph go, from the invitation on: the article's own last
 * words before it ("Hope you can fix the issue with the methods above.") stay.
 * A paragraph that is nothing else goes whole.
 */
import type {Paragraph, PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {SKIP} from '../../../walk.js'
import {recordRemoval, visitBlocks} from '../util.js'

const invitation =
  /\b(?:leave (?:us |me )?(?:a |your )?(?:comments?|messages?|reply) (?:below|here|in the comments?(?: section)?)|comment below|comments? section below|let us know in the comments)\b/i
/** What may follow the invitation: thanks, "we'd love to hear…", a sentence without words (an emoji). */
const courtesy = /^(?:(?:many )?thanks?(?: you)?(?: (?:for reading|in advance))?|cheers|we['’]d love to hear (?:of |from )?(?:you|any)[^.!?]*|(?:your )?(?:ideas|suggestions|feedback) (?:are|is) (?:always )?welcome[^.!?]*)[.!]*$|^[^\p{L}\p{N}]*$/iu
const sentence = /[^.!?]+(?:[.!?]+|$)\s*/gu

export default function remarkTrimCommentInvites() {
  return function (tree: Root, file: VFile) {
    visitBlocks(tree, (node, index, parent) => {
      if (node.type !== 'paragraph' || !parent || index === undefined) return
      const text = toString(node)
      const cut = invitationStart(text)
      if (cut === undefined) return
      if (text.slice(0, cut).trim() === '') {
        recordRemoval(file, node, 'comment-invite')
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      const kept = truncate(node.children, cut)
      if (!kept) return
      node.children = kept
      const line = node.position?.end.line ?? null
      recordChange(file, {ruleId: 'comment-invite', action: 'removed', startLine: line, endLine: line, bytes: Buffer.byteLength(text.slice(cut))})
      return undefined
    })
  }
}

/** Where the closing invitation starts in a paragraph's text, when the text ends with it (and courtesies). */
export function invitationStart(text: string): number | undefined {
  const sentences = [...text.matchAll(sentence)]
  let start: number | undefined
  for (let at = sentences.length - 1; at >= 0; at--) {
    const words = sentences[at]![0].trim()
    if (invitation.test(words)) start = sentences[at]!.index
    else if (!courtesy.test(words)) break
  }
  return start
}

/** The phrasing content before `offset` characters of its text, or undefined when a link or emphasis straddles the cut. */
function truncate(children: readonly PhrasingContent[], offset: number): Paragraph['children'] | undefined {
  const kept: PhrasingContent[] = []
  let at = 0
  for (const child of children) {
    const length = toString(child).length
    if (at + length <= offset) {
      kept.push(child)
      at += length
      continue
    }
    if (at < offset) {
      if (child.type !== 'text') return undefined
      kept.push({...child, value: child.value.slice(0, offset - at)})
    }
    break
  }
  const last = kept.at(-1)
  if (last?.type === 'text') kept[kept.length - 1] = {...last, value: last.value.trimEnd()}
  return kept
}
