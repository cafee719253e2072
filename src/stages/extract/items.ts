/**
 * Which sections of an article are its items (the fixes, methods, products
 * or sections it is built of), at whatever level the article writes them, and
 * what the other sections are: FAQ, conclusion (outro), background.
 *
 * - Top-level sections are items, except FAQ, conclusion, sections made only
 *   of links (`link-only.ts`) and (in an article whose items are numbered or
 *   wrapped) background sections.
 * - A section is a *wrapper* when its sub-sections are the real items: two or
 *   more of them are numbered (`### Fix 1`, `### Method 2`), or it is titled
 *   like a wrapper ("Fixes for err12", "How to fix …", "Part 2: On Windows")
 *   and has two or more, or it names a list ("The best X of 2024") and has
 *   three or more, or it is the article's only content section. Its
 *   lead text goes to the intro (or, after the first item, to a section of
 *   its own); a `Part N` wrapper, or one of several wrappers, names the
 *   `group` of its items. A numbered section is never a wrapper: its
 *   sub-sections are its own options; nor is a list of kinds or causes
 *   ("Types of malware" over `### 1. Adware`) that is not the only section.
 * - A wrapper may stand at the level of its fixes (`## Try these fixes`
 *   right before `## 1. …`, `## 2. …`): its lead goes where a wrapper's does.
 * - `Step N` sub-sections of an item are its steps; as the top-level sections
 *   of the article they are its items.
 */
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isBackgroundTitle, isConclusionTitle, isFaqTitle, isGroupLabel, isKindsOrCausesTitle, isQuestionTitle, isStepLabel, isTutorialAsideTitle, isWrapperTitle, numbersItem} from './labels.js'
import {isLinkOnlySection} from './link-only.js'
import {contentNodes, flatten, type OutlineSection} from './outline.js'
import {regroupSections} from './regroup.js'

export interface ItemPlan {
  section: OutlineSection
  number: number | null
  title: string
  group: string | null
}

export interface SectionPlan {
  title: string
  role: 'background' | 'other'
  nodes: RootContent[]
}

export interface Plan {
  intro: RootContent[]
  items: ItemPlan[]
  sections: SectionPlan[]
  faq: OutlineSection[]
  /** Conclusion sections, in order. */
  outro: OutlineSection[]
}

const reviewWords = /^(?:design|display|screen|performance|battery(?: life)?|camera|cameras|audio|sound|software|price|pricing|specs|specifications|features|build(?: quality)?|keyboard|comfort|connectivity|setup|pros|cons|pros and cons|verdict|value)\b/i

export function planItems(lead: RootContent[], sections: OutlineSection[]): Plan {
  sections = regroupSections(sections)
  const plan: Plan = {intro: [...lead], items: [], sections: [], faq: [], outro: []}
  const special = (section: OutlineSection) => isFaqTitle(section.text) || isConclusion(section)
  const reviewLike = sections.filter((section) => reviewWords.test(section.label.title)).length >= 2
  const isConclusion = (section: OutlineSection) => isConclusionTitle(section.label.title) && !(reviewLike && /verdict/i.test(section.text))
  const content = sections.filter((section) => !special(section))
  const wrappers = content.filter((section) => isWrapper(section, content.length === 1, special))
  const leads = content.filter((section, index) => !wrappers.includes(section) && leadsNumberedRun(section, content.slice(index + 1), special))
  const structured = wrappers.length > 0 || content.filter((section) => numbersItem(section.label)).length >= 2
  // Background sections ("What is X", "Overview") are items only in an article made of little else.
  const background = (section: OutlineSection) => !numbersItem(section.label) && isBackgroundTitle(section.label.title) && (structured || content.length >= 3)

  // "Prerequisites", "Next steps", "Completed code" sit beside a tutorial's stages; alone they are its content.
  const aside = (section: OutlineSection) => !numbersItem(section.label) && isTutorialAsideTitle(section.label.title) && content.length >= 2
  const faqs = new OpenFaq(plan)
  for (const section of sections) {
    if (faqs.take(section, isConclusion)) continue
    if (isLinkOnlySection(section) || isEmptySection(section)) continue
    if (isFaqTitle(section.text)) faqs.open(section)
    else if (isConclusion(section)) addConclusion(plan, section)
    else if (wrappers.includes(section)) addWrapper(plan, section, wrappers.length > 1, special)
    else if (leads.includes(section)) addWrapper(plan, section, false, special)
    else if (aside(section)) plan.sections.push({title: section.text, role: 'other', nodes: contentNodes(section)})
    else if (background(section)) {
      plan.sections.push({title: section.text, role: 'background', nodes: contentNodes(section)})
    } else addItem(plan, section, null)
  }
  moveTrailingSpecials(plan, special, isConclusion)
  moveTrailingQuestions(plan)
  moveClosingRemarks(plan)
  if (wrappers.some((wrapper) => isGroupLabel(wrapper.label))) unnumberParts(plan)
  return plan
}

