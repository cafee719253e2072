/**
 * Helpers shared by the cleaning rules: classify raw HTML through a real HTML
 * parser (hast), and remove nodes while recording what was removed.
 */
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Link, Nodes, Parent, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {SKIP, visit, type VisitorResult} from '../../walk.js'
import type {VFile} from 'vfile'
import {recordChange} from '../../diagnostics.js'

/**
 * The elements of an HTML fragment, in document order (descendants included).
 * Several rules classify the same `html` node, and the same ad snippets recur
 * across files, so fragments are parsed once (a bounded memo; callers only read).
 */
export function htmlElements(value: string): readonly Element[] {
  const known = parsedFragments.get(value)
  if (known) return known
  const elements: Element[] = []
  visit(fromHtml(value, {fragment: true}), 'element', (element) => {
    elements.push(element)
  })
  if (parsedFragments.size >= maxParsedFragments) parsedFragments.clear()
  parsedFragments.set(value, elements)
  return elements
}

const maxParsedFragments = 2048
const parsedFragments = new Map<string, readonly Element[]>()

/** The first element of an HTML fragment, if it has one. */
export function firstElement(value: string): Element | undefined {
  return htmlElements(value)[0]
}

/** Whether an element's `class` attribute holds one of `names`. */
export function hasClass(element: Element, names: readonly string[]): boolean {
  const classes = element.properties['className']
  return Array.isArray(classes) && classes.some((name) => names.includes(String(name)))
}

/** Whether a node is a closing tag only (`</ins>`), with the tag name. */
export function closingTag(node: Nodes): string | undefined {
  if (node.type !== 'html') return undefined
  return /^<\/([A-Za-z][\w-]*)\s*>$/.exec(node.value.trim())?.[1]?.toLowerCase()
}

/**
 * Records the removal of `node` (its lines and source bytes) under `ruleId`.
 * A node converted from HTML stands on its whole HTML block's place, so its
 * bytes are those of its own text.
 */
export function recordRemoval(file: VFile, node: Nodes, ruleId: string): void {
  const {start, end} = node.position ?? {}
  const bytes =
    start?.offset !== undefined && end?.offset !== undefined && !node.data?.convertedFromHtml
      ? Buffer.byteLength(String(file.value).slice(start.offset, end.offset))
      : Buffer.byteLength(toString(node))
  recordChange(file, {ruleId, action: 'removed', startLine: start?.line ?? null, endLine: end?.line ?? null, bytes})
}

/**
 * Visits the tree's block nodes only, in order: the inline content of
 * paragraphs, headings and table cells (most of a tree's nodes) is not
 * entered, since a walk costs per node visited. For rules about blocks; a
 * visitor's own result (`SKIP`, an index to go on at) is kept.
 */
export function visitBlocks(tree: Root, visitor: (node: Nodes, index: number | undefined, parent: Parent | undefined) => VisitorResult): void {
  visit(tree, (node, index, parent) => {
    const result = visitor(node, index, parent)
    if (result !== undefined) return result
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return SKIP
    return undefined
  })
}

/**
 * Removes every node for which `test` returns true, anywhere in the tree (or
 * among blocks only, `visitBlocks`), and records each removal under `ruleId`.
 * Children of removed nodes are not visited.
 */
export function removeNodes(
  tree: Root,
  file: VFile,
  ruleId: string,
  test: (node: RootContent, index: number, parent: Parent) => boolean,
  where: 'everywhere' | 'blocks' = 'everywhere'
): void {
  const walk = where === 'blocks' ? visitBlocks : (root: Root, visitor: Parameters<typeof visitBlocks>[1]) => visit(root, visitor)
  walk(tree, (node, index, parent) => {
    if (!parent || index === undefined || node.type === 'root') return
    if (!test(node, index, parent)) return
    recordRemoval(file, node, ruleId)
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}

/** Whether a paragraph (or other parent) has nothing left but white space and line breaks. */
export function isBlank(node: Nodes): boolean {
  if (node.type === 'text') return node.value.trim() === ''
  if (node.type === 'break') return true
  if (node.type === 'paragraph' || node.type === 'heading') return node.children.every(isBlank)
  return false
}

/**
 * A paragraph's content as lines: soft line breaks inside text nodes and hard
 * breaks both end a line. `joinLines` puts lines back with soft breaks.
 */
export function splitLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type === 'break') {
      lines.push([])
    } else if (child.type === 'text' && child.value.includes('\n')) {
      child.value.split('\n').forEach((part, index) => {
        if (index > 0) lines.push([])
        if (part !== '') lines.at(-1)!.push({type: 'text', value: part})
      })
    } else {
      lines.at(-1)!.push(child)
    }
  }
  return lines
}

export function joinLines(lines: readonly PhrasingContent[][]): PhrasingContent[] {
  return lines.flatMap((line, index) => (index === 0 ? line : [{type: 'text', value: '\n'} as PhrasingContent, ...line]))
}

