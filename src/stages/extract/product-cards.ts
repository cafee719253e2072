/**
 * Product cards of a "best X" list that has no heading per product: each
 * entry opens with a paragraph that is only a link to the shop, its text the
 * product's name then its award (`[Varier Move Tilting Saddle Stool Best
 * standing desk chair overall](https://…)`). Where a run of blocks between
 * two headings has three or more, each becomes a heading one level below the
 * section, titled by the name, with the award as a paragraph under it, so the
 * outline sees the products as the items they are.
 */
import type {Heading, Paragraph, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {productCardOf, type ProductCard} from '../product-card.js'
import {mapRuns} from './promote.js'

const minCards = 3

export function promoteProductCards(body: RootContent[]): RootContent[] {
  return mapRuns(body, promoteCards)
}

function promoteCards(nodes: RootContent[], depth: Heading['depth']): RootContent[] {
  const cards = nodes.filter((node) => cardOf(node) !== null)
  if (cards.length < minCards) return nodes
  return nodes.flatMap((node): RootContent[] => {
    const parts = cardOf(node)
    if (parts === null) return [node]
    const heading: Heading = {type: 'heading', depth, children: [{type: 'text', value: parts.name}], position: node.position}
    return [heading, {type: 'paragraph', children: [{type: 'text', value: parts.award}]}]
  })
}

function cardOf(node: RootContent): ProductCard | null {
  if (node.type !== 'paragraph' || !isSingleLink(node)) return null
  return productCardOf(toString(node))
}

function isSingleLink(paragraph: Paragraph): boolean {
  const children = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return children.length === 1 && children[0]!.type === 'link' && /^https?:/.test(children[0]!.url)
}
