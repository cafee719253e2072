/**
 * `qa-chrome`: the furniture of a question-and-answer page (Stack Overflow,
 * Stack Exchange, forums of the same make) clipped with its posts, line by
 * line: the post buttons (`Share a link to this answer`, `Improve this
 * answer`, `Follow`, `Add a comment`, `Show 4 more comments`), the post's
 * `answered Jul 10, 2021 at 23:21`, the user card's reputation and badges
 * glued together (`24.1k33 gold badges2626 silver badges4545 bronze badges`)
 * and the vote widget's labels. A bare number (the vote count: `0`, `-3`)
 * or a lone `Follow` is chrome only next to such a line, since elsewhere it
 * may be a program's output or a step's number.
 */
import type {Paragraph, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {joinLines, lineText, splitLines, visitBlocks} from '../util.js'

const ruleId = 'qa-chrome'

const post = '(?:answer|question|post)'
const date = '[A-Z][a-z]{2} \\d{1,2}(?:, \\d{4})?(?: at \\d{1,2}:\\d{2})?'

/** Lines that are chrome wherever they stand. */
const chromeLine = new RegExp(
  [
    // A user card: reputation, then the badge counts, glued as the page lays them out.
    '^[\\d.,]+k?(?:\\d+ (?:gold|silver|bronze) badges?)+$',
    `^\\|? ?(?:Add a comment|Show \\d+ more comments?)(?: ?\\|)?$`,
    `^(?:Share a link to this ${post}|Improve this ${post}|Follow this ${post} to receive notifications|Save this ${post}\\.?|Show activity on this post\\.?)$`,
    // The three buttons as one line: `Share Improve this answer Follow`.
    `^Share (?:Improve this ${post} )?Follow$`,
    '^Copy link(?: ?CC BY-SA [\\d.]+)?$',
    `^This ${post} (?:is (?:not )?useful|shows research effort; it is useful and clear|does not show any research effort; it is unclear or not useful)$`,
    `^(?:answered|edited|asked|modified) ${date}$`
  ].join('|'),
  'i'
)

/** Lines that are chrome only beside a chrome line: a vote count, a lone `Follow` button. */
const chromeBesideChrome = /^(?:-?\d{1,6}|Follow)$/

export default function remarkDropQaChrome() {
  return function (tree: Root, file: VFile) {
    const paragraphs: Array<{paragraph: Paragraph; lines: PhrasingContent[][]}> = []
    visitBlocks(tree, (node) => {
      if (node.type === 'paragraph') paragraphs.push({paragraph: node, lines: splitLines(node.children)})
    })
    // Every paragraph line in document order, for the neighbours of a vote count.
    const texts = paragraphs.flatMap(({lines}) => lines.map(lineText)).filter((text) => text !== '')
    const isChrome = texts.map((text) => chromeLine.test(text))
    let at = 0
    for (const {paragraph, lines} of paragraphs) {
      const kept = lines.filter((line) => {
        const text = lineText(line)
        if (text === '') return true
        const index = at++
        const chrome = isChrome[index] || (chromeBesideChrome.test(text) && (isChrome[index - 1] === true || isChrome[index + 1] === true))
        if (!chrome) return true
        const start = paragraph.position?.start.line ?? null
        recordChange(file, {ruleId, action: 'removed', startLine: start, endLine: start, bytes: Buffer.byteLength(text)})
        return false
      })
      if (kept.length !== lines.length) paragraph.children = joinLines(kept)
    }
  }
}
