/**
 * Sections at the level the article meant, where its heading levels say
 * otherwise:
 *
 * - `Step N` headings written at the level of numbered methods
 *   (`### Way Two: Use X`, `### Guide on using X`, `### Step 1 Import`,
 *   `### Step 2 Export`) are the procedure of the method before them: they,
 *   and the sections between that method and them, become its sub-sections
 *   (so its steps). Without numbered methods (two or more) they stay the
 *   article's own sections: a guide's stages, or a procedure after a list's
 *   numbered entries (`## 10. Pandora`).
 * - A sub-section numbered as the next item of its parent's kind
 *   (`## Method 4` holding `### Method 5`) is the parent's sibling.
 */
import {numbersItem, isStepLabel} from './labels.js'
import type {OutlineSection} from './outline.js'

export function regroupSections(sections: readonly OutlineSection[]): OutlineSection[] {
  const lifted = sections.flatMap(liftNextItems)
  return joinStepSections(lifted).map((section) => ({...section, children: regroupSections(section.children)}))
}

/** A section and, after it, the sub-sections that number the items following it. */
function liftNextItems(section: OutlineSection): OutlineSection[] {
  const {label} = section
  if (!numbersItem(label) || label.kind === null) return [section]
  const index = section.children.findIndex((child) => child.label.kind === label.kind && child.label.number === label.number! + 1)
  if (index === -1) return [section]
  const [next, ...after] = section.children.slice(index)
  const siblings = after.filter((child) => child.label.kind === label.kind && numbersItem(child.label))
  const own = after.filter((child) => !siblings.includes(child))
  const parent = {...section, children: section.children.slice(0, index)}
  return [parent, ...liftNextItems({...next!, children: [...next!.children, ...own]}), ...siblings.flatMap(liftNextItems)]
}

/** A method, fix or way with its number (`Way Two`), not a bare `2.`: a list's entries are no methods. */
const isMethod = (section: OutlineSection): boolean => numbersItem(section.label) && section.label.kind !== null

/** Runs of `Step N` siblings after a numbered method, with the sections between, as that method's sub-sections. */
function joinStepSections(sections: readonly OutlineSection[]): OutlineSection[] {
  if (sections.filter(isMethod).length < 2) return [...sections]
  const result: OutlineSection[] = []
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!
    const end = isMethod(section) ? lastStepOfRun(sections, index + 1) : -1
    if (end === -1) {
      result.push(section)
      continue
    }
    result.push({...section, children: [...section.children, ...sections.slice(index + 1, end + 1)]})
    index = end
  }
  return result
}

/** The index of the last `Step N` section after `from` and before the next numbered item, or -1 when there is none. */
function lastStepOfRun(sections: readonly OutlineSection[], from: number): number {
  let last = -1
  for (let index = from; index < sections.length; index++) {
    const label = sections[index]!.label
    if (numbersItem(label)) break
    if (isStepLabel(label)) last = index
  }
  return last
}
