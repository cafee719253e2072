/**
 * The body as a tree of sections: every heading opens a section that holds
 * the blocks after it and the deeper sections below it, up to the next
 * heading of its level or higher.
 */
import type {Heading, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {readLabel, readSequenceLead, type Label} from './labels.js'

export interface OutlineSection {
  heading: Heading
  /** The heading's plain text, white space folded. */
  text: string
  label: Label
  /** Blocks after the heading, before its first sub-section. */
  nodes: RootContent[]
  children: OutlineSection[]
}

export interface Outline {
  /** Blocks before the first heading. */
  lead: RootContent[]
  sections: OutlineSection[]
}

export function outlineOf(body: readonly RootContent[]): Outline {
  const outline: Outline = {lead: [], sections: []}
  const stack: OutlineSection[] = []
  for (const node of body) {
    if (node.type === 'heading') {
      const text = headingText(node)
      const section: OutlineSection = {heading: node, text, label: readLabel(text), nodes: [], children: []}
      while (stack.length > 0 && stack.at(-1)!.heading.depth >= node.depth) stack.pop()
      const parent = stack.at(-1)
      if (parent) parent.children.push(section)
      else outline.sections.push(section)
      stack.push(section)
    } else {
      const owner = stack.at(-1)
      if (owner) owner.nodes.push(node)
      else outline.lead.push(node)
    }
  }
  numberSequences(outline.sections)
  return outline
}

/**
 * Sibling headings that number themselves in words (`Firstly, uninstall the
 * driver`, `Then, update it`, `Last, reinstall it`) are items 1, 2, 3, as
 * `1.`, `2.`, `3.` would make them, and their titles lose the words. Only
 * when no sibling has a number of its own, the first one says "First", there
 * are two or more, an ordinal after it (`Second, …`) agrees with its place,
 * and none of them holds numbered sub-sections.
 */
function numberSequences(sections: readonly OutlineSection[]): void {
  for (const section of sections) numberSequences(section.children)
  if (sections.some((section) => section.label.number !== null)) return
  const led = sections.flatMap((section) => {
    const lead = readSequenceLead(section.text)
    return lead ? [{section, lead}] : []
  })
  if (led.length < 2 || led[0]!.lead.ordinal !== 1) return
  // A step that holds numbered ways of its own (`### Way 1`, `### Way 2`) wraps those items: numbering it would make it one.
  if (led.some(({section}) => section.children.filter((child) => child.label.number !== null).length >= 2)) return
  const numbers = led.map(({lead}, index) => lead.ordinal ?? index + 1)
  if (numbers.some((number, index) => number !== index + 1)) return
  led.forEach(({section, lead}, index) => {
    section.label = {kind: 'sequence', number: numbers[index]!, title: lead.title}
  })
}

export function headingText(heading: Heading): string {
  return toString(heading).replace(/\s+/g, ' ').trim()
}

/** Every node of a section, its heading first, in document order. */
export function flatten(section: OutlineSection): RootContent[] {
  return [section.heading, ...section.nodes, ...section.children.flatMap(flatten)]
}

/** The section's own blocks and its sub-sections' (headings included), without its own heading. */
export function contentNodes(section: OutlineSection): RootContent[] {
  return [...section.nodes, ...section.children.flatMap(flatten)]
}
