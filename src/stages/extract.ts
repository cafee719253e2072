/**
 * Stage 5, extract: a cleaned tree becomes a structured article.
 *
 * Rules, in order:
 * - A heading that opens the body (before any other content) is the article's
 *   own title (`headingTitle`); it is not a fix. A numbered one (`## 1. …`) is.
 * - The body is cut into sections at the shallowest heading depth used after
 *   that (usually `##`). Content before the first section is the intro.
 * - A section title like `1. Check …`, `Fix 2: …` or `Method 3 - …` is
 *   numbered. When any section is numbered, the unnumbered sections after the
 *   last numbered one are closing advice (the outro); otherwise a last section
 *   titled like a conclusion ("Conclusion", "Final thoughts", …) is.
 * - In a section, ordered-list items are steps, every image is an image,
 *   and every other block (paragraphs, bullet lists, tables, code, deeper
 *   headings) is text. Text and steps are inline Markdown, never HTML.
 * - A video found by the strip stage belongs to the section it stood in.
 *
 * The body is serialised once (`serializeBody`): the fix set's Markdown file is
 * that serialisation, and each text block and step is cut from it.
 */
import type {Heading, Image, List, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from '../walk.js'
import {serializeBody, type SerializedBody} from '../markdown.js'
import type {Video} from './videos.js'

export interface ImageRef {
  url: string
  alt: string | null
}

export interface Content {
  text: string[]
  steps: string[]
  images: ImageRef[]
  videos: Video[]
}

export interface Fix extends Content {
  number: number | null
  title: string
}

export interface Outro extends Content {
  title: string | null
}

export interface Article {
  /** The body's own opening heading, if it has one. */
  headingTitle: string | null
  intro: Content
  fixes: Fix[]
  outro: Outro | null
}

interface Section {
  heading: Heading | undefined
  nodes: RootContent[]
  startLine: number
}

const numberedTitle = /^(?:(?:fix|method|solution|way|step|tip|option)\s*)?#?(\d{1,3})\s*[.):\-–—]\s*(\S.*)$/i
const conclusionTitle = /^(?:conclusion|in conclusion|final (?:thoughts|words)|wrapping up|wrap up|summary|the bottom line|bottom line|to sum up)\b/i

/** Body nodes without frontmatter and the opening title heading, plus that title. */
export function splitTitle(tree: Root): {headingTitle: string | null; body: RootContent[]} {
  const body = tree.children.filter((node) => node.type !== 'yaml')
  const first = body[0]
  if (first?.type === 'heading' && first.depth <= 2 && !numberedTitle.test(toString(first).trim())) {
    return {headingTitle: toString(first).trim() || null, body: body.slice(1)}
  }
  return {headingTitle: null, body}
}

export interface Extracted {
  article: Article
  /** The body (without frontmatter and opening title heading) as Markdown. */
  body: string
}

export function extractArticle(tree: Root, videos: ReadonlyArray<Video & {line: number}>): Extracted {
  const {headingTitle, body} = splitTitle(tree)
  const serialized = serializeBody(body)
  const collectContent = (nodes: RootContent[], sectionVideos: Video[]) => collectSectionContent(nodes, sectionVideos, serialized)
  const sections = splitSections(body)
  const intro = sections[0]!.heading ? undefined : sections.shift()
  const videosBySection = assignVideos(videos, sections, intro)
  const numbers = sections.map((section) => parseNumber(section.heading!))
  const lastNumbered = numbers.findLastIndex((number) => number.number !== null)
  let fixCount = sections.length
  if (lastNumbered >= 0) fixCount = lastNumbered + 1
  else if (sections.length > 1 && conclusionTitle.test(numbers.at(-1)!.title)) fixCount = sections.length - 1

  const fixes = sections.slice(0, fixCount).map((section, index) => ({
    number: numbers[index]!.number,
    title: numbers[index]!.title,
    ...collectContent(section.nodes, videosBySection.get(section) ?? [])
  }))
  const closing = sections.slice(fixCount)
  const outro =
    closing.length === 0
      ? null
      : {
          title: numbers[fixCount]!.title,
          ...collectContent(
            closing.flatMap((section, index) => (index === 0 ? section.nodes : [section.heading!, ...section.nodes])),
            closing.flatMap((section) => videosBySection.get(section) ?? [])
          )
        }
  const article = {
    headingTitle,
    intro: collectContent(intro?.nodes ?? [], intro ? videosBySection.get(intro) ?? [] : []),
    fixes,
    outro
  }
  return {article, body: serialized.markdown}
}

/** Cuts the body at its shallowest heading depth; the first section has no heading when content precedes it. */
function splitSections(body: RootContent[]): Section[] {
  const depth = Math.min(7, ...body.flatMap((node) => (node.type === 'heading' ? [node.depth] : [])))
  const sections: Section[] = [{heading: undefined, nodes: [], startLine: 0}]
  for (const node of body) {
    if (node.type === 'heading' && node.depth === depth) {
      sections.push({heading: node, nodes: [], startLine: node.position?.start.line ?? 0})
    } else {
      sections.at(-1)!.nodes.push(node)
    }
  }
  if (sections[0]!.nodes.length === 0 && sections.length > 1) sections.shift()
  return sections
}

function parseNumber(heading: Heading): {number: number | null; title: string} {
  const text = toString(heading).replace(/\s+/g, ' ').trim()
  const match = numberedTitle.exec(text)
  return match ? {number: Number(match[1]), title: match[2]!.trim()} : {number: null, title: text}
}

function assignVideos(videos: ReadonlyArray<Video & {line: number}>, sections: Section[], intro: Section | undefined) {
  const bySection = new Map<Section, Video[]>()
  for (const {line, ...video} of videos) {
    const owner = sections.findLast((section) => section.startLine <= line) ?? intro ?? sections[0]
    if (!owner) continue
    const list = bySection.get(owner) ?? []
    if (!list.some((known) => known.id === video.id)) list.push(video)
    bySection.set(owner, list)
  }
  return bySection
}

/** A section's blocks sorted into text, steps and images; `nodes` are top-level blocks of the serialised body. */
function collectSectionContent(nodes: RootContent[], videos: Video[], serialized: SerializedBody): Content {
  const content: Content = {text: [], steps: [], images: [], videos}
  for (const node of nodes) {
    visit(node, 'image', (image: Image) => {
      content.images.push({url: image.url, alt: image.alt?.trim() || null})
    })
    if (node.type === 'list' && node.ordered) {
      content.steps.push(...stepsOf(node, serialized))
    } else if (!(node.type === 'paragraph' && node.children.every((child) => child.type === 'image' || isWhitespace(child)))) {
      if (node.type !== 'thematicBreak') content.text.push(serialized.partOf(node))
    }
  }
  return content
}

function stepsOf(list: List, serialized: SerializedBody): string[] {
  return list.children.map((item) => serialized.partOf(item)).filter((step) => step !== '')
}

function isWhitespace(node: RootContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || node.type === 'break'
}
