/**
 * `visit`, with unist-util-visit's contract and types, walking the tree
 * without unist-util-visit-parents' per-node overhead.
 *
 * Why not unist-util-visit itself: for every node it walks, visit-parents
 * makes a closure, names it with `Object.defineProperty` (so stack traces
 * read `node (paragraph)`) and, for every parent, copies the list of
 * ancestors. The cleaning rules walk each tree about a dozen times, and that
 * bookkeeping was ~15% of rendering a file (measured on the corpus's
 * canonical members; none of it reaches the output).
 *
 * The contract is unist-util-visit's: `visit(tree[, test], visitor[,
 * reverse])`, tests by `unist-util-is`, the visitor called as
 * `(node, index, parent)`, returning `CONTINUE`, `SKIP`, `EXIT`, an index to
 * go on at, or `[action, index]`; children are read live, so a visitor may
 * change its parent's children and say where to go on. One difference: a
 * node's index is its position in the walk, where unist-util-visit looks it
 * up with `indexOf` (they differ only for one node object placed twice in a
 * parent, which no parser makes). A property test holds this to
 * unist-util-visit on random trees and random edits.
 */
import type {Node, Parent} from 'unist'
import {convert, type Test} from 'unist-util-is'
import {CONTINUE, EXIT, SKIP, type visit as unistVisit} from 'unist-util-visit'

export {CONTINUE, EXIT, SKIP}
export type {VisitorResult} from 'unist-util-visit'

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP
type ActionTuple = [(Action | null | undefined | void)?, (number | null | undefined)?]
type Result = Action | ActionTuple | number | null | undefined | void
type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => Result

export const visit: typeof unistVisit = function (tree: Node, testOrVisitor: Test | Visitor, visitorOrReverse?: Visitor | boolean | null, maybeReverse?: boolean | null): void {
  const [test, visitor, reverse] =
    typeof testOrVisitor === 'function' && typeof visitorOrReverse !== 'function'
      ? [undefined, testOrVisitor as Visitor, visitorOrReverse]
      : [testOrVisitor as Test, visitorOrReverse as Visitor, maybeReverse]
  const matches = test === undefined || test === null ? undefined : convert(test)
  const step = reverse ? -1 : 1

  /** Visits `node` and its descendants; returns what the visitor said of `node`, or EXIT from anywhere below. */
  function walk(node: Node, index: number | undefined, parent: Parent | undefined): ActionTuple {
    const result = !matches || matches(node, index, parent) ? toTuple(visitor(node, index, parent)) : noAction
    if (result[0] === EXIT) return result
    const children = (node as Partial<Parent>).children
    if (children && result[0] !== SKIP) {
      let offset = reverse ? children.length - 1 : 0
      while (offset > -1 && offset < children.length) {
        const childResult = walk(children[offset]!, offset, node as Parent)
        if (childResult[0] === EXIT) return childResult
        offset = typeof childResult[1] === 'number' ? childResult[1] : offset + step
      }
    }
    return result
  }

  walk(tree, undefined, undefined)
} as typeof unistVisit

const noAction: ActionTuple = []

function toTuple(value: Result): ActionTuple {
  if (Array.isArray(value)) return value
  if (typeof value === 'number') return [CONTINUE, value]
  return value === null || value === undefined ? noAction : [value]
}
