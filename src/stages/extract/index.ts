/**
 * Stage 5, extract: a cleaned tree becomes a structured article.
 *
 * - A heading that opens the body is the article's own title
 *   (`headingTitle`), not an item; so is a numbered one (`## 1. <title>`)
 *   when no other heading of its level is numbered.
 * - Bold lead paragraphs that are methods become headings (`promote.ts`), and
 *   so do the entries of an ordered list of bold-titled fixes (`fix-lists.ts`).
 * - The body becomes an outline of sections (`outline.ts`); `items.ts` picks
 *   the items at their true level, the FAQ, the conclusion (outro) and
 *   background sections.
 * - Each part becomes one ordered list of typed blocks with its step groups
 *   (`steps.ts`, `blocks.ts`); FAQ sections become questions and answers
 *   (`faq.ts`). Text is Markdown, never HTML.
 *
 * The body is serialised once (`serializeBody`): the fix set's Markdown file is
 * that serialisation, and every unchanged block and step is cut from it.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {serializeBody, type SerializedBody} from '../../markdown.js'
import {visit} from '../../walk.js'
import {parseSafeYaml} from '../frontmatter-yaml.js'
import type {Video} from '../videos.js'
import {contentOf, type Content} from './blocks.js'
import {isCodeExampleHeading, isWeighingHeading, offersAlternatives, type KindEvidence} from './kind.js'
import {faqOf, type FaqEntry} from './faq.js'
import {promoteFaqLabels} from './faq-label.js'
import {planItems, type Plan} from './items.js'
import {secondHeadlineIndex} from './headline.js'
import {isStepLabel, readLabel, type Label} from './labels.js'
import {contentNodes, flatten, headingText, outlineOf, type OutlineSection} from './outline.js'
import {promoteProductCards} from './product-cards.js'
import {promoteFixLists} from './fix-lists.js'
import {promoteBoldHeadings} from './promote.js'
import {BlockBuilder, type PositionedVideo} from './steps.js'

export type {Block, Content, ImageRef} from './blocks.js'
export type {FaqEntry} from './faq.js'
export {classifyKind, type ArticleKind, type KindEvidence} from './kind.js'

export interface Fix extends Content {
  number: number | null
  title: string
  /** The title of the group the fix belongs to (`Part 2: On Windows` → "On Windows"), or null. */
  group: string | null
}

export interface Section extends Content {
  title: string
  role: 'background' | 'other'
}

export interface Outro extends Content {
  title: string | null
}

export interface Article {
  /** The body's own opening heading, if it has one. */
  headingTitle: string | null
  intro: Content
  /** Content sections that are neither items nor conclusion (background, a wrapper's lead after the first item). */
  sections: Section[]
  fixes: Fix[]
  faq: FaqEntry[]
  outro: Outro | null
  /** What `classifyKind` reads, besides the title. */
  evidence: KindEvidence
}

export interface Extracted {
  article: Article
  /** The body (without frontmatter and opening title heading) as Markdown. */
  body: string
}

const maxTitleLineWords = 15

/** Body nodes without frontmatter and the opening title heading, plus that title. */
export function splitTitle(tree: Root): {headingTitle: string | null; body: RootContent[]} {
  const body = tree.children.filter((node) => node.type !== 'yaml')
  const frontmatter = tree.children.find((node) => node.type === 'yaml')
  const first = body[0]
  if (first?.type !== 'heading' || first.depth > 2) return {headingTitle: null, body}
  const label = readLabel(toString(first))
  const counted = countsEntries(first, label, body)
  if (label.number !== null && !counted && !restatesTitle(first, label.title, body, frontmatter?.type === 'yaml' ? frontmatter.value : null)) return {headingTitle: null, body}
  const title = (label.number !== null && !counted ? label.title : toString(first).replace(/\s+/g, ' ').trim()) || null
  return {headingTitle: title, body: body.slice(1)}
}

/** The index in `body` of a second headline after the title heading (`headline.ts`), or -1. */
function secondHeadline(headingTitle: string | null, body: readonly RootContent[], titles: () => ReadonlyArray<string | null>): number {
  if (headingTitle === null) return -1
  return secondHeadlineIndex(body, titles)
}

/**
 * The article's candidate titles (its heading title, its frontmatter's
 * `title`), for the rules that compare a heading or a count with them. The
 * frontmatter is parsed only when a rule asks (few do), and only once.
 */
function candidateTitles(tree: Root, headingTitle: string | null): () => ReadonlyArray<string | null> {
  let titles: ReadonlyArray<string | null> | undefined
  return () => {
    if (titles) return titles
    const frontmatter = tree.children.find((node) => node.type === 'yaml')
    titles = [headingTitle, frontmatter?.type === 'yaml' ? frontmatterTitleOf(frontmatter.value) : null]
    return titles
  }
}

