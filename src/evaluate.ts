/**
 * Quality figures for any corpus (`fixset eval`): what a user needs to trust a
 * build of their own data, measured on the build's output files with a
 * reference that does not reuse fixset's own cleaning.
 *
 * - families: occurrences of each boilerplate family in the output (JSON and
 *   Markdown); every count should be 0.
 * - duplicates: of the pairs in a clusters file (groups of files known to be
 *   copies), the share that landed in one fix set; and the pairs that share a
 *   fix set although their 5-word shingle containment is below 0.5 both ways.
 * - content kept: per canonical source, the share of its non-boilerplate
 *   shingles found in its Markdown output (median and 5th percentile), and the
 *   share of the output's shingles found nowhere in the source (95th percentile).
 *
 * - structural flags (`evaluate/flags.ts`): empty or chrome fixes, numbering
 *   left in text, images and anchor links in steps, markup in titles.
 * - leftovers (`evaluate/leftovers.ts`): per family of boilerplate that no
 *   rule is known to remove, the fix sets that still hold it (outside code).
 * - HTML in code not code in source (`evaluate/code.ts`): the fix sets with
 *   a code block that holds an HTML tag although its text was no code in the
 *   canonical source.
 *
 * The reference text of a source is its body with the families below removed
 * by simple patterns: deliberately independent of the remark pipeline, so a
 * bug there cannot hide itself. Gold annotations are measured apart, by
 * `evaluate/measure-gold.ts`.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {BuildOutput} from './read-output.js'
import {shingleHashes, overlap} from './stages/signature.js'
import {wordsOf} from './stages/scan.js'
import type {FixSet} from './schema.js'
import {countFlags, type FlagCount} from './evaluate/flags.js'
import {countLeftovers, defaultFamilies, type Family, type LeftoverCount} from './evaluate/leftovers.js'
import {viewOf, type FixSetView} from './evaluate/shape.js'
import {htmlCodeNotInSourceCode, jsonStringsOutsideCode, textOutsideCode} from './evaluate/code.js'

/** Boilerplate families, as patterns over output text. */
export const families: Record<string, RegExp> = {
  'affiliate marker': /affiliate ads (?:begin|end)/i,
  'affiliate network': /\/\/[^\s)]*(?:impactradius|sjv\.io|pxf\.io|8odi\.net|avangate|2checkout|anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com|georiot\.com|shop-links\.co|goto\.walmart\.com|affportal\.bhphoto\.com)|\/order\/checkout\.php/i,
  adsense: /adsbygoogle|data-ad-(?:client|slot)/i,
  'tracking pixel': /<img[^>]*(?:width|height)="?[01]"?/i,
  'also read': /atpl-alsoreadstyle|^\s*Also read:/im,
  'close line': /^[ \t]*Close[ \t]*$/m,
  disclaimer: /Disclaimer: This post includes affiliate links/i,
  'affiliate redirect': /tools\.techidaily\.com|buy\.geni\.us/i,
  'affiliate parameter': /[?&](?:tag=[\w-]+-2\d\b|asc_refurl=|asc_campaign=|subId1=)/i,
  'shop button': /\[(?:See|View|Buy|Shop)(?: it| now)? (?:at|on) [^\]]{1,40}\]/i,
  'promo line': /^\s*\**Also:?\**:? ?\[/im,
  'photo credit': /^(?:Screenshot by .{1,60}|.{1,60}\/ ?(?:ZDNET|Getty Images)|Lifewire ?\/ ?.{1,60}|.{1,60} ?\/ ?Lifewire)$/m,
  'similar products': /Similar Products We['’]ve Reviewed/i,
  'empty link': /(?<!!)\[\]\((?!\))[^)]*\)/,
  'comment form': /^(?:Save my name, email, and website in this browser for the next time I comment\.|Δ)$/m,
  'feedback prompt': /^Was this page helpful\?$/m,
  'show less': /^(?:Show Expert Take )?Show less$/m,
  'rating line': /^(?:[0-4]\.\d|5\.0)$/m,
  'price line': /^\$[\d,.]+(?: \$[\d,.]+)? Save \$[\d,.]+$/m,
  'newsletter line': /^(?:Get the Latest Tech News Delivered Every Day|Contact me with news and offers from other Future brands|ZDNET's Tech Today newsletter is a daily briefing)/m,
  'promo card': /How-To Geek's product recommendations come from|ZDNET saves you time and money by delivering|ZDNET RECOMMENDS /i,
  'raw html': /(?<!\\)<\/?(?:a|div|span|img|ins|iframe|script|style|video|source|ul|li|p|br|u|b|i|table|svg)\b[^>]*>/i,
  // A URL has a body after its scheme (`javascript:void(0)`); `VBScript: The code…` is prose naming the language.
  "script url": /(?:^|[\s(<"'])(?:javascript|vbscript):(?=\S)/im
}

export interface Evaluation {
  files: number
  rejected: number
  families: Record<string, number>
  duplicates: {pairs: number; together: number; share: number} | null
  wronglyMerged: Array<[string, string]>
  contentKept: {median: number; p5: number} | null
  foreign: {p95: number} | null
  flags: Record<string, FlagCount>
  leftovers: LeftoverCount[]
  /** Fix sets with a code block holding an HTML tag whose text is no code in the canonical source. */
  htmlInCodeNotCode: {fixsets: number; examples: string[]}
}

/** `leftoverFamilies`: the leftover families to count (default: the built-in ones). */
export async function evaluate(input: string, result: BuildOutput, clustersFile?: string, leftoverFamilies: readonly Family[] = defaultFamilies()): Promise<Evaluation> {
  const familyCounts = Object.fromEntries(Object.keys(families).map((name) => [name, 0]))
  for (const [name, content] of result.files) {
    if (!name.startsWith('fixsets/') && name !== 'index.json') continue
    // Outside code, as the leftover families: a Razor snippet's `<div>` is the article's content.
    const text = name.endsWith('.json') ? jsonStringsOutsideCode(JSON.parse(content)).join('\n') : textOutsideCode(content)
    for (const [family, pattern] of Object.entries(families)) {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g')
      familyCounts[family]! += text.match(global)?.length ?? 0
    }
  }

  const sources = new Map<string, string>()
  const source = async (relative: string) => {
    let text = sources.get(relative)
    if (text === undefined) {
      text = (await readFile(path.join(input, relative), 'utf8')).replace(/\r\n?/g, '\n')
      sources.set(relative, text)
    }
    return text
  }

  const fixsetOf = new Map(result.manifest.map((row) => [row.path, row.fixset]))
  let duplicates: Evaluation['duplicates'] = null
  if (clustersFile) {
    const groups = JSON.parse(await readFile(clustersFile, 'utf8')) as Record<string, string[]>
    let pairs = 0
    let together = 0
    for (const members of Object.values(groups)) {
      const paths = members.map((member) => member.replace(/^raw\//, ''))
      for (let i = 0; i < paths.length; i++) {
        for (let j = i + 1; j < paths.length; j++) {
          pairs++
          const a = fixsetOf.get(paths[i]!)
          if (a && a === fixsetOf.get(paths[j]!)) together++
        }
      }
    }
    duplicates = {pairs, together, share: pairs === 0 ? 1 : together / pairs}
  }

  const wronglyMerged: Array<[string, string]> = []
  const kept: number[] = []
  const foreign: number[] = []
  const structure: Array<{view: FixSetView; source: () => string}> = []
  const leftoverTexts: Array<{id: string; markdown: string; json: string}> = []
  const htmlInCodeNotCode: Evaluation['htmlInCodeNotCode'] = {fixsets: 0, examples: []}
  for (const fixset of result.fixsets) {
    const [canonical, ...others] = fixset.sources
    const canonicalText = await source(canonical!.path)
    structure.push({view: viewOf(fixset), source: () => canonicalText})
    leftoverTexts.push({id: fixset.id, markdown: result.files.get(`fixsets/${fixset.id}.md`) ?? '', json: jsonStringsOutsideCode(fixset).join('\n')})
    const reference = shingles(referenceText(canonicalText))
    for (const other of others) {
      const {containedInA, containedInB} = overlap(reference, shingles(referenceText(await source(other.path))))
      if (containedInA < 0.5 && containedInB < 0.5) wronglyMerged.push([canonical!.path, other.path])
    }
    const markdown = result.files.get(`fixsets/${fixset.id}.md`)!
    if (htmlCodeNotInSourceCode(markdown, canonicalText).length > 0) {
      htmlInCodeNotCode.fixsets++
      if (htmlInCodeNotCode.examples.length < 5) htmlInCodeNotCode.examples.push(fixset.id)
    }
    const output = shingles(markdownBody(markdown, fixset))
    if (reference.length > 0) kept.push(overlap(reference, output).containedInB)
    if (output.length > 0) foreign.push(1 - overlap(output, shingleHashes(plainWords(await source(canonical!.path)), 5)).containedInB)
  }

  return {
    files: result.manifest.length,
    rejected: result.manifest.filter((row) => row.status === 'rejected').length,
    families: familyCounts,
    duplicates,
    wronglyMerged,
    contentKept: kept.length === 0 ? null : {median: quantile(kept, 0.5), p5: quantile(kept, 0.05)},
    foreign: foreign.length === 0 ? null : {p95: quantile(foreign, 0.95)},
    flags: countFlags(structure),
    leftovers: countLeftovers(leftoverFamilies, leftoverTexts),
    htmlInCodeNotCode
  }
}

/** Families that make a whole line boilerplate; the others (links, parameters, tags) only blemish a line of content. */
const lineFamilies = [
  'affiliate marker', 'adsense', 'tracking pixel', 'also read', 'close line', 'disclaimer', 'promo line', 'photo credit', 'similar products',
  'comment form', 'feedback prompt', 'show less', 'rating line', 'price line', 'newsletter line', 'promo card'
]

/**
 * A source's body with the known families removed: frontmatter, marker
 * ranges, AdSense slots, the also-read farm, a clipper's header, lines the family patterns
 * match, lines that are one link alone (navigation) and affiliate disclosures. What is left is what a reader of the article should still see.
 */
export function referenceText(source: string): string {
  const lines = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--\s*affiliate ads begin\s*-->[\s\S]*?<!--\s*affiliate ads end\s*-->/gi, '\n')
    .replace(/<ins class="adsbygoogle"[\s\S]*?<\/ins>/gi, '\n')
    .replace(/<span class="atpl-alsoreadstyle">[\s\S]*?<\/div>/gi, '\n')
    // A clipper's header: the page's address and its "Excerpt" quote (the meta description).
    .replace(/^source: https?:\/\/\S+[ \t]*$/gim, '')
    .replace(/^>[ \t]*#*[ \t]*Excerpt[ \t]*\n(?:>.*(?:\n|$))*/gim, '\n')
    .split('\n')
  const firstHeading = lines.findIndex((line) => line.trim() !== '')
  return lines
    .filter((line, index) => !(index === firstHeading && /^#/.test(line)))
    .map((line) => line.replace(/^\s*(?:[*+-]|\d+[.)]|>)\s+/, '').replace(/^#+\s*/, '').trim())
    .filter((line) => !lineFamilies.some((family) => families[family]!.test(line)))
    .map((line) => line.replace(new RegExp(families['shop button']!.source, 'gi'), ' '))
    .filter((line) => !/^(?:\[.*\]\(.*#toc-.*\)|Expand|in this article|Share|[0-5](?:\.\d)?)$/i.test(line))
    // A line that is one link and nothing else is navigation (related stories, "more from"), not the article's text.
    .filter((line) => !/^\*{0,2}\[[^\]]*\]\([^)]*\)\*{0,2}$/.test(line))
    // The affiliate disclosure bloggers paste above every post.
    .filter((line) => !/^(?:\*\*)?(?:Disclosure:|If you (?:click on a link|buy something through|purchase through)\b).{0,200}commission/i.test(line))
    .join('\n')
}

/** The Markdown file's body: after the frontmatter and the `# title` line fixset adds. */
function markdownBody(markdown: string, fixset: FixSet): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(`# ${fixset.title}`, '')
}

/** Words of text with URLs and markup syntax left out. */
function plainWords(text: string): string[] {
  return wordsOf(
    text
      .replace(/\]\([^)]*\)/g, '] ')
      .replace(/<[^>\n]*>/g, ' ')
      // A character reference is one character, not the word its name spells (`&lt;` is no word "lt").
      .replace(/&(?:#x?[\da-f]+|[a-z][a-z\d]*);/gi, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .toLowerCase()
  )
}

function shingles(text: string): Uint32Array {
  return shingleHashes(plainWords(text), 5)
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))]!
}
