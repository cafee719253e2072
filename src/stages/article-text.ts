/**
 * How much article text a cleaned body holds: its words outside links,
 * images and code (the opening title heading and frontmatter excluded). A
 * body with fewer than `minArticleWords` is no article: a clipped site
 * footer ("Copyright 1999-2025 by Refsnes Data. All Rights Reserved."), a
 * page that kept only its title, a stray URL. Headings count: a README made
 * of headings is still text.
 */
import type {Nodes, RootContent} from 'mdast'
import {wordsOf} from './scan.js'

export const minArticleWords = 10

export function articleWordCount(body: readonly RootContent[]): number {
  let count = 0
  const walk = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'linkReference' || node.type === 'image' || node.type === 'imageReference' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return
    if (node.type === 'text') count += wordsOf(node.value.replace(/\S+:\/\/\S+/g, ' ')).length
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  for (const node of body) walk(node)
  return count
}