/** The frontmatter's `title`, when it parses and is a string (enough to compare its words). */
function frontmatterTitleOf(yaml: string): string | null {
  try {
    const data = parseSafeYaml(yaml)
    const title = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['title'] : null
    return typeof title === 'string' ? title : null
  } catch {
    return null
  }
}

/**
 * Scraped pages often print the site's title heading and then the article's
 * own `#` heading: a level-one heading that is the body's only one and comes
 * before any other heading (after at most a few blocks) is a title too, not a
 * section holding the whole article. It stays in the Markdown.
 */
function withoutSecondTitle(body: RootContent[]): RootContent[] {
  const index = body.findIndex((node) => node.type === 'heading')
  const heading = body[index]
  if (heading?.type !== 'heading' || heading.depth !== 1 || index > 3) return body
  if (body.some((node, other) => other !== index && node.type === 'heading' && node.depth === 1)) return body
  return [...body.slice(0, index), ...body.slice(index + 1)]
}

/**
 * An opening `## Top 6 Common Errors in …` counts the entries below it: it is the article's title, not item 6
 * (unless its level holds other `Top N` headings: `## Top 1: Pandora`, `## Top 2: Spotify` are entries).
 */
function countsEntries(first: Heading, label: Label, body: readonly RootContent[]): boolean {
  if (label.kind !== 'top') return false
  return !body.slice(1).some((node) => node.type === 'heading' && node.depth === first.depth && readLabel(toString(node)).kind === 'top')
}

const commonWords = new Set('the and for with your you how what why when this that from are can its into not but all our has have will was were who which'.split(' '))

/**
 * A numbered opening heading (`## 1. <title>`) is the title when it restates
 * the frontmatter (more than half its significant words occur there), or,
 * without frontmatter, when no other heading of its level is numbered.
 */
