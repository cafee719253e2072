/**
 * Bounds checked before the expensive stages, so hostile input is rejected
 * with a plain reason instead of exhausting the stack, memory or time.
 * (The time bound is the worker pool's: see `build.ts`.)
 */
import type {Nodes} from 'mdast'
import type {Limits} from '../config.js'
import {RejectError} from './frontmatter.js'

/** Rejects a file larger than the limit. */
export function checkSize(bytes: number, limits: Limits): void {
  if (bytes > limits.maxBytes) {
    throw new RejectError(`the file is ${bytes} bytes, over the limit of ${limits.maxBytes} bytes (--max-bytes)`)
  }
}

/**
 * Rejects source text whose block quotes and lists open deeper than the limit
 * on one line (`> > > …`, `- - - …`): cheap, and it runs before parsing.
 */
export function checkSourceDepth(lines: readonly string[], limits: Limits): void {
  lines.forEach((line, index) => {
    const markers = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/.exec(line)?.[0] ?? ''
    const depth = (markers.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length
    if (depth > limits.maxDepth) {
      throw new RejectError(`line ${index + 1} nests block quotes or lists ${depth} deep, over the limit of ${limits.maxDepth}`)
    }
  })
}

/** Rejects a tree deeper than the limit, measured without recursion (the tree may be too deep to recurse into). */
export function checkTreeDepth(tree: Nodes, limits: Limits): void {
  const stack: Array<[Nodes, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > limits.maxDepth * 2 + 20) {
      throw new RejectError(`the document nests ${depth} levels deep, over the limit (--max-depth ${limits.maxDepth})`)
    }
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, depth + 1])
  }
}
