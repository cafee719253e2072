/**
 * Rule `product-box`: a software vendor's product box set into its how-to
 * articles: a label ("Best Way to Rip and Convert DVD Movies on Windows",
 * "Main features of …:"), the product's picture and bold name, a blurb
 * naming it, a list of its features, and the download button that closes
 * the box (`Free Download`, `Download for Free`, `→ Install and Explore
 * More...`). The button is what tells the box: the blocks right before it,
 * back to the first that is no part of a box, go with it.
 *
 * Parts of a box: a paragraph of pictures only, a short bold line, a label
 * (at most `maxLabelWords` words, no sentence's full stop inside), a bullet
 * list or `●` lines of short features, an italic note, and a longer
 * paragraph only when it names the product the box shows (a picture's alt
 * text or the bold name) or sits right under its picture or name: the
 * author's own paragraph before a box does neither, or it is about the tool
 * and stays (the box then starts after it). Never part of a
 * box: headings, numbered lists and step paragraphs (`1\. …`, `Step 2: …`),
 * code, tables, quotes. A button with no box part before it is left to the
 * line rules.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {stepMarkerOf} from '../../extract/procedure.js'
import {isBlank, lineText, recordRemoval, splitLines} from '../util.js'

/** A download button as its text reads once its link is gone; two may share a line. */
const button = /^(?:(?:→ ?)?(?:Free Download|Download (?:Now|for Free|Free Trial)|Install and Explore More)(?:\.{0,3}| Compatible with .{1,60}?100% (?:Clean|Safe|Secure)(?: & Safe)?) ?)+$/iu
/** A label or a feature has at most this many words. */
const maxLabelWords = 15
/** A feature line starts with a bullet character. */
const featureBullet = /^[●•✓✔√◆▶►-]\s?/u

export default function remarkDropProductBoxes() {
  return function (tree: Root, file: VFile) {
    const children = tree.children
    for (let index = children.length - 1; index >= 0; index--) {
      if (!endsWithButton(children[index]!)) continue
      const start = boxStart(children, index)
      if (start === index && !isFeatureLines(children[index]!)) continue
      for (const removed of children.slice(start, index + 1)) recordRemoval(file, removed, 'product-box')
      children.splice(start, index + 1 - start)
      index = start
    }
  }
}

/**
 * Whether a paragraph is a download button, or its last line is one (features
 * then `→ Install and Explore More...`); or a bullet list of features whose
 * last item closes on the button.
 */
function endsWithButton(node: Nodes): boolean {
  if (node.type === 'list') {
    const last = node.children.at(-1)?.children.at(-1)
    return node.ordered !== true && last !== undefined && endsWithButton(last)
  }
  if (node.type !== 'paragraph') return false
  const lines = splitLines(node.children).map(lineText).filter((line) => line !== '')
  return lines.length > 0 && button.test(lines.at(-1)!)
}

/** The first block of the box that `end` closes. */
function boxStart(children: readonly RootContent[], end: number): number {
  let start = end
  while (start > 0 && isBoxPart(children[start - 1]!)) start--
  // A longer paragraph is the box's blurb only when it names what the box shows or sits right under its picture or name;
  // the box starts after the last one that does not.
  const names = children.slice(start, end + 1).flatMap(productNames)
  for (let index = end - 1; index >= start; index--) {
    const node = children[index]!
    if (!isLongParagraph(node)) continue
    if (!isUnderProduct(children, index, start) && !names.some((name) => toString(node).includes(name))) return index + 1
  }
  return start
}

/**
 * Whether the paragraph at `index` sits right under the box's product: its
 * bold name, or its picture under the box's label ("All-in-one Video Editor,
 * Converter & Downloader", then the picture, then the blurb). A screenshot
 * between two paragraphs of the article has no label over it.
 */
function isUnderProduct(children: readonly RootContent[], index: number, start: number): boolean {
  const above = children[index - 1]
  if (index - 1 < start || above === undefined) return false
  if (isBold(above)) return true
  const label = children[index - 2]
  return isPictures(above) && productNames(above).length > 0 && index - 2 >= start && label !== undefined && isLabel(label)
}

function isLabel(node: RootContent): boolean {
  return node.type === 'paragraph' && !isPictures(node) && wordCount(node) <= maxLabelWords && !/[.!?]\s+\S/u.test(toString(node))
}

function isBold(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const parts = node.children.filter((child) => !isBlank(child))
  return parts.length > 0 && parts.every((child) => child.type === 'strong')
}

function isBoxPart(node: RootContent): boolean {
  if (node.type === 'list') return node.ordered !== true && node.children.every((item) => wordCount(item) <= maxLabelWords * 2)
  if (node.type !== 'paragraph') return false
  const text = toString(node).replace(/\s+/g, ' ').trim()
  if (stepMarkerOf(text) !== null) return false
  if (isPictures(node) || isFeatureLines(node) || endsWithButton(node)) return true
  if (isLongParagraph(node)) return true
  return !/[.!?]\s+\S/u.test(text)
}

/** A paragraph of more words than a label, other than pictures, feature lines and an italic note (the box's "Please do not use it to…"). */
function isLongParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && !isPictures(node) && !isFeatureLines(node) && !isItalic(node) && wordCount(node) > maxLabelWords
}

function isItalic(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const parts = node.children.filter((child) => !isBlank(child))
  return parts.length > 0 && parts.every((child) => child.type === 'emphasis')
}

/** The names a box shows its product by: its pictures' alt texts and its bold lines. */
function productNames(node: RootContent): string[] {
  if (node.type !== 'paragraph') return []
  const names: string[] = []
  const collect = (child: Nodes) => {
    if (child.type === 'image' && child.alt) names.push(child.alt.trim())
    else if ('children' in child) for (const part of child.children) collect(part as Nodes)
  }
  collect(node)
  if (isBold(node)) names.push(toString(node).trim())
  return names.filter((name) => name.split(/\s+/).length >= 2)
}

/** A paragraph of pictures only (linked or not). */
function isPictures(node: Nodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true
  if (node.type !== 'paragraph' && node.type !== 'link') return false
  const parts = node.children.filter((child) => !isBlank(child))
  return parts.length > 0 && parts.every((child) => isPictures(child))
}

/** A paragraph of two or more `●` feature lines (a button may close it). */
function isFeatureLines(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const lines = splitLines(node.children).map(lineText).filter((line) => line !== '' && !button.test(line) && !/^\.+$/.test(line))
  return lines.length >= 2 && lines.every((line) => featureBullet.test(line))
}

function wordCount(node: Nodes): number {
  return toString(node).split(/\s+/).filter(Boolean).length
}