function restatesTitle(first: Heading, title: string, body: readonly RootContent[], frontmatter: string | null): boolean {
  if (frontmatter !== null) {
    const words = (title.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((word) => !commonWords.has(word))
    const known = frontmatter.toLowerCase()
    return words.length > 0 && words.filter((word) => known.includes(word)).length * 2 > words.length
  }
  return !body.slice(1).some((node) => node.type === 'heading' && node.depth === first.depth && readLabel(toString(node)).number !== null)
}

/** Code in the body, at any depth: code blocks and inline code (`cargo build`, `Into<T>`). */
function countCode(body: readonly RootContent[]): number {
  let count = 0
  for (const node of body) {
    visit(node, (child) => {
      if (child.type === 'code' || child.type === 'inlineCode') count++
    })
  }
  return count
}

function sectionsCode(sections: readonly OutlineSection[]): number {
  return sections.reduce((sum, section) => sum + countCode(section.nodes) + sectionsCode(section.children), 0)
}

export function extractArticle(tree: Root, videos: readonly PositionedVideo[]): Extracted {
  const {headingTitle, body: rawBody} = splitTitle(tree)
  const titles = candidateTitles(tree, headingTitle)
  const body = promoteFaqLabels(promoteProductCards(promoteFixLists(promoteBoldHeadings(rawBody), titles)))
  const serialized = serializeBody(body)
  // The second headline and a second `#` title stay in the Markdown; the outline skips them.
  const headline = secondHeadline(headingTitle, body, titles)
  const outline = outlineOf(withoutSecondTitle(headline === -1 ? body : body.filter((_, index) => index !== headline)))
  const plan = planItems(outline.lead, outline.sections)
  const videosOf = assignVideos(videos, plan)
  const itemTitles = plan.items.map((item) => item.title || item.section.text)
  const build = (nodes: readonly RootContent[], key: object, extra?: (builder: BlockBuilder) => void) => {
    const builder = new BlockBuilder(serialized, videosOf.get(key) ?? [], itemTitles)
    for (const node of nodes) builder.add(node)
    extra?.(builder)
    return contentOf(builder.finish())
  }
  const itemLabels: Array<string | null> = []
  let itemsNamingCode = 0
  const fixes = plan.items.flatMap((item): Fix[] => {
    const {title, number, nodes} = titled(item.title, item.number, item.section)
    const content = build(nodes, item, (builder) => addSubSections(item.section.children, builder))
    // A heading with nothing under it is no fix, unless it is a numbered paragraph whose text is the fix (`fix-lists.ts`).
    if (content.blocks.length === 0 && item.section.heading.data?.fixFromParagraph !== true) return []
    itemLabels.push(item.section.label.kind)
    if (countCode(nodes) + sectionsCode(item.section.children) > 0) itemsNamingCode++
    return [{number, title: title || item.section.text, group: item.group, ...content}]
  })
  const sections = plan.sections.map((section) => ({title: section.title, role: section.role, ...build(section.nodes, section)}))
  const outro = plan.outro.length === 0 ? null : {title: plan.outro[0]!.text, ...build(outroNodes(plan.outro), plan.outro)}
  const intro = build(plan.intro, plan.intro)
  const evidence: KindEvidence = {
    itemLabels,
    itemTitles: fixes.map((fix) => fix.title),
    numberedItems: fixes.filter((fix) => fix.number !== null).length,
    // A flat procedure with no sections has its steps in the intro.
    steps: [intro, ...fixes].reduce((sum, part) => sum + part.steps.flat().length, 0),
    headline: headline === -1 ? null : headingText(body[headline] as Heading),
    codeItems: fixes.filter((fix) => fix.blocks.some((block) => block.type === 'code' || (block.type === 'heading' && isCodeExampleHeading(block.text)))).length,
    weighedWays: fixes.filter((fix) => fix.steps.flat().length > 0 && fix.blocks.some((block) => block.type === 'heading' && isWeighingHeading(block.text))).length,
    offersAlternatives: [intro, ...fixes].some((part) => part.blocks.some((block) => block.type === 'paragraph' && offersAlternatives(block.markdown))),
    codeBlocks: [intro, ...fixes, ...sections, ...(outro === null ? [] : [outro])].reduce((sum, part) => sum + part.blocks.filter((block) => block.type === 'code').length, 0),
    codeSpans: countCode(body),
    itemsNamingCode
  }
  const article: Article = {headingTitle, intro, sections, fixes, faq: faqOf(plan.faq), outro, evidence}
  return {article, body: serialized.markdown}
}

/** An item's sub-sections, in order: `Step N` headings as steps, other headings as heading blocks. */
function addSubSections(children: readonly OutlineSection[], builder: BlockBuilder): void {
  for (const child of children) {
    if (isStepLabel(child.label)) builder.addHeadingStep(child.label.number!, child.label.title || child.text)
    else builder.add(child.heading)
    for (const node of child.nodes) builder.add(node)
    addSubSections(child.children, builder)
  }
}

/**
 * An item whose heading holds only its number ("### Fix 1"), or nothing,
 * takes its title from the short line after it; an empty heading takes that
 * line's number too (`##` then `**Method 1: Uninstall the driver**`).
 */
function titled(title: string, number: number | null, section: OutlineSection): {title: string; number: number | null; nodes: RootContent[]} {
  const [first, ...rest] = section.nodes
  if (title !== '' || first?.type !== 'paragraph') return {title, number, nodes: section.nodes}
  const line = toString(first).replace(/\s+/g, ' ').trim()
  if (line === '' || line.split(' ').length > maxTitleLineWords) return {title, number, nodes: section.nodes}
  const label = number === null ? readLabel(line) : null
  const text = label !== null && label.number !== null ? label.title : line
  return {title: text.replace(/[:.]$/, ''), number: number ?? label?.number ?? null, nodes: rest}
}
/** The conclusion sections' nodes: the first one's heading is the outro's title, the others' stay as headings. */
function outroNodes(sections: readonly OutlineSection[]): RootContent[] {
  return sections.flatMap((section, index) => (index === 0 ? contentNodes(section) : flatten(section)))
}

/** Each video goes to the part whose first line is the last one at or before the video's line. */
function assignVideos(videos: readonly PositionedVideo[], plan: Plan): Map<object, PositionedVideo[]> {
  const starts: Array<{line: number; key: object}> = [{line: 0, key: plan.intro}]
  for (const item of plan.items) starts.push({line: lineOf(item.section.heading), key: item})
  for (const section of plan.sections) starts.push({line: lineOf(section.nodes[0]), key: section})
  if (plan.outro.length > 0) starts.push({line: lineOf(plan.outro[0]!.heading), key: plan.outro})
  starts.sort((a, b) => a.line - b.line)
  const byKey = new Map<object, PositionedVideo[]>()
  for (const video of videos) {
    const owner = starts.findLast((start) => start.line <= video.line) ?? starts[0]!
    byKey.set(owner.key, [...(byKey.get(owner.key) ?? []), video])
  }
  return byKey
}

function lineOf(node: RootContent | undefined): number {
  return node?.position?.start.line ?? Number.POSITIVE_INFINITY
}

