/**
 * `fixset eval --gold DIR`: every annotation against the fix set the build
 * made of its article (found through the manifest, whether the article is
 * the canonical source or a duplicate), then the figures over all of them.
 */
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {BuildOutput} from '../read-output.js'
import {compareAnnotation, goldFigures, type AnnotationResult, type Found, type GoldFigures} from './compare.js'
import type {Gold} from './gold.js'
import {jsonStrings, viewOf} from './shape.js'

const parser = unified().use(remarkParse).freeze()

export interface GoldEvaluation {
  annotations: AnnotationResult[]
  figures: GoldFigures
}

/** `sourceOf`: the text of an input file by its relative path (a duplicate's own headings are read from it), or null. */
export function evaluateGold(annotations: readonly Gold[], result: BuildOutput, sourceOf: (relative: string) => string | null = () => null): GoldEvaluation {
  const rows = new Map(result.manifest.map((row) => [row.path, row]))
  const fixsets = new Map(result.fixsets.map((fixset) => [fixset.id, fixset as unknown]))
  const results = annotations.map((gold) => {
    const found = findArticle(gold.path, rows, fixsets, result.files)
    const source = found.status === 'duplicate' ? sourceOf(gold.path) : null
    return compareAnnotation(gold, source === null ? found : {...found, copyHeadings: headingsOf(source)})
  })
  return {annotations: results, figures: goldFigures(results)}
}

/** The plain text of a source's `#` and `##` headings, read from its Markdown after the frontmatter. */
export function headingsOf(source: string): string[] {
  const headings: string[] = []
  visit(parser.parse(source.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '')), 'heading', (node) => {
    if (node.depth <= 2) headings.push(toString(node))
  })
  return headings
}

function findArticle(
  relative: string,
  rows: ReadonlyMap<string, BuildOutput['manifest'][number]>,
  fixsets: ReadonlyMap<string, unknown>,
  files: ReadonlyMap<string, string>
): Found {
  const row = rows.get(relative)
  if (row === undefined) return {status: 'missing', fixset: null, markdown: '', json: ''}
  const json = row.fixset === null ? undefined : fixsets.get(row.fixset)
  if (row.status === 'rejected' || json === undefined) return {status: 'rejected', fixset: null, markdown: '', json: ''}
  return {status: row.status, fixset: viewOf(json), markdown: files.get(`fixsets/${row.fixset}.md`) ?? '', json: jsonStrings(json).join('\n')}
}
