/**
 * Rule `heading-permalink`: the "link to this heading" anchor that documentation
 * generators put in every heading. Two shapes survive a clipper:
 *
 * - a link whose text is only a mark (Sphinx's `¶`, GitHub's and Docusaurus'
 *   `#` or zero-width space, `🔗`, `§`), which once links are cleaned is glued
 *   to the title (`Prerequisites¶`): it goes;
 * - the heading's whole text as a link to its own fragment (mdBook, Hugo,
 *   Docker's docs: `## [Overview](https://docs.docker.com/x/#overview)`),
 *   which makes every section title a link to itself: it becomes its text.
 *
 * A heading linked to anything else (another page, another section's
 * fragment) keeps its link. Runs before link cleaning, while the anchor is
 * still a link.
 */
import type {Heading, Link, Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {visit} from '../../../walk.js'
import {decodeFragment, isPermalinkMark} from '../../html-anchors.js'
import {recordRemoval} from '../util.js'

export default function remarkDropHeadingPermalinks() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'heading', (heading) => {
      dropMarks(heading, file)
      unwrapSelfLink(heading, file)
    })
  }
}

function dropMarks(heading: Heading, file: VFile): void {
  const kept = heading.children.filter((child) => !isPermalink(child))
  if (kept.length === heading.children.length) return
  for (const child of heading.children) if (isPermalink(child)) recordRemoval(file, child, 'heading-permalink')
  heading.children = kept
}

/** A mark-only link; an empty or zero-width one only when it points at a fragment (else `empty-link` reports it). */
function isPermalink(node: Nodes): boolean {
  if (node.type !== 'link') return false
  const text = toString(node)
  return isPermalinkMark(text) && (text.trim() !== '' || node.url.includes('#'))
}

function unwrapSelfLink(heading: Heading, file: VFile): void {
  const content = heading.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const link = content.length === 1 && content[0]!.type === 'link' ? content[0] : undefined
  if (link === undefined || !linksToItself(link)) return
  heading.children = heading.children.flatMap((child) => (child === link ? link.children : [child]))
  recordChange(file, {ruleId: 'heading-permalink', action: 'repaired', startLine: link.position?.start.line ?? null, endLine: link.position?.end.line ?? null, bytes: Buffer.byteLength(link.url)})
}

/** The link's fragment is the slug of its own text, whatever the generator's slug rules (letters and digits compared). */
function linksToItself(link: Link): boolean {
  const hash = link.url.indexOf('#')
  if (hash === -1) return false
  const slug = slugLetters(decodeFragment(link.url.slice(hash + 1)))
  return slug !== '' && slug === slugLetters(toString(link))
}

function slugLetters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

