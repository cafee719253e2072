/**
 * Rule `empty-heading`: headings that end the article with nothing under them
 * once the other rules took their box (W3Schools' `## Go Exercises` over its
 * "Track your progress" and certificate buttons, a "Share" heading over its
 * icons) are no section of the article. It runs after `empty-block`, so a
 * heading over blocks the rules only emptied counts as over nothing. A
 * heading with nothing but headings before it stays: it may be the title.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {recordRemoval} from '../util.js'

export default function remarkDropTrailingHeadings() {
  return function (tree: Root, file: VFile) {
    const children = tree.children
    while (children.at(-1)?.type === 'heading' && children.some((child) => child.type !== 'heading')) {
      recordRemoval(file, children.at(-1)!, 'empty-heading')
      children.pop()
    }
  }
}