/**
 * Where `Part N` sections are groups of items, a `Part N` section that is an
 * item itself (`Part 3. Bonus: …` after two groups) has no item number: its N
 * counts the parts, not the items.
 */
function unnumberParts(plan: Plan): void {
  for (const item of plan.items) if (isGroupLabel(item.section.label)) item.number = null
}

/**
 * Two or more question headings at the end of an article whose items are not
 * questions are its FAQ, even without an FAQ heading ("Are AirPods good for
 * working out?").
 */
function moveTrailingQuestions(plan: Plan): void {
  let cut = plan.items.length
  while (cut > 0 && isQuestionTitle(plan.items[cut - 1]!.section.text) && plan.items[cut - 1]!.number === null) cut--
  if (plan.items.length - cut < 2 || cut === 0) return
  const questions = plan.items.splice(cut)
  plan.faq.push({...questions[0]!.section, children: questions.map((item) => item.section), nodes: []})
}

/**
 * After numbered items, unnumbered sections at the end that hold no procedure
 * are closing remarks ("Seamless Backups Give You Peace of Mind"): the outro.
 */
function moveClosingRemarks(plan: Plan): void {
  if (plan.items.filter((item) => item.number !== null).length < 2) return
  const closing: OutlineSection[] = []
  while (plan.items.length > 0) {
    const last = plan.items.at(-1)!
    if (last.number !== null || last.group !== null || flatten(last.section).some(holdsProcedure)) break
    closing.unshift(last.section)
    plan.items.pop()
  }
  plan.outro.unshift(...closing)
}

function holdsProcedure(node: RootContent): boolean {
  return node.type === 'list' && node.ordered === true
}

/** A heading with no text and nothing under it (a template's trailing `##`). */
function isEmptySection(section: OutlineSection): boolean {
  return section.text === '' && section.children.length === 0 && section.nodes.length === 0
}

function isWrapper(section: OutlineSection, onlySection: boolean, special: (section: OutlineSection) => boolean): boolean {
  if (countsItsEntries(section, special)) return true
  if (numbersItem(section.label) || isStepLabel(section.label)) return false
  // "What causes it" over `### 1. An old driver`, "Types of malware" over `### 1. Adware`: background, not fixes.
  if (isKindsOrCausesTitle(section.label.title) && !onlySection) return false
  const children = section.children.filter((child) => !special(child))
  if (children.length < 2) return false
  if (children.every((child) => isStepLabel(child.label))) return onlySection
  if (children.filter((child) => numbersItem(child.label)).length >= 2) return true
  return isGroupLabel(section.label) || isWrapperTitle(section.text) || onlySection || (listHeading.test(section.label.title) && children.length >= minListEntries)
}

/**
 * A wrapper written at the level of its fixes (`## Try these fixes`, `## How do I fix it?`, then `## 1. Update
 * the driver`, `## 2. …`): titled like a wrapper, unnumbered, holding no sub-section but numbered items, right
 * before the items it introduces, numbered 1, 2 across its own sub-sections and the sections after it. Its
 * lead (often a list of the fixes to come) introduces them; it is no fix itself.
 */
