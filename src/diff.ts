/**
 * `fixset diff`: what changed between two builds, at the size of a review.
 *
 * Fix sets are matched across builds by their sources (an id changes when
 * another member becomes canonical: that is a rename, not a removal plus an
 * addition). For each matched fix set the report names the title, aliases,
 * fixes, steps, text, images and videos that changed, quoting old → new, so
 * one changed step is one line. Manifest changes (duplicates that joined or
 * left a cluster, files newly rejected) come last.
 */
import type {ListItem, PhrasingContent, Root, RootContent} from 'mdast'
import {nodeToMarkdown} from './markdown.js'
import type {FixSet} from './schema.js'
import type {BuildOutput} from './read-output.js'
import {compareStrings} from './diagnostics.js'

export interface Change {
  /** Where, in reader's terms: `fix 2 "Title", step 3`. */
  where: string
  kind: 'added' | 'removed' | 'changed'
  old?: string
  new?: string
}

export interface DiffReport {
  added: Array<{id: string; title: string}>
  removed: Array<{id: string; title: string}>
  renamed: Array<{from: string; to: string; title: string}>
  changed: Array<{id: string; title: string; changes: Change[]}>
  joined: Array<{path: string; fixset: string}>
  left: Array<{path: string; fixset: string | null}>
  newlyRejected: Array<{path: string; reason: string}>
  noLongerRejected: string[]
}

export function diffOutputs(before: BuildOutput, after: BuildOutput): DiffReport {
  const report: DiffReport = {added: [], removed: [], renamed: [], changed: [], joined: [], left: [], newlyRejected: [], noLongerRejected: []}
  const oldById = new Map(before.fixsets.map((fixset) => [fixset.id, fixset]))
  const matchedOld = new Set<string>()
  for (const fixset of [...after.fixsets].sort((a, b) => compareStrings(a.id, b.id))) {
    const previous = oldById.get(fixset.id) ?? before.fixsets.find((old) => !matchedOld.has(old.id) && !after.fixsets.some((other) => other.id === old.id) && sharesSource(old, fixset))
    if (!previous) {
      report.added.push({id: fixset.id, title: fixset.title})
      continue
    }
    matchedOld.add(previous.id)
    if (previous.id !== fixset.id) report.renamed.push({from: previous.id, to: fixset.id, title: fixset.title})
    const changes = diffFixSet(previous, fixset)
    if (changes.length > 0) report.changed.push({id: fixset.id, title: fixset.title, changes})
  }
  for (const fixset of before.fixsets) if (!matchedOld.has(fixset.id)) report.removed.push({id: fixset.id, title: fixset.title})

  const oldRows = new Map(before.manifest.map((row) => [row.path, row]))
  const newRows = new Map(after.manifest.map((row) => [row.path, row]))
  const renamedTo = new Map(report.renamed.map((rename) => [rename.from, rename.to]))
  for (const row of after.manifest) {
    const old = oldRows.get(row.path)
    if (row.status === 'rejected' && old?.status !== 'rejected') report.newlyRejected.push({path: row.path, reason: row.reason ?? ''})
    if (row.status === 'duplicate' && (old?.fixset === undefined || (renamedTo.get(old.fixset ?? '') ?? old.fixset) !== row.fixset)) {
      report.joined.push({path: row.path, fixset: row.fixset!})
    }
  }
  for (const row of before.manifest) {
    const now = newRows.get(row.path)
    if (row.status === 'rejected' && now && now.status !== 'rejected') report.noLongerRejected.push(row.path)
    if (row.status === 'duplicate' && (!now || now.status !== 'duplicate' || now.fixset !== (renamedTo.get(row.fixset!) ?? row.fixset))) {
      report.left.push({path: row.path, fixset: now?.fixset ?? null})
    }
  }
  return report
}

export function hasChanges(report: DiffReport): boolean {
  return Object.values(report).some((list) => list.length > 0)
}

function sharesSource(a: FixSet, b: FixSet): boolean {
  const paths = new Set(a.sources.map((source) => source.path))
  return b.sources.some((source) => paths.has(source.path))
}

