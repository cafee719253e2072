/**
 * A part's top-level nodes as typed blocks, with its steps as written
 * (`procedure.ts` says what a step is): ordered-list items, paragraphs and
 * lines that open with a step marker, bullet procedures, `Step N` headings;
 * each step inline Markdown without its marker or images.
 *
 * Groups: a numbered run interrupted by a screenshot, an ad or a note
 * carries on in the same group when the next number follows on; numbering
 * that starts again, and a procedure nested in a step, open a new group.
 * Steps written with the word (`Step 2:` paragraphs, `Step N` headings) are
 * the outer procedure: bare numbers under one of them (`1:`, `1.`) are its
 * sub-procedure. A step the page printed twice (same number, same words) is
 * kept once. Images leave steps and paragraphs for image blocks, in place.
 */
import type {List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {nodeToMarkdown, type SerializedBody} from '../../markdown.js'
import {splitLines} from '../clean/util.js'
import type {Video} from '../videos.js'
import type {Block} from './blocks.js'
import {dropLeadingText, holdsImage, inlineMarkdown, plainOf, splitAtImages} from './phrasing.js'
import {isAnchorLink, isBulletProcedure, isCodeInstruction, isOptionList, isTableOfContents, leadInOf, markedLines, restatesTitles, stepMarkerOf, typedBulletSteps, type LeadIn, type StepMarker} from './procedure.js'

export {dropLeadingText} from './phrasing.js'

export interface PositionedVideo extends Video {
  line: number
}

const comparable = (markdown: string): string => markdown.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** Numbering state of one procedure level: which group the next step joins. */
class StepGroups {
  private current: number | null = null
  private last = 0
  private lastWords = ''
  constructor(private readonly counter: {next: number}) {}

  /** The group a step numbered `number` (null: unnumbered) belongs to. */
  groupOf(number: number | null, markdown: string): number {
    const restarts = number !== null && (number < this.last || (number === 1 && this.last >= 1))
    if (this.current === null || restarts) this.current = this.counter.next++
    if (number !== null) this.last = number
    else this.last++
    this.lastWords = comparable(markdown)
    return this.current
  }

  /** The step just added, printed again (the same number and words). */
  repeats(number: number | null, markdown: string): boolean {
    return this.current !== null && number !== null && number === this.last && comparable(markdown) === this.lastWords
  }

  /** Whether a step numbered `number` continues this level's current group. */
  follows(number: number): boolean {
    return this.current !== null && number === this.last + 1
  }

  get active(): boolean {
    return this.current !== null
  }

  /** A heading ends every procedure above it. */
  reset(): void {
    this.current = null
    this.last = 0
    this.lastWords = ''
  }
}

/** Bullet lists, with only images between them, waiting to be read as one procedure or not. */
interface BulletRun {
  nodes: RootContent[]
  topLevel: boolean
  leadIn: LeadIn
}

/** Builds the blocks of one part. */
export class BlockBuilder {
  readonly blocks: Block[] = []
  private readonly counter = {next: 0}
  /** Steps numbered bare (`1.`, `2)`, list items). */
  private readonly groups = new StepGroups(this.counter)
  /** Steps written with the word `Step` (paragraphs and headings): the outer procedure. */
  private readonly outer = new StepGroups(this.counter)
  private pending: {marker: StepMarker} | null = null
  /** The text of the last paragraph or step, while only images follow it: what leads in a list. */
  private lastText: string | null = null
  /** The number of the last marked line read as a list of features (its lead-in said so), not a step. */
  private featureNumber: number | null = null
  private run: BulletRun | null = null
  private readonly videos: PositionedVideo[]

  /** `itemTitles`: the article's item titles, which a table of contents restates. */
  constructor(
    private readonly serialized: SerializedBody,
    videos: readonly PositionedVideo[],
    private readonly itemTitles: readonly string[] = []
  ) {
    this.videos = [...videos].sort((a, b) => a.line - b.line)
  }

  /** Adds one top-level node of the part. */
  add(node: RootContent): void {
    const line = node.position?.start.line ?? Number.POSITIVE_INFINITY
    if (this.videos.length > 0 && this.videos[0]!.line < line) this.flushRun()
    this.flushVideos(line)
    this.addBuffered(node, true)
  }

  /** A `Step N` heading inside an item: its text is a step of the item's outer procedure. */
  addHeadingStep(number: number, markdown: string): void {
    this.flushRun()
    this.pending = null
    this.addStep(this.outer, number, markdown)
  }

  /** Finishes the part: videos after its last node. */
  finish(): Block[] {
    this.flushRun()
    this.flushVideos(Number.POSITIVE_INFINITY)
    return this.blocks
  }

  private flushVideos(beforeLine: number): void {
    while (this.videos.length > 0 && this.videos[0]!.line < beforeLine) {
      const {line: _line, ...video} = this.videos.shift()!
      if (!this.blocks.some((block) => block.type === 'video' && block.id === video.id)) this.push({type: 'video', ...video})
    }
  }

  /** Bullet lists and the screenshots between them wait until the run ends, then are read together. */
  private addBuffered(node: RootContent, topLevel: boolean): void {
    const bullets = node.type === 'list' && node.ordered !== true
    const image = node.type === 'paragraph' && isImageOnly(node)
    if (this.run !== null && this.run.topLevel === topLevel && (bullets || image)) {
      this.run.nodes.push(node)
      return
    }
    this.flushRun()
    if (bullets) this.run = {nodes: [node], topLevel, leadIn: leadInOf(this.lastText)}
    else this.addNode(node, topLevel)
  }

  private flushRun(): void {
    const run = this.run
    if (run === null) return
    this.run = null
    const lists = run.nodes.filter((node): node is List => node.type === 'list')
    const items = lists.flatMap((list) => list.children)
    if (run.nodes.length === 1 && items.length === 1 && run.leadIn !== 'features' && isCodeInstruction(items[0]!)) {
      return this.addStepItem(items[0]!, null, new StepGroups(this.counter))
    }
    if (!items.every(isSimpleItem) || !isBulletProcedure(items, run.leadIn) || lists.some((list) => restatesTitles(list, this.itemTitles))) {
      for (const node of run.nodes) node.type === 'list' ? this.addPlainList(node, run.topLevel) : this.addNode(node, run.topLevel)
      return
    }
    const group = this.counter.next++
    for (const node of run.nodes) {
      if (node.type !== 'list') {
        this.addNode(node, run.topLevel)
        continue
      }
      const steps = node.children.map((item) => (run.topLevel ? this.serialized.partOf(item) : inlineMarkdown((item.children[0] as Paragraph).children)))
      this.addBulletSteps(group, steps)
    }
  }

  private addNode(node: RootContent, topLevel: boolean): void {
    switch (node.type) {
      case 'paragraph':
        return this.addParagraph(node, topLevel)
      case 'list':
        if (node.ordered) return this.addOrderedList(node, this.groups)
        this.addBuffered(node, topLevel)
        return this.flushRun()
      case 'heading':
        this.groups.reset()
        this.outer.reset()
        this.pending = null
        return this.push({type: 'heading', depth: node.depth, text: toString(node).replace(/\s+/g, ' ').trim()})
      case 'table':
        return this.push({type: 'table', markdown: this.markdownOf(node, topLevel)})
      case 'code':
        return this.push({type: 'code', lang: node.lang ?? null, value: node.value})
      case 'blockquote':
        return this.push({type: 'quote', markdown: this.markdownOf(node, topLevel)})
      default:
        // Thematic breaks, definitions, and anything the clean stage left that is not content.
        return
    }
  }

  private push(block: Block, text: string | null = null): void {
    if (block.type !== 'image') this.lastText = text
    if (block.type !== 'paragraph' && block.type !== 'image') this.featureNumber = null
    this.blocks.push(block)
  }

  private markdownOf(node: RootContent, topLevel: boolean): string {
    return topLevel ? this.serialized.partOf(node) : nodeToMarkdown(node)
  }

  /** A paragraph: images out to image blocks, the text left steps (a line each when its lines are marked) or a paragraph. */
  private addParagraph(paragraph: Paragraph, topLevel: boolean): void {
    const segments = holdsImage(paragraph.children) ? splitAtImages(paragraph.children) : []
    // Images that stay inside what holds them (a product card's link) leave the paragraph whole.
    if (segments.some((segment) => segment.type === 'image')) {
      for (const segment of segments) {
        if (segment.type === 'image') this.push({type: 'image', url: segment.image.url, alt: segment.image.alt?.trim() || null})
        else this.addParagraph({type: 'paragraph', children: segment.children}, false)
      }
      return
    }
    const text = toString(paragraph)
    if (text.trim() === '') return
    const bulletLines = typedBulletSteps(splitLines(paragraph.children).filter((line) => plainOf(line).trim() !== ''), leadInOf(this.lastText))
    if (bulletLines) return this.addBulletSteps(this.counter.next++, bulletLines.map((line) => inlineMarkdown(line)))
    const lines = markedLines(paragraph)
    if (lines) {
      for (const line of lines) this.addLine(line, false)
      return
    }
    this.addLine(paragraph.children, topLevel, paragraph)
  }

  /**
   * One line of text: the step a pending marker numbers, a marked step, or a
   * paragraph. A marker alone (`Step 4:`) numbers the next line.
   */
  private addLine(children: PhrasingContent[], topLevel: boolean, paragraph?: Paragraph): void {
    const text = plainOf(children)
    const marker = stepMarkerOf(text)
    if (this.pending !== null && marker === null) {
      const pending = this.pending.marker
      this.pending = null
      return this.addStep(this.levelOf(pending), pending.number, inlineMarkdown(children))
    }
    if (marker !== null && !this.isFeature(marker) && !isAnchorLink(children)) {
      const rest = dropLeadingText(children, marker.length)
      if (plainOf(rest).trim() === '') {
        this.pending = {marker}
        return
      }
      return this.addStep(this.levelOf(marker), marker.number, inlineMarkdown(rest))
    }
    const markdown = paragraph && topLevel ? this.serialized.partOf(paragraph) : nodeToMarkdown({type: 'paragraph', children})
    const featureNumber = marker !== null ? marker.number : null
    this.push({type: 'paragraph', markdown}, text)
    this.featureNumber = featureNumber
  }

  /**
   * The level a marked step joins: `Step N` the outer procedure, unless it
   * carries on bare-numbered steps with the next number (`2\. Run it.`,
   * `Step 3: Restart.`: one procedure written two ways).
   */
  private levelOf(marker: StepMarker): StepGroups {
    if (!marker.word) return this.groups
    return !this.outer.active && this.groups.follows(marker.number) ? this.groups : this.outer
  }

  /** A numbered line after a lead-in of features ("Main features:"), or the next number of such a list, is no step. */
  private isFeature(marker: StepMarker): boolean {
    if (marker.word) return false
    if (this.featureNumber !== null) return marker.number === this.featureNumber + 1
    return marker.number === 1 && leadInOf(this.lastText) === 'features'
  }

  private addStep(groups: StepGroups, number: number | null, markdown: string): void {
    if (markdown === '' || groups.repeats(number, markdown)) return
    if (groups === this.outer) this.groups.reset()
    const group = groups.groupOf(number, markdown)
    const last = this.blocks.at(-1)
    if (last?.type === 'steps' && last.group === group) last.steps.push(markdown)
    else this.blocks.push({type: 'steps', group, start: number, steps: [markdown]})
    this.lastText = markdown
    this.featureNumber = null
    this.pending = null
  }

  private addOrderedList(list: List, groups: StepGroups): void {
    if (isOptionList(list) || isTableOfContents(list) || restatesTitles(list, this.itemTitles) || leadInOf(this.lastText) === 'features') return this.addPlainList(list, true)
    const start = list.start ?? 1
    list.children.forEach((item, index) => this.addStepItem(item, start + index, groups))
  }

  /**
   * One ordered-list item (or a bullet that is one instruction with its code,
   * unnumbered): its first paragraph is the step (the serialised
   * item itself when it is only that paragraph); images, notes and nested
   * lists after it follow as blocks, a nested numbered list as a group of its own.
   */
  private addStepItem(item: ListItem, number: number | null, groups: StepGroups): void {
    const [first] = item.children
    if (first === undefined) {
      if (number === null) return
      // An empty marker (`5)` alone on its line): the paragraph after it is the step.
      this.pending = {marker: {number, length: 0, word: groups === this.outer}}
      return
    }
    if (isSimpleItem(item)) return this.addStep(groups, number, this.serialized.partOf(item))
    let stepDone = false
    for (const child of item.children) {
      if (!stepDone && child.type === 'paragraph') {
        for (const segment of splitAtImages(child.children)) {
          if (segment.type === 'image') this.push({type: 'image', url: segment.image.url, alt: segment.image.alt?.trim() || null})
          else if (!stepDone) {
            this.addStep(groups, number, inlineMarkdown(segment.children))
            stepDone = true
          } else this.addParagraph({type: 'paragraph', children: segment.children}, false)
        }
        continue
      }
      if (child.type === 'list' && child.ordered) {
        this.flushRun()
        this.addOrderedList(child, new StepGroups(this.counter))
      } else {
        this.addBuffered(child, false)
      }
    }
    this.flushRun()
  }

  /** Bullet steps: a step group of their own (numbered steps around them go on in theirs). */
  private addBulletSteps(group: number, steps: string[]): void {
    const kept = steps.filter(Boolean)
    if (kept.length === 0) return
    const last = this.blocks.at(-1)
    if (last?.type === 'steps' && last.group === group) last.steps.push(...kept)
    else this.blocks.push({type: 'steps', group, start: null, steps: kept})
    this.lastText = null
  }

  /** A list that is no procedure: its items as Markdown, its images after it. */
  private addPlainList(list: List, topLevel: boolean): void {
    const items = list.children.map((item) => (topLevel ? this.serialized.partOf(item) : nodeToMarkdown({type: 'root', children: item.children})))
    this.push({type: 'list', ordered: list.ordered === true, items: items.filter((item) => item !== '')})
    visitImages(list, (url, alt) => this.push({type: 'image', url, alt}))
  }
}

/** A list item that is one paragraph without images. */
function isSimpleItem(item: ListItem): boolean {
  const [first, ...rest] = item.children
  return first?.type === 'paragraph' && rest.length === 0 && !holdsImage(first.children)
}

/** A screenshot paragraph: images (linked or not) and nothing else. */
function isImageOnly(paragraph: Paragraph): boolean {
  return holdsImage(paragraph.children) && toString(paragraph, {includeImageAlt: false}).trim() === ''
}

function visitImages(node: {children?: unknown[]; type: string}, onImage: (url: string, alt: string | null) => void): void {
  if (node.type === 'image') {
    const image = node as unknown as {url: string; alt?: string | null}
    onImage(image.url, image.alt?.trim() || null)
  }
  for (const child of (node.children ?? []) as Array<{children?: unknown[]; type: string}>) visitImages(child, onImage)
}