function leadsNumberedRun(section: OutlineSection, following: readonly OutlineSection[], special: (section: OutlineSection) => boolean): boolean {
  if (section.label.number !== null || !isWrapperTitle(section.text)) return false
  const own = section.children.filter((child) => !special(child))
  if (!own.every((child) => numbersItem(child.label))) return false
  const [first, second] = [...own, ...following]
  return first !== undefined && second !== undefined && numbersItem(first.label) && first.label.number === 1 && numbersItem(second.label) && second.label.number === 2
}

/** "Top 3 Static Analysis Tools" over three sub-sections: its number counts its entries, it numbers no item. */
function countsItsEntries(section: OutlineSection, special: (section: OutlineSection) => boolean): boolean {
  const {kind, number} = section.label
  return kind === 'top' && number !== null && number >= 2 && section.children.filter((child) => !special(child)).length === number
}

/** A heading that names a list ("The best workout headphones of 2024", "Top 9 Mirror Apps") holds its entries as sub-sections. */
const listHeading = /^(?:the )?(?:\d+ )?(?:best|top(?:[- ]rated)?)\b/i
const minListEntries = 3

function addWrapper(plan: Plan, wrapper: OutlineSection, several: boolean, special: (section: OutlineSection) => boolean): void {
  const group = isGroupLabel(wrapper.label) ? wrapper.label.title || wrapper.text : several ? wrapper.text : null
  if (wrapper.nodes.length > 0) {
    if (plan.items.length === 0) plan.intro.push(...wrapper.nodes)
    else plan.sections.push({title: wrapper.text, role: 'other', nodes: wrapper.nodes})
  }
  const faqs = new OpenFaq(plan)
  for (const child of wrapper.children) {
    if (faqs.take(child, special)) continue
    if (isFaqTitle(child.text)) faqs.open(child)
    else if (special(child)) addConclusion(plan, child)
    else addItem(plan, child, group)
  }
}

/**
 * An FAQ heading with nothing under it but its siblings (`### Frequently
 * Asked Questions` followed by `### Can I …?` at the same level) holds the
 * sections after it as its questions, up to a conclusion.
 */
class OpenFaq {
  private current: OutlineSection | null = null
  constructor(private readonly plan: Plan) {}

  open(section: OutlineSection): void {
    const empty = section.children.length === 0 && section.nodes.every((node) => node.type !== 'paragraph' || !/\?\s*$/.test(toString(node)))
    const faq = empty ? {...section, children: []} : section
    this.plan.faq.push(faq)
    this.current = empty ? faq : null
  }

  /** Takes a sibling after an open FAQ heading as one of its questions. */
  take(section: OutlineSection, ends: (section: OutlineSection) => boolean): boolean {
    if (this.current === null) return false
    if (ends(section) || isFaqTitle(section.text)) {
      this.current = null
      return false
    }
    this.current.children.push(section)
    return true
  }
}

/** A conclusion goes to the outro; an FAQ written as its sub-section (`## Conclusion` → `### FAQs`) is the article's FAQ. */
function addConclusion(plan: Plan, section: OutlineSection): void {
  const faqs = section.children.filter((child) => isFaqTitle(child.text))
  plan.outro.push(faqs.length === 0 ? section : {...section, children: section.children.filter((child) => !faqs.includes(child))})
  plan.faq.push(...faqs)
}

function addItem(plan: Plan, section: OutlineSection, group: string | null): void {
  plan.items.push({section, number: section.label.number, title: section.label.title, group})
}

/** An FAQ or conclusion written as the last sub-section of the last item belongs to the article, not the item. */
function moveTrailingSpecials(plan: Plan, special: (section: OutlineSection) => boolean, isConclusion: (section: OutlineSection) => boolean): void {
  const last = plan.items.at(-1)
  if (!last) return
  const children = last.section.children
  let cut = children.length
  while (cut > 0 && special(children[cut - 1]!)) cut--
  if (cut === children.length) return
  const moved = children.slice(cut)
  last.section = {...last.section, children: children.slice(0, cut)}
  for (const child of moved) {
    if (isConclusion(child)) addConclusion(plan, child)
    else plan.faq.push(child)
  }
}