function diffFixSet(before: FixSet, after: FixSet): Change[] {
  const changes: Change[] = []
  scalar(changes, 'title', before.title, after.title)
  scalar(changes, 'kind', before.kind, after.kind)
  scalar(changes, 'description', before.description, after.description)
  scalar(changes, 'date', before.date, after.date)
  list(changes, 'alias', before.aliases, after.aliases)
  list(changes, 'source', before.sources.map((source) => source.path), after.sources.map((source) => source.path))
  content(changes, 'intro', before.intro, after.intro)
  const pairs = align(before.fixes.map(fixKey), after.fixes.map(fixKey))
  for (const [oldIndex, newIndex] of pairs) {
    const old = oldIndex === undefined ? undefined : before.fixes[oldIndex]
    const fix = newIndex === undefined ? undefined : after.fixes[newIndex]
    if (!old) changes.push({where: `fix ${describeFix(fix!)}`, kind: 'added'})
    else if (!fix) changes.push({where: `fix ${describeFix(old)}`, kind: 'removed'})
    else {
      const where = `fix ${describeFix(fix)}`
      scalar(changes, `${where}, title`, old.title, fix.title)
      scalar(changes, `${where}, group`, old.group, fix.group)
      content(changes, where, old, fix)
    }
  }
  for (const [oldIndex, newIndex] of align(before.sections.map((section) => section.title), after.sections.map((section) => section.title))) {
    const old = oldIndex === undefined ? undefined : before.sections[oldIndex]
    const section = newIndex === undefined ? undefined : after.sections[newIndex]
    const where = `section ${JSON.stringify((section ?? old)!.title)}`
    if (!old) changes.push({where, kind: 'added'})
    else if (!section) changes.push({where, kind: 'removed'})
    else content(changes, where, old, section)
  }
  list(changes, 'faq, question', before.faq.map((entry) => entry.question), after.faq.map((entry) => entry.question))
  const answers = new Map(before.faq.map((entry) => [entry.question, entry.answer]))
  for (const entry of after.faq) {
    const old = answers.get(entry.question)
    if (old !== undefined) scalar(changes, `faq ${JSON.stringify(entry.question)}, answer`, old, entry.answer)
  }
  if (before.outro || after.outro) {
    scalar(changes, 'outro, title', before.outro?.title ?? null, after.outro?.title ?? null)
    content(changes, 'outro', before.outro ?? emptyContent, after.outro ?? emptyContent)
  }
  return changes
}

const emptyContent: FixSet['intro'] = {blocks: [], steps: [], images: [], videos: []}

/** Steps are compared one by one (numbered `group.step`), the other text blocks as text, images and videos by URL. */
function content(changes: Change[], where: string, before: FixSet['intro'], after: FixSet['intro']): void {
  list(changes, `${where}, step`, numberedSteps(before.steps), numberedSteps(after.steps))
  list(changes, `${where}, text`, textBlocks(before.blocks), textBlocks(after.blocks))
  list(changes, `${where}, image`, before.images.map((image) => image.url), after.images.map((image) => image.url))
  list(changes, `${where}, video`, before.videos.map((video) => video.url), after.videos.map((video) => video.url))
}

/** Each step with the procedure it belongs to, when a part has several (`2: Click Save`). */
function numberedSteps(groups: readonly string[][]): string[] {
  return groups.flatMap((steps, group) => (groups.length > 1 ? steps.map((step) => `${group + 1}: ${step}`) : steps))
}

function textBlocks(blocks: FixSet['intro']['blocks']): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'paragraph':
      case 'table':
      case 'quote':
        return [block.markdown]
      case 'heading':
        return [block.text]
      case 'list':
        return [block.items.join('\n')]
      case 'code':
        return [block.value]
      default:
        return []
    }
  })
}

function scalar(changes: Change[], where: string, before: string | null, after: string | null): void {
  if (before === after) return
  changes.push({where, kind: before === null ? 'added' : after === null ? 'removed' : 'changed', ...(before === null ? {} : {old: before}), ...(after === null ? {} : {new: after})})
}

/** Items added, removed, or changed in place (an old item and a new one at the same spot of the alignment). */
function list(changes: Change[], where: string, before: readonly string[], after: readonly string[]): void {
  for (const [oldIndex, newIndex] of align(before, after)) {
    const old = oldIndex === undefined ? undefined : before[oldIndex]
    const now = newIndex === undefined ? undefined : after[newIndex]
    if (old === now) continue
    const position = `${where} ${(newIndex ?? oldIndex)! + 1}`
    if (old === undefined) changes.push({where: position, kind: 'added', new: now!})
    else if (now === undefined) changes.push({where: position, kind: 'removed', old})
    else changes.push({where: position, kind: 'changed', old, new: now})
  }
}

/**
 * Aligns two lists by their longest common subsequence; unmatched items that
 * fall between the same matched neighbours are paired as changes, the rest
 * are additions or removals.
 */
