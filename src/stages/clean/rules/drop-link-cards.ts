/**
 * Rule `link-card`: a box of related-story cards ("More Reading"): a bullet
 * list whose every item opens with the card's picture and goes on with the
 * story's title and blurb. Scraped, the picture lost its `!` and became a
 * link to the image file with the alt text as its text
 * (`[VSCO](https://…/more-reading/vsco-s.jpg)  What Is VSCO - Overview…`),
 * which no article writes: a link to a picture is written as an image.
 * Numbered lists are steps and stay.
 */
import type {ListItem, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {removeNodes} from '../util.js'

const imageFile = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#].*)?$/i

export default function remarkDropLinkCards() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'link-card', (node) => node.type === 'list' && node.ordered !== true && node.children.length > 0 && node.children.every(isCard), 'blocks')
  }
}

/** An item whose first content is a text-only link to an image file, with text after it. */
function isCard(item: ListItem): boolean {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return false
  const [first, ...rest] = paragraph.children.filter((child) => child.type !== 'text' || child.value.trim() !== '')
  if (first?.type !== 'link' || !imageFile.test(first.url)) return false
  if (first.children.some((child) => child.type === 'image')) return false
  const after = rest.map((child) => toString(child)).join(' ') + item.children.slice(1).map((child) => toString(child)).join(' ')
  return after.trim().split(/\s+/).length >= 3
}
