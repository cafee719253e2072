/**
 * `fixset eval` as text: the corpus figures, the structural flags, the
 * leftover families, and with `--gold` one line per annotation and the gold
 * figures. (`--json` prints the same objects as JSON.)
 */
import type {Evaluation} from '../evaluate.js'
import type {GoldEvaluation} from './measure-gold.js'

const percent = (value: number) => `${(value * 100).toFixed(2)}%`
const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2))

export function formatEvaluation(figures: Evaluation): string {
  const rows = [
    `files                        ${figures.files} (${figures.rejected} rejected)`,
    ...Object.entries(figures.families).map(([family, count]) => `family in output: ${family.padEnd(20)} ${count}`),
    figures.duplicates ? `known duplicate pairs together ${figures.duplicates.together}/${figures.duplicates.pairs} (${percent(figures.duplicates.share)})` : 'known duplicate pairs        (no --clusters file)',
    `merged but different         ${figures.wronglyMerged.length}${figures.wronglyMerged.map(([a, b]) => `\n  ${a} + ${b}`).join('')}`,
    figures.contentKept ? `content kept                 median ${percent(figures.contentKept.median)}, 5th percentile ${percent(figures.contentKept.p5)}` : '',
    figures.foreign ? `output from elsewhere        95th percentile ${percent(figures.foreign.p95)}` : '',
    'structural flags:',
    ...Object.entries(figures.flags).map(([name, flag]) => `  ${name.padEnd(24)} ${String(flag.count).padStart(6)}  ${flag.description}${flag.examples.length > 0 ? ` (e.g. ${flag.examples.slice(0, 3).join(', ')})` : ''}`),
    'leftover families (fix sets holding each):',
    ...figures.leftovers.map(
      (row) =>
        `  ${(row.origin === 'built-in' ? row.family : `${row.family} [${row.origin}]`).padEnd(36)} ${String(row.fixsets).padStart(6)}  ${percent(row.share).padStart(7)}${row.examples.length > 0 ? ` (e.g. ${row.examples.slice(0, 2).join(', ')})` : ''}`
    ),
    `HTML in code not code in source ${figures.htmlInCodeNotCode.fixsets}${figures.htmlInCodeNotCode.examples.length > 0 ? ` (e.g. ${figures.htmlInCodeNotCode.examples.slice(0, 2).join(', ')})` : ''}`
  ]
  return rows.filter(Boolean).join('\n') + '\n'
}

export function formatGold(gold: GoldEvaluation): string {
  const lines = gold.annotations.map((result) => `${result.path}: ${result.differences.length === 0 ? 'as the gold' : result.differences.join('; ')}`)
  const {figures} = gold
  const rows = [
    `gold annotations             ${figures.annotations}`,
    `items                        precision ${figure(figures.items.precision)}, recall ${figure(figures.items.recall)}, F1 ${figure(figures.items.f1)}`,
    `number                       ${figure(figures.number)}`,
    `steps exact                  ${figure(figures.stepsExact)}`,
    `step starts                  ${figure(figures.stepStarts)}`,
    `title                        ${figure(figures.title)}`,
    `kind                         ${figure(figures.kind)}${gold.annotations.some((result) => result.kind !== null) ? '' : ' (no fix set has a kind: schema 1 output)'}`,
    `FAQ questions                ${figure(figures.faq)}`,
    `keep found                   ${figure(figures.keep)}`,
    `junk left                    ${figure(figures.junkLeft)}`
  ]
  return [...lines, ...rows].join('\n') + '\n'
}