/** Compiles the pattern strings of a rule table once, case-insensitively unless told otherwise. */
export function compilePatterns<T extends {pattern: string; flags?: string}>(rules: readonly T[]): Array<T & {regex: RegExp}> {
  return rules.map((rule) => ({...rule, regex: new RegExp(rule.pattern, rule.flags ?? 'iu')}))
}

/**
 * The first rule of a compiled table whose pattern matches `text`, as
 * `rules.find((rule) => rule.regex.test(text))` gives it. The scan and the
 * line rules test every line against every pattern of a table, and a corpus
 * repeats its lines (republished copies, site chrome): each table keeps the
 * answers for the texts it has seen (a bounded memo). A table with a global or
 * sticky pattern, whose `test` depends on `lastIndex`, is never memoised.
 */
export function firstMatch<T extends {regex: RegExp}>(rules: readonly T[], text: string): T | undefined {
  if (rules.length === 0) return undefined
  let answers = matchAnswers.get(rules)
  if (answers === undefined) {
    if (rules.some((rule) => rule.regex.global || rule.regex.sticky)) return rules.find((rule) => rule.regex.test(text))
    answers = new Map()
    matchAnswers.set(rules, answers)
  }
  const known = answers.get(text)
  if (known !== undefined) return known === noMatch ? undefined : (known as T)
  const rule = rules.find((candidate) => candidate.regex.test(text))
  if (answers.size >= maxMatchAnswers) answers.clear()
  answers.set(text, rule ?? noMatch)
  return rule
}

/** Words a line may hold outside its links and still be a link under a label (`You might also like:`). */
export const maxLabelWords = 4

/** Whether a line of plain words outside its links is short enough to be a label (`linkedLine`). */
export function isLabel(wordsOutsideLinks: string): boolean {
  return wordsOutsideLinks.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length <= maxLabelWords
}

/**
 * The rules of a `dropLines` table that also match a line without a link
 * (`LineRule.linked` unset): the table to test such a line with. One array
 * per table, so `firstMatch` keeps its memo for it.
 */
export function unlinkedRules<T extends {linked?: boolean}>(rules: readonly T[]): readonly T[] {
  let unlinked = unlinkedTables.get(rules) as readonly T[] | undefined
  if (unlinked === undefined) {
    unlinked = rules.some((rule) => rule.linked === true) ? rules.filter((rule) => rule.linked !== true) : rules
    unlinkedTables.set(rules, unlinked)
  }
  return unlinked
}

const unlinkedTables = new WeakMap<readonly unknown[], readonly unknown[]>()

const noMatch = Symbol('no match')
const maxMatchAnswers = 50_000
const matchAnswers = new WeakMap<readonly unknown[], Map<string, unknown>>()

/**
 * Plain text of a block as a reader sees it: its blocks (a quote's heading
 * and paragraph, list items, table cells) and hard line breaks are separated
 * by a space, white space folded. `toString` joins them with nothing, so a
 * quote of `## Excerpt` and `W3Schools offers…` read as "ExcerptW3Schools
 * offers…" and `^Excerpt\b` could not match it.
 */
export function blockText(node: Nodes): string {
  return foldWhiteSpace(blockParts(node))
}

const phrasingParents = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])

function blockParts(node: Nodes): string {
  if (node.type === 'break') return ' '
  if (!('children' in node)) return toString(node)
  const separator = phrasingParents.has(node.type) ? '' : ' '
  return node.children.map((child) => blockParts(child as Nodes)).join(separator)
}

/** Plain text of phrasing content, white space folded. */
export function lineText(nodes: readonly PhrasingContent[]): string {
  return foldWhiteSpace(nodes.map((node) => toString(node)).join(''))
}

/** White space other than one space between words: only such text needs folding. */
const unfolded = /\s\s|[^\S ]/

/**
 * `text.replace(/\s+/g, ' ').trim()`, without building a copy for text whose
 * white space is already single spaces (most lines): every line of every
 * rendered file is folded, several times over, by the line and block rules.
 */
export function foldWhiteSpace(text: string): string {
  return (unfolded.test(text) ? text.replace(/\s+/g, ' ') : text).trim()
}

/**
 * The one link a paragraph is made of (white space and emphasis around it
 * allowed), or undefined: `[Drivers](…)`, `**[Drivers](…)**`. A link the page
 * split in pieces with the same target (`[What Are the Bootcamps](u)[?](u)`,
 * a heading's last word styled apart) is still one link: its first piece.
 */
export function soleLink(paragraph: Nodes): Link | undefined {
  if (paragraph.type !== 'paragraph' && paragraph.type !== 'strong' && paragraph.type !== 'emphasis') return undefined
  const children = paragraph.children.filter((child) => !isBlank(child))
  const first = children[0]
  if (first === undefined) return undefined
  if (children.length === 1) return first.type === 'link' ? first : soleLink(first)
  return first.type === 'link' && children.every((child) => child.type === 'link' && child.url === first.url) ? first : undefined
}

/** Whether every item of a list is one paragraph made of one link, and nothing else. */
export function isLinkList(list: Nodes): boolean {
  if (list.type !== 'list' || list.children.length === 0) return false
  return list.children.every((item) => item.children.length === 1 && soleLink(item.children[0]!) !== undefined)
}
