/**
 * Rule `chrome-section`: page furniture written as a heading in the middle of
 * an article ("Newsletters", "ZDNET Recommends", "Related Articles", "Leave a
 * Comment", "2 thoughts on …") and sections made only of links (a site's
 * "Google" block of related stories).
 *
 * A chrome heading goes with the short blocks after it (the newsletter
 * blurb, the comment form, link lists), up to the next heading or the first
 * block long enough to be the article again: the section it interrupted goes
 * on. A heading whose blocks, up to the next heading, are two or more links
 * and nothing else goes with them; an "X Recommends" heading goes with the
 * links right after it; and so does a heading over one banner
 * alone (a picture without words linked to another page: a promo card).
 */
import type {Heading, Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {commentLabels, relatedLabels} from '../other-languages.js'
import {isBlank, recordRemoval, soleLink} from '../util.js'

const chromeTitle = new RegExp(
  `^(?:${String.raw`newsletters?|subscribe\b.*|sign up for\b.*|get (?:the|our) .*newsletter.*|stay on the cutting edge.*|recommended(?: for you| reading| articles| posts| videos)?|related(?: articles| posts| reading| stories| content| guides| videos| topics| products)?|similar (?:articles|posts)|you (?:may|might) also (?:like|enjoy)|more from .{1,40}|more (?:tech )?deals|featured (?:reviews|articles|stories)|read (?:more|next|also)|see also|also read|popular (?:posts|articles)|trending(?: now)?|latest (?:videos|news)(?: from .{1,40})?|editors?'? picks?|\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to) .+|comments?|leave a (?:comment|reply)\b.*|post a comment|add a comment|share (?:this|on).*|about the author|author bio|tags?|categories|advertisement|sponsored(?: content)?|we can help you every time.*`}|${relatedLabels}|${commentLabels}) ?:?$`,
  'i'
)
/**
 * A site's "X Recommends" box: its story links go with it, and the text
 * right after them is the article again however short (the line rule
 * `promo-heading` takes the heading when no links follow it).
 */
const recommendsTitle = /^[\w.-]+ recommends$/i
/** A block with more words than this is the article again, not chrome. */
const maxChromeWords = 30

export default function remarkDropChromeSections() {
  return function (tree: Root, file: VFile) {
    const children = tree.children
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!
      if (node.type !== 'heading') continue
      const title = headingText(node)
      const end = chromeTitle.test(title) ? endOfChrome(children, index) : recommendsTitle.test(title) ? linksAfter(children, index) : linkOnlySectionEnd(children, index)
      if (end === undefined) continue
      for (const removed of children.slice(index, end)) recordRemoval(file, removed, 'chrome-section')
      children.splice(index, end - index)
      index--
    }
  }
}

function headingText(heading: Heading): string {
  return toString(heading).replace(/\s+/g, ' ').trim()
}

/** Where the chrome after a chrome heading ends: the next heading, or the first block that reads as article text. */
function endOfChrome(children: readonly RootContent[], start: number): number {
  let end = start + 1
  while (end < children.length) {
    const node = children[end]!
    if (node.type === 'heading') break
    if (!isLinkOnly(node) && wordCount(node) > maxChromeWords) break
    end++
  }
  return end
}

/**
 * The end of a heading's section when it holds two or more links and nothing
 * else, or one banner (a picture linked to another page, with no words: the
 * heading is the card's title, "Career change: How I became a web developer"
 * over its banner), else undefined.
 */
function linkOnlySectionEnd(children: readonly RootContent[], start: number): number | undefined {
  let end = start + 1
  let links = 0
  while (end < children.length && children[end]!.type !== 'heading') {
    const node = children[end]!
    if (!isLinkOnly(node) && !isBanner(node)) return undefined
    links += countLinks(node)
    end++
  }
  const banner = end === start + 2 && isBanner(children[start + 1]!)
  return links >= 2 || banner ? end : undefined
}

/** A paragraph that is one link holding only a picture without alt text: a promo card's banner. */
function isBanner(node: RootContent): boolean {
  const link = soleLink(node)
  if (link === undefined || toString(node).trim() !== '') return false
  const parts = link.children.filter((child) => !isBlank(child))
  return parts.length === 1 && parts[0]!.type === 'image'
}

/** The end of the link-only blocks right after a heading, or undefined when there is none. */
function linksAfter(children: readonly RootContent[], start: number): number | undefined {
  let end = start + 1
  while (end < children.length && children[end]!.type !== 'thematicBreak' && isLinkOnly(children[end]!)) end++
  return end > start + 1 ? end : undefined
}

/** A paragraph or list whose text is all inside links. */
function isLinkOnly(node: RootContent): boolean {
  if (node.type === 'thematicBreak') return true
  if (node.type !== 'paragraph' && node.type !== 'list') return false
  const text = toString(node).replace(/\s+/g, '')
  if (text === '') return false
  let linked = ''
  walkLinks(node, (link) => (linked += toString(link).replace(/\s+/g, '')))
  return linked.length === text.length
}

function countLinks(node: Nodes): number {
  let count = 0
  walkLinks(node, () => count++)
  return count
}

function walkLinks(node: Nodes, onLink: (link: Nodes) => void): void {
  if (node.type === 'link') return onLink(node)
  if ('children' in node) for (const child of node.children) walkLinks(child as Nodes, onLink)
}

function wordCount(node: RootContent): number {
  return toString(node).split(/\s+/).filter(Boolean).length
}
