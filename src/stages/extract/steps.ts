/**
 * A part's top-level nodes as typed blocks, with its steps as written:
 * ordered-list items, and paragraphs that open with a step marker (`1)`,
 * `1\.` read as `1.`, `**1.**`, `Step 1:`), each step inline Markdown
 * without its marker or images. A numbered run interrupted by a screenshot,
 * an ad or a note carries on in the same group when the next number follows
 * on; numbering that starts again, and a procedure nested in a step, open a
 * new group. Images leave steps and paragraphs for image blocks, in place.
 */
import type {Image, List, ListItem, Paragraph, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {nodeToMarkdown, type SerializedBody} from '../../markdown.js'
import {splitLines} from '../clean/util.js'
import type {Video} from '../videos.js'
import type {Block} from './blocks.js'

/** Words a procedure's step starts with ("Click", "Then open", "Now select"). */
const imperative =
  /^(?:(?:then|now|next|finally|first|firstly|secondly|lastly|also|again|afterwards?)[,\s]+)?(?:open|click|tap|select|choose|go|navigate|press|type|enter|search|find|look|check|uncheck|right-click|double-click|launch|start|run|restart|reboot|download|install|uninstall|remove|delete|clear|reset|update|move|switch|hit|scroll|toggle|turn|enable|disable|wait|follow|copy|paste|drag|save|sign|log|connect|disconnect|plug|unplug|insert|expand|locate|set|change|apply|confirm|close|exit|quit|add|create|browse|import|export|upload|mark|make|use|visit|repeat|try|pick|specify|drop|put|keep|tick|reopen|relaunch|head|access|edit|adjust|rename|share|allow|grant|accept|agree|boot|hold|release|swipe|long-press|input|fill|write|paste|load|play|stop|end|kill|disconnect|power)\b/i
/** Unicode bullets some sites type instead of a Markdown list. */
const typedBullet = /^\s*[▪•●◦■▸►]\s*/

/** `1. `, `2)`, `Step 3:`, `Step 3 -` at the start of a paragraph's text (not `1.5 GB`). */
const stepMarker = /^\s*(?:step\s*(\d{1,2})\s*[:.)\-–—]?|(\d{1,2})\s*[.)](?!\d))\s*/i

export interface PositionedVideo extends Video {
  line: number
}

/** Numbering state of one procedure level: which group the next step joins. */
class StepGroups {
  private current: number | null = null
  private last = 0
  constructor(private readonly counter: {next: number}) {}

  /** The group a step numbered `number` (null: unnumbered) belongs to. */
  groupOf(number: number | null): number {
    const restarts = number !== null && (number < this.last || (number === 1 && this.last >= 1))
    if (this.current === null || restarts) this.current = this.counter.next++
    if (number !== null) this.last = number
    else this.last++
    return this.current
  }

  /** A heading ends every procedure above it. */
  reset(): void {
    this.current = null
    this.last = 0
  }
}

/** Builds the blocks of one part. */
export class BlockBuilder {
  readonly blocks: Block[] = []
  private readonly counter = {next: 0}
  private readonly groups = new StepGroups(this.counter)
  private pendingNumber: number | null = null
  /** The group of the bullet procedure just added, while only images follow it (it carries on after a screenshot). */
  private bulletGroup: number | null = null
  private readonly videos: PositionedVideo[]

  constructor(private readonly serialized: SerializedBody, videos: readonly PositionedVideo[]) {
    this.videos = [...videos].sort((a, b) => a.line - b.line)
  }

  /** Adds one top-level node of the part. */
  add(node: RootContent): void {
    this.flushVideos(node.position?.start.line ?? Number.POSITIVE_INFINITY)
    this.addNode(node, true)
  }

  /** A `Step N` heading inside an item: its text is a step of the item's procedure. */
  addHeadingStep(number: number, markdown: string): void {
    this.pendingNumber = null
    this.addStep(this.groups, number, markdown)
  }

  /** Finishes the part: videos after its last node. */
  finish(): Block[] {
    this.flushVideos(Number.POSITIVE_INFINITY)
    return this.blocks
  }

  private flushVideos(beforeLine: number): void {
    while (this.videos.length > 0 && this.videos[0]!.line < beforeLine) {
      const {line: _line, ...video} = this.videos.shift()!
      if (!this.blocks.some((block) => block.type === 'video' && block.id === video.id)) this.blocks.push({type: 'video', ...video})
    }
  }

