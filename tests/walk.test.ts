/**
 * `src/walk.ts` keeps unist-util-visit's contract: on random trees, with
 * visitors that edit the tree as the cleaning rules do (remove, insert,
 * replace, go back, skip, stop), both walks make the same calls in the same
 * order and leave the same tree.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Node, Parent} from 'unist'
import {CONTINUE, EXIT, SKIP, visit as unistVisit, type VisitorResult} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '../src/stages/parse.js'
import {visit} from '../src/walk.js'
import {inputDir, seedNames} from './helpers/paths.js'

interface TestNode extends Node {
  id: number
  children?: TestNode[]
}

const types = ['a', 'b', 'c'] as const
const treeShape = fc.letrec<{tree: TestNode}>((tie) => ({
  tree: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.record({type: fc.constantFrom(...types), id: fc.constant(0)}),
    fc.record({type: fc.constantFrom(...types), id: fc.constant(0), children: fc.array(tie('tree'), {maxLength: 5})})
  )
})).tree

/** A tree whose nodes are numbered in document order, so the logs can name them. */
function numbered(tree: TestNode): TestNode {
  let next = 0
  const copy = (node: TestNode): TestNode => ({...node, id: next++, ...(node.children ? {children: node.children.map(copy)} : {})})
  return copy(tree)
}

const edits = ['continue', 'skip', 'exit', 'remove', 'insert-after', 'replace', 'back', 'jump'] as const
type Edit = (typeof edits)[number]

/**
 * Runs one walk with a visitor that applies `script` in turn (one edit a
 * call), and returns its log of calls and the tree it leaves.
 */
function run(walk: typeof unistVisit, tree: TestNode, script: readonly Edit[], test?: string | ((node: Node) => boolean), reverse?: boolean) {
  const log: string[] = []
  let calls = 0
  let fresh = 1000
  const visitor = (node: Node, index: number | undefined, parent: Parent | undefined): VisitorResult => {
    const current = node as TestNode
    log.push(`${current.type}#${current.id}@${index ?? '-'} in ${(parent as TestNode | undefined)?.id ?? '-'}`)
    // A visitor that goes back could loop for ever: stop both walks at the same point.
    if (++calls > 200) return EXIT
    const edit = script[(calls - 1) % script.length]!
    const siblings = (parent as TestNode | undefined)?.children
    if (edit === 'skip') return SKIP
    if (edit === 'exit') return EXIT
    if (!siblings || index === undefined) return CONTINUE
    switch (edit) {
      case 'remove':
        siblings.splice(index, 1)
        return [SKIP, index] as VisitorResult
      case 'insert-after':
        siblings.splice(index + 1, 0, {type: 'c', id: fresh++})
        return undefined
      case 'replace':
        siblings.splice(index, 1, {type: 'b', id: fresh++, children: [{type: 'a', id: fresh++}]})
        return undefined
      case 'back':
        return Math.max(0, index - 1)
      case 'jump':
        return [CONTINUE, index + 2] as VisitorResult
      default:
        return undefined
    }
  }
  if (test === undefined) walk(tree, visitor, reverse)
  else walk(tree, test as string, visitor, reverse)
  return {log, tree}
}

describe('visit (src/walk.ts)', () => {
  it('makes the same calls and edits as unist-util-visit, with and without a test, in either direction', () => {
    fc.assert(
      fc.property(
        treeShape.map(numbered),
        fc.array(fc.constantFrom(...edits), {minLength: 1, maxLength: 12}),
        fc.constantFrom(undefined, 'a', (node: Node) => node.type !== 'b'),
        fc.boolean(),
        (tree, script, test, reverse) => {
          const expected = run(unistVisit, structuredClone(tree), script, test, reverse)
          const actual = run(visit, structuredClone(tree), script, test, reverse)
          expect(actual).toEqual(expected)
        }
      ),
      {numRuns: 3000}
    )
  })

  it('visits the nodes of the seed articles as unist-util-visit does', () => {
    for (const name of seedNames) {
      const tree = parseMarkdown(readFileSync(path.join(inputDir, name), 'utf8'))
      const seen = (walk: typeof unistVisit, test?: string) => {
        const nodes: unknown[] = []
        const record = (node: Node, index: number | undefined, parent: Parent | undefined) => void nodes.push(node, index, parent)
        if (test) walk(tree, test, record)
        else walk(tree, record)
        return nodes
      }
      expect(seen(visit).length).toBeGreaterThan(300)
      expect(seen(visit)).toEqual(seen(unistVisit))
      expect(seen(visit, 'image')).toEqual(seen(unistVisit, 'image'))
    }
  })
})
