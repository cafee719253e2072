/**
 * Rule `comment-thread`: readers' comments under the article (WordPress
 * themes print them as a list): each comment is an avatar, a name, a date
 * (`October 3, 2020 at 9:33 pm`), the comment's text and a `Reply` button.
 * A list goes when every item is such a comment (it has a date line or a
 * `Reply` line, or opens with an avatar) and one at least ends in `Reply`;
 * a paragraph goes when it holds a `Reply` line after its first and a date
 * line or an avatar (comments whose list markup broke). The heading over the thread ("2 thoughts on …")
 * is `chrome-section`'s.
 */
import type {ListItem, Nodes, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {dateLinePattern} from '../date-line.js'
import {lineText, removeNodes, splitLines} from '../util.js'

const dateLine = new RegExp(dateLinePattern, 'iu')
const replyLine = /^Reply(?: ↓)?$/i
/** Avatar services and theme folders: `secure.gravatar.com/avatar/…`, `…/avatar/carina.png`. */
const avatarUrl = /gravatar\.com\/|\/avatars?\//i

export default function remarkDropCommentThreads() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'comment-thread', (node) => isCommentList(node) || (node.type === 'paragraph' && isComment(paragraphLines(node))), 'blocks')
  }
}

function isCommentList(node: Nodes): boolean {
  if (node.type !== 'list' || node.children.length === 0) return false
  const items = node.children.map(itemLines)
  return items.every((lines) => lines.some((line) => dateLine.test(lineText(line)) || replyLine.test(lineText(line))) || opensWithAvatar(lines)) && items.some(endsInReply)
}

/**
 * Comments written as one paragraph (their list markup broke): a `Reply`
 * line after the first, and a date line or an avatar.
 */
function isComment(lines: PhrasingContent[][]): boolean {
  // Every paragraph is asked, and nearly none has a `Reply` line: the date lines are only looked for after one.
  if (!lines.slice(1).some((line) => replyLine.test(lineText(line)))) return false
  return lines.some((line) => dateLine.test(lineText(line))) || lines.some(holdsAvatar)
}

function endsInReply(lines: PhrasingContent[][]): boolean {
  const texts = lines.map(lineText).filter((text) => text !== '')
  return texts.length > 1 && replyLine.test(texts.at(-1)!)
}

function opensWithAvatar(lines: PhrasingContent[][]): boolean {
  const first = lines[0]?.find((node) => node.type !== 'text' || node.value.trim() !== '')
  return first?.type === 'image' && avatarUrl.test(first.url)
}

function holdsAvatar(line: PhrasingContent[]): boolean {
  return line.some((node) => node.type === 'image' && avatarUrl.test(node.url))
}

function itemLines(item: ListItem): PhrasingContent[][] {
  return item.children.flatMap((child) => (child.type === 'paragraph' ? paragraphLines(child) : []))
}

function paragraphLines(node: Nodes): PhrasingContent[][] {
  return node.type === 'paragraph' ? splitLines(node.children) : []
}