  private addNode(node: RootContent, topLevel: boolean): void {
    switch (node.type) {
      case 'paragraph':
        return this.addParagraph(node, topLevel)
      case 'list':
        return node.ordered ? this.addOrderedList(node, this.groups) : this.addBulletList(node, topLevel)
      case 'heading':
        this.groups.reset()
        this.pendingNumber = null
        this.blocks.push({type: 'heading', depth: node.depth, text: toString(node).replace(/\s+/g, ' ').trim()})
        return
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

  private push(block: Block): void {
    if (block.type !== 'image') this.bulletGroup = null
    this.blocks.push(block)
  }

  private markdownOf(node: RootContent, topLevel: boolean): string {
    return topLevel ? this.serialized.partOf(node) : nodeToMarkdown(node)
  }

  /** A paragraph: images out to image blocks, the text left a step or a paragraph. */
  private addParagraph(paragraph: Paragraph, topLevel: boolean): void {
    const hasImage = paragraph.children.some((child) => child.type === 'image')
    if (!hasImage) {
      const text = toString(paragraph)
      const bulletLines = typedBulletLines(paragraph)
      if (bulletLines) return this.addBulletSteps(bulletLines.map((line) => inlineMarkdown(line)))
      if (this.pendingNumber !== null && text.trim() !== '') {
        const number = this.pendingNumber
        this.pendingNumber = null
        return this.addStep(this.groups, number, inlineMarkdown(paragraph.children))
      }
      const marker = stepMarker.exec(text)
      if (marker) return this.addMarkedStep(paragraph.children, marker)
      if (text.trim() === '') return
      return this.push({type: 'paragraph', markdown: topLevel ? this.serialized.partOf(paragraph) : nodeToMarkdown(paragraph)})
    }
    for (const segment of splitAtImages(paragraph.children)) {
      if (segment.type === 'image') this.push({type: 'image', url: segment.image.url, alt: segment.image.alt?.trim() || null})
      else this.addParagraph({type: 'paragraph', children: segment.children}, false)
    }
  }

  /** A paragraph that opens with a step marker; a marker alone (`1)`) numbers the next paragraph. */
  private addMarkedStep(children: PhrasingContent[], marker: RegExpExecArray): void {
    const number = Number(marker[1] ?? marker[2])
    const rest = dropLeadingText(children, marker[0].length)
    if (toString({type: 'paragraph', children: rest}).trim() === '') {
      this.pendingNumber = number
      return
    }
    this.addStep(this.groups, number, inlineMarkdown(rest))
  }

  private addStep(groups: StepGroups, number: number | null, markdown: string): void {
    if (markdown === '') return
    const group = groups.groupOf(number)
    const last = this.blocks.at(-1)
    if (last?.type === 'steps' && last.group === group) last.steps.push(markdown)
    else this.push({type: 'steps', group, start: number, steps: [markdown]})
  }

  private addOrderedList(list: List, groups: StepGroups): void {
    if (isOptionList(list)) return this.addPlainList(list, true)
    const start = list.start ?? 1
    list.children.forEach((item, index) => this.addStepItem(item, start + index, groups))
  }

  /**
   * One ordered-list item: its first paragraph is the step (the serialised
   * item itself when it is only that paragraph); images, notes and nested
   * lists after it follow as blocks, a nested numbered list as a group of its own.
   */
  private addStepItem(item: ListItem, number: number, groups: StepGroups): void {
    const [first, ...rest] = item.children
    if (first === undefined) {
      // An empty marker (`5)` alone on its line): the paragraph after it is the step.
      this.pendingNumber = number
      return
    }
    const simple = first?.type === 'paragraph' && rest.length === 0 && !first.children.some((child) => child.type === 'image')
    if (simple) return this.addStep(groups, number, this.serialized.partOf(item))
    let stepDone = false
    for (const child of item.children) {
      if (!stepDone && child.type === 'paragraph') {
        const segments = splitAtImages(child.children)
        for (const segment of segments) {
          if (segment.type === 'image') this.push({type: 'image', url: segment.image.url, alt: segment.image.alt?.trim() || null})
          else if (!stepDone) {
            this.addStep(groups, number, inlineMarkdown(segment.children))
            stepDone = true
          } else this.addParagraph({type: 'paragraph', children: segment.children}, false)
        }
        continue
      }
      if (child.type === 'list' && child.ordered) {
        this.addOrderedList(child, new StepGroups(this.counter))
      } else {
        this.addNode(child, false)
      }
    }
  }

  /**
   * Bullet items that are plainly a procedure (most start with an imperative
   * verb) are a step group of their own: numbered steps around them go on in
   * theirs; after a screenshot the same bullets carry on.
   */
  private addBulletSteps(steps: string[]): void {
    const group = this.bulletGroup ?? this.counter.next++
    const last = this.blocks.at(-1)
    if (last?.type === 'steps' && last.group === group) last.steps.push(...steps.filter(Boolean))
    else this.blocks.push({type: 'steps', group, start: null, steps: steps.filter(Boolean)})
    this.bulletGroup = group
  }

  private addBulletList(list: List, topLevel: boolean): void {
    const carriesOn = this.bulletGroup !== null && list.children.every((item) => imperative.test(toString(item).trim()))
    if (carriesOn || isProcedure(list)) {
      const simple = list.children.every((item) => item.children.length === 1 && item.children[0]!.type === 'paragraph' && !item.children[0]!.children.some((child) => child.type === 'image'))
      if (simple) return this.addBulletSteps(list.children.map((item) => (topLevel ? this.serialized.partOf(item) : inlineMarkdown((item.children[0] as Paragraph).children))))
    }
    this.addPlainList(list, topLevel)
  }

  /** A list that is no procedure: its items as Markdown, its images after it. */
  private addPlainList(list: List, topLevel: boolean): void {
    const items = list.children.map((item) => (topLevel ? this.serialized.partOf(item) : nodeToMarkdown({type: 'root', children: item.children})))
    this.push({type: 'list', ordered: list.ordered === true, items: items.filter((item) => item !== '')})
    visitImages(list, (image) => this.push({type: 'image', url: image.url, alt: image.alt?.trim() || null}))
  }
}

/**
 * A numbered list of options or features, not a procedure: most items open
 * with a bold term (`**Standard –** It blocks…`, `**Strict:** …`).
 */
function isOptionList(list: List): boolean {
  const terms = list.children.filter((item) => {
    const first = item.children[0]
    if (first?.type !== 'paragraph' || first.children[0]?.type !== 'strong' || first.children.length < 2) return false
    const after = first.children[1]!
    return /[–—:-]\s*$/.test(toString(first.children[0])) || (after.type === 'text' && /^\s*[–—:-]/.test(after.value))
  }).length
  return list.children.length >= 2 && terms * 3 >= list.children.length * 2
}

/** Whether a bullet list reads as a procedure: two or more items, at least two thirds starting with an imperative verb. */
function isProcedure(list: List): boolean {
  if (list.children.length < 2) return false
  const imperatives = list.children.filter((item) => imperative.test(toString(item).trim())).length
  return imperatives * 3 >= list.children.length * 2
}

/** A paragraph whose every line opens with a typed bullet (`▪ Open VLC`) and reads as a procedure, as its lines without the bullets. */
function typedBulletLines(paragraph: Paragraph): PhrasingContent[][] | undefined {
  const lines = splitLines(paragraph.children).filter((line) => toString({type: 'paragraph', children: line}).trim() !== '')
  if (lines.length < 2) return undefined
  const texts = lines.map((line) => toString({type: 'paragraph', children: line}))
  if (!texts.every((text) => typedBullet.test(text))) return undefined
  const stripped = lines.map((line, index) => dropLeadingText(line, typedBullet.exec(texts[index]!)![0].length))
  const imperatives = stripped.filter((line) => imperative.test(toString({type: 'paragraph', children: line}).trim())).length
  return imperatives * 3 >= lines.length * 2 ? stripped : undefined
}

type Segment = {type: 'image'; image: Image} | {type: 'text'; children: PhrasingContent[]}

/** Phrasing content cut at its images; whitespace and breaks around images go. */
function splitAtImages(children: readonly PhrasingContent[]): Segment[] {
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
  return segments
}

/** Drops leading and trailing breaks and blank text. */
function trimPhrasing(children: PhrasingContent[]): PhrasingContent[] {
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
      if (toString({type: 'paragraph', children: inner}).trim() !== '') result.push({...child, children: inner} as PhrasingContent)
      continue
    }
    result.push(child)
  }
  return trimPhrasing(result)
}

function inlineMarkdown(children: PhrasingContent[]): string {
  const withoutImages = trimPhrasing(children.filter((child) => child.type !== 'image'))
  if (withoutImages.length === 0) return ''
  return nodeToMarkdown({type: 'paragraph', children: withoutImages})
}

function visitImages(node: {children?: unknown[]; type: string}, onImage: (image: Image) => void): void {
  if (node.type === 'image') onImage(node as unknown as Image)
  for (const child of (node.children ?? []) as Array<{children?: unknown[]; type: string}>) visitImages(child, onImage)
}