export function align(before: readonly string[], after: readonly string[]): Array<[number | undefined, number | undefined]> {
  const rows = before.length
  const columns = after.length
  const lengths = Array.from({length: rows + 1}, () => new Uint16Array(columns + 1))
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i]![j] = before[i] === after[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const pairs: Array<[number | undefined, number | undefined]> = []
  let i = 0
  let j = 0
  const removed: number[] = []
  const added: number[] = []
  const flush = () => {
    const paired = Math.min(removed.length, added.length)
    for (let k = 0; k < paired; k++) pairs.push([removed[k], added[k]])
    for (const index of removed.slice(paired)) pairs.push([index, undefined])
    for (const index of added.slice(paired)) pairs.push([undefined, index])
    removed.length = 0
    added.length = 0
  }
  while (i < rows || j < columns) {
    if (i < rows && j < columns && before[i] === after[j]) {
      flush()
      pairs.push([i++, j++])
    } else if (j >= columns || (i < rows && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      removed.push(i++)
    } else {
      added.push(j++)
    }
  }
  flush()
  return pairs
}

function fixKey(fix: FixSet['fixes'][number]): string {
  return `${fix.number ?? ''} ${fix.title}`
}

function describeFix(fix: FixSet['fixes'][number]): string {
  return `${fix.number ?? ''} ${JSON.stringify(fix.title)}`.trim()
}


/** Plain text for a terminal or a log. */
export function formatText(report: DiffReport): string {
  if (!hasChanges(report)) return 'no changes\n'
  const lines: string[] = []
  for (const item of report.added) lines.push(`+ fix set ${item.id}: ${item.title}`)
  for (const item of report.removed) lines.push(`- fix set ${item.id}: ${item.title}`)
  for (const item of report.renamed) lines.push(`~ fix set ${item.from} → ${item.to}`)
  for (const item of report.changed) {
    lines.push(`~ ${item.id}: ${item.title}`)
    for (const change of item.changes) lines.push(`    ${describeChange(change)}`)
  }
  for (const item of report.joined) lines.push(`+ duplicate ${item.path} joined ${item.fixset}`)
  for (const item of report.left) lines.push(`- duplicate ${item.path} left its cluster${item.fixset ? ` (now in ${item.fixset})` : ''}`)
  for (const item of report.newlyRejected) lines.push(`! rejected ${item.path}: ${item.reason}`)
  for (const path of report.noLongerRejected) lines.push(`+ no longer rejected: ${path}`)
  return lines.join('\n') + '\n'
}

/** Markdown for a pull-request comment or a CI job summary, built as mdast and serialised. */
export function formatMarkdown(report: DiffReport): string {
  const text = (value: string): PhrasingContent => ({type: 'text', value})
  const code = (value: string): PhrasingContent => ({type: 'inlineCode', value})
  const item = (...children: PhrasingContent[]): ListItem => ({type: 'listItem', spread: false, children: [{type: 'paragraph', children}]})
  const section = (title: string, items: ListItem[]): RootContent[] =>
    items.length === 0 ? [] : [{type: 'heading', depth: 3, children: [text(title)]}, {type: 'list', ordered: false, spread: false, children: items}]
  const root: Root = {
    type: 'root',
    children: [
      {type: 'heading', depth: 2, children: [text('fixset output changes')]},
      ...(hasChanges(report) ? [] : [{type: 'paragraph', children: [text('No changes.')]} as RootContent]),
      ...section('Fix sets added', report.added.map((entry) => item(code(entry.id), text(` ${entry.title}`)))),
      ...section('Fix sets removed', report.removed.map((entry) => item(code(entry.id), text(` ${entry.title}`)))),
      ...section('Fix sets renamed', report.renamed.map((entry) => item(code(entry.from), text(' → '), code(entry.to)))),
      ...report.changed.flatMap((entry) => [
        {type: 'heading', depth: 3, children: [code(entry.id), text(` ${entry.title}`)]} as RootContent,
        {type: 'list', ordered: false, spread: false, children: entry.changes.map((change) => item(text(describeChange(change))))} as RootContent
      ]),
      ...section('Duplicates that joined a fix set', report.joined.map((entry) => item(code(entry.path), text(' → '), code(entry.fixset)))),
      ...section('Duplicates that left their fix set', report.left.map((entry) => item(code(entry.path), text(entry.fixset ? ' → ' : ''), ...(entry.fixset ? [code(entry.fixset)] : [])))),
      ...section('Newly rejected files', report.newlyRejected.map((entry) => item(code(entry.path), text(`: ${entry.reason}`)))),
      ...section('No longer rejected', report.noLongerRejected.map((path) => item(code(path))))
    ]
  }
  return nodeToMarkdown(root) + '\n'
}

function describeChange(change: Change): string {
  if (change.kind === 'added') return `${change.where}: added${change.new === undefined ? '' : ` ${JSON.stringify(change.new)}`}`
  if (change.kind === 'removed') return `${change.where}: removed${change.old === undefined ? '' : ` ${JSON.stringify(change.old)}`}`
  return `${change.where}: ${JSON.stringify(change.old)} → ${JSON.stringify(change.new)}`
}
