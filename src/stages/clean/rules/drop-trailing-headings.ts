/**
 * Rule `empty-heading`: headings that end the article with nothing under them
 * once the other rules took their box (W3Schools' `## Go Exercises` over its
 * "Track your progress" and certificate buttons, a "Share" heading over its
 * icons) are no section of the article. It runs after `empty-block`, so a
 * heading over blocks the rules only emptied counts as over nothing. A
 * heading with nothing but headings before it stays: it may be the title.
 */
import type {Heading, Root} from 'mdast'
import type {VFile} from 'vfile'
import {recordRemoval} from '../util.js'

export default function remarkDropTrailingHeadings() {
  return function (tree: Root, file: VFile) {
    const children = tree.children
    const source = String(file.value)
    for (let last = children.at(-1); last?.type === 'heading' && children.some((child) => child.type !== 'heading'); last = children.at(-1)) {
      if (!emptiedByRules(last, source)) return
      recordRemoval(file, last, 'empty-heading')
      children.pop()
    }
  }
}

/**
 * Whether the source had text after the heading that the rules removed: a
 * heading that ends the source itself (a clip cut short, a change log of
 * headings) is the article's own last word and stays.
 */
function emptiedByRules(heading: Heading, source: string): boolean {
  const end = heading.position?.end.offset
  return end !== undefined && source.slice(end).trim() !== ''
}
