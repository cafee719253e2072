/**
 * Rule `related-link`: a link to another story of the site set as a
 * paragraph of its own between the article's paragraphs ("[Dell XPS 13
 * 2-in-1 Laptop Review](…)", "**Review:** [MacBook Air (M2, 2022): Sleeker,
 * faster…](…)", "[Is Dropbox Really Safe?](…)"): a related-story card that
 * lost its picture. Its text is a title (four words or more, no sentence's
 * full stop, no button's verb, no item's number; past eight words, or with
 * a parenthesis, a question or Title Case unless a short label ending in a
 * colon stands before it), and it stands
 * between other blocks at the top level, not after a lead-in ("Download it
 * here:") nor over a list or code it introduces.
 * Runs while links are still links (before affiliate links are unwrapped).
 */
import type {Nodes, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {productCardOf} from '../../product-card.js'
import {recordRemoval} from '../util.js'

/** A button's text, a file or a picture: not a story's title. */
const buttonVerb = /^(?:download|get|install|visit|click|go|try|buy|check|see|shop|order|view|sign|learn|watch|read|start|open|contact|join|subscribe|play)\b/i
/** A fix's or a part's title set as a link (`**Fix 4: Uninstall…**`, `1: Update your video driver`, `Part 4. …`): an item, never a card; "5 Things to Consider…" is a title. */
const numbered = /^(?:(?:fix|method|option|part|step|way|solution|tip)\s*(?:\d{1,2}|[ivx]{1,4})\b|(?:\d{1,2}|[ivx]{1,4})\s*[.:)])/i
const fileUrl = /\.(?:jpe?g|png|gif|webp|svg|pdf|zip|exe|msi|dmg|apk)(?:[?#].*)?$/i
const label = /^[\p{L} ]{1,24}:$/u
export default function remarkDropRelatedLinks() {
  return function (tree: Root, file: VFile) {
    const children = tree.children
    for (let index = 1; index < children.length - 1; index++) {
      if (!isRelatedLink(children[index]!, children[index - 1]!, children[index + 1]!)) continue
      recordRemoval(file, children[index]!, 'related-link')
      children.splice(index, 1)
      index--
    }
  }
}

function isRelatedLink(node: RootContent, before: RootContent, after: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const parts = flatten(node.children).filter((child) => child.type !== 'text' || child.value.trim() !== '')
  const link = parts.at(-1)
  if (link?.type !== 'link' || parts.length > 2) return false
  if (parts.length === 2 && !label.test(toString(parts[0]!).trim())) return false
  if (!/^https?:\/\//i.test(link.url) || fileUrl.test(link.url) || link.children.some((child) => child.type === 'image')) return false
  const text = toString(link).replace(/\s+/g, ' ').trim()
  const words = text.split(' ').length
  if (words < 4 || words > 20 || /[.:;,]$/.test(text) || buttonVerb.test(text) || numbered.test(text) || productCardOf(text) !== null) return false
  if (parts.length === 1 && (words > 8 || /[("“]/.test(text)) && !titleLike(text)) return false
  return !leadsIn(before) && !introduced(after)
}

/**
 * A long story's title, as sites set them: a question, or Title Case (most words
 * of four letters or more capitalised: "The Best Long-Range Routers of
 * 2024"). A reference in a sentence's words ("Here is an example (look at
 * the part labelled…)", "Python code security rules") is the author's own
 * link. A label before the link ("Review:", "More:") says it without this.
 */
function titleLike(text: string): boolean {
  if (text.endsWith('?')) return true
  const long = text.split(' ').filter((word) => /^\p{L}{4}/u.test(word))
  return long.length > 0 && long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length >= 0.75
}

/** Emphasis around the link is not a part of its own. */
function flatten(children: readonly PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child) => (child.type === 'strong' || child.type === 'emphasis' ? flatten(child.children) : [child]))
}

function leadsIn(before: Nodes): boolean {
  return before.type === 'paragraph' && /:\s*$/.test(toString(before))
}

function introduced(after: Nodes): boolean {
  return after.type === 'code' || (after.type === 'list' && after.ordered === true)
}
