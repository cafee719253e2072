/**
 * Rule `texturized-fence`: a Markdown code fence that a blog's typography
 * filter turned into quotes (WordPress makes ` `` ` a curly `“`, so
 * "```py" is printed `“`py`): the page shows the fence as text, and the code
 * between it and the closing `“`` is read as paragraphs, its `# comment`
 * lines as level-one headings that would cut the article into sections
 * ("# the pillow package can be imported as PIL"). The lines from the
 * opening line to the closing one become one code block again, a heading
 * among them the comment it was. The text before the opening line and after
 * the closing one stays where it was.
 *
 * Only paragraphs, level-one headings (a comment's `#`) and screenshots may
 * stand between the two lines, within a few blocks: anything else (a list,
 * a table, a section heading) says the fence was not closed there, and
 * nothing changes.
 */
import type {Code, Heading, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {recordChange} from '../../../diagnostics.js'
import {joinLines, lineText, splitLines} from '../util.js'

/** The opening line: a curly quote, a backtick, and the language (`“`py`). */
const opening = /^“`([\w#+.-]*)$/u
const closing = '“`'
/** Blocks a repaired code block may span: a clip's code sample, not a chapter. */
const maxBlocks = 40

export default function remarkRepairTexturizedFences() {
  return function (tree: Root, file: VFile) {
    for (let index = 0; index < tree.children.length; index++) {
      const repaired = repairAt(tree.children, index)
      if (repaired === null) continue
      recordChange(file, {
        ruleId: 'texturized-fence',
        action: 'repaired',
        startLine: tree.children[index]!.position?.start.line ?? null,
        endLine: tree.children[repaired.end]!.position?.end.line ?? null,
        bytes: repaired.code.value.length
      })
      tree.children.splice(index, repaired.end - index + 1, ...repaired.nodes)
      index += repaired.nodes.indexOf(repaired.code)
    }
  }
}

interface Repair {
  /** The index of the last block the code spans. */
  end: number
  code: Code
  /** What replaces the blocks from the opening one to `end`. */
  nodes: RootContent[]
}

/** The code block opened by a texturized fence in `blocks[start]`, if one opens there and closes soon after. */
function repairAt(blocks: readonly RootContent[], start: number): Repair | null {
  const first = blocks[start]
  if (first?.type !== 'paragraph') return null
  const firstLines = splitLines(first.children)
  const open = firstLines.findIndex((line) => opening.test(lineText(line)))
  if (open === -1) return null
  const lang = opening.exec(lineText(firstLines[open]!))![1] || null
  const code: string[] = []
  let lines = firstLines.slice(open + 1)
  for (let index = start; index < blocks.length && index <= start + maxBlocks; index++) {
    if (index > start) {
      const block = blocks[index]!
      const blockLines = linesOf(block)
      if (blockLines === null) return null
      if (block.type === 'heading') {
        code.push(`# ${toString(block)}`)
        continue
      }
      lines = blockLines
    }
    const close = lines.findIndex((line) => lineText(line) === closing)
    code.push(...(close === -1 ? lines : lines.slice(0, close)).map(lineText).filter((text) => text !== ''))
    if (close === -1) continue
    const node: Code = {type: 'code', lang, meta: null, value: code.join('\n')}
    const before = paragraphOf(firstLines.slice(0, open))
    const after = paragraphOf(lines.slice(close + 1))
    return {end: index, code: node, nodes: [...(before ? [before] : []), node, ...(after ? [after] : [])]}
  }
  return null
}

/** A block's lines, when it may stand inside a code sample (a paragraph, a comment's `#` heading); null otherwise. */
function linesOf(block: RootContent): PhrasingContent[][] | null {
  if (block.type === 'paragraph') return splitLines(block.children)
  if (block.type === 'heading') return (block as Heading).depth === 1 ? [block.children] : null
  return null
}

function paragraphOf(lines: PhrasingContent[][]): Paragraph | null {
  const kept = lines.filter((line) => lineText(line) !== '')
  return kept.length === 0 ? null : {type: 'paragraph', children: joinLines(kept)}
}
