/**
 * Phrasing content as steps need it: trimmed of blank runs, without its
 * leading marker, cut at its images (an icon inside a sentence stays out of
 * the words it sits among), and as inline Markdown without images.
 */
import type {Image, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {nodeToMarkdown} from '../../markdown.js'

export const plainOf = (children: readonly PhrasingContent[]): string => toString({type: 'paragraph', children: [...children]})

/** Drops leading and trailing breaks and blank text. */
export function trimPhrasing(children: readonly PhrasingContent[]): PhrasingContent[] {
  const blank = (node: PhrasingContent) => node.type === 'break' || (node.type === 'text' && node.value.trim() === '')
  let start = 0
  let end = children.length
  while (start < end && blank(children[start]!)) start++
  while (end > start && blank(children[end - 1]!)) end--
  return children.slice(start, end)
}

/**
 * Removes the first `count` characters of plain text from phrasing content
 * (the step marker), descending into emphasis and strong; nodes left empty go.
 */
export function dropLeadingText(children: readonly PhrasingContent[], count: number): PhrasingContent[] {
  const result: PhrasingContent[] = []
  let remaining = count
  for (const child of children) {
    if (remaining <= 0) {
      result.push(child)
      continue
    }
    if (child.type === 'text' || child.type === 'inlineCode') {
      const value = child.value.slice(remaining)
      remaining -= Math.min(remaining, child.value.length)
      if (value !== '') result.push({...child, value: remaining === 0 && child.type === 'text' ? value.replace(/^\s+/, '') : value})
      continue
    }
    if ('children' in child) {
      const length = toString(child).length
      const inner = dropLeadingText(child.children as PhrasingContent[], remaining)
      remaining -= Math.min(remaining, length)
      if (plainOf(inner).trim() !== '') result.push({...child, children: inner} as PhrasingContent)
      continue
    }
    result.push(child)
  }
  return trimPhrasing(result)
}

export type Segment = {type: 'image'; image: Image} | {type: 'text'; children: PhrasingContent[]}

/**
 * Phrasing content cut at its images; whitespace and breaks around images
 * go. An image inside a sentence (`press the ![](win.png) key and R`) is an
 * icon: the words around it stay one segment, the image follows them.
 */
export function splitAtImages(children: readonly PhrasingContent[]): Segment[] {
  const segments: Segment[] = []
  let run: PhrasingContent[] = []
  const flush = () => {
    const trimmed = trimPhrasing(run)
    if (trimmed.length > 0) segments.push({type: 'text', children: trimmed})
    run = []
  }
  for (const child of children) {
    if (child.type === 'image') {
      flush()
      segments.push({type: 'image', image: child})
    } else {
      run.push(child)
    }
  }
  flush()
  return joinAroundIcons(segments)
}

/** Text, image, text where the sentence runs on through the image: one text segment, then the image. */
function joinAroundIcons(segments: Segment[]): Segment[] {
  const result: Segment[] = []
  for (let index = 0; index < segments.length; index++) {
    const before = result.at(-1)
    const image = segments[index]!
    const after = segments[index + 1]
    if (image.type === 'image' && before?.type === 'text' && after?.type === 'text' && runsOn(before.children, after.children)) {
      result.pop()
      result.push({type: 'text', children: [...before.children, {type: 'text', value: ' '}, ...after.children]}, image)
      index++
    } else {
      result.push(image)
    }
  }
  return result
}

/** Whether the words after an image continue the sentence before it (no sentence end before, a lower-case word after). */
function runsOn(before: readonly PhrasingContent[], after: readonly PhrasingContent[]): boolean {
  return !/[.!?:;)\]]\s*$/.test(plainOf(before)) && /^\p{Ll}/u.test(plainOf(after).trim())
}

/** Phrasing content as inline Markdown without images, '' when nothing is left. */
export function inlineMarkdown(children: readonly PhrasingContent[]): string {
  const withoutImages = trimPhrasing(children.filter((child) => child.type !== 'image'))
  if (withoutImages.length === 0) return ''
  return nodeToMarkdown({type: 'paragraph', children: withoutImages})
}
