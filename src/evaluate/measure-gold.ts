/**
 * `fixset eval --gold DIR`: every annotation against the fix set the build
 * made of its article (found through the manifest, whether the article is
 * the canonical source or a duplicate), then the figures over all of them.
 */
import type {BuildOutput} from '../read-output.js'
import {compareAnnotation, goldFigures, type AnnotationResult, type Found, type GoldFigures} from './compare.js'
import type {Gold} from './gold.js'
import {jsonStrings, viewOf} from './shape.js'

export interface GoldEvaluation {
  annotations: AnnotationResult[]
  figures: GoldFigures
}

export function evaluateGold(annotations: readonly Gold[], result: BuildOutput): GoldEvaluation {
  const rows = new Map(result.manifest.map((row) => [row.path, row]))
  const fixsets = new Map(result.fixsets.map((fixset) => [fixset.id, fixset as unknown]))
  const results = annotations.map((gold) => compareAnnotation(gold, findArticle(gold.path, rows, fixsets, result.files)))
  return {annotations: results, figures: goldFigures(results)}
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
