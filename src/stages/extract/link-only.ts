/**
 * A section made only of links (`## Quick Links` over a list of in-page
 * anchors, a "Related posts" list) is page furniture, not an item: every
 * block is a list whose items hold nothing but links, or a paragraph that is
 * nothing but links.
 */
import type {ListItem, PhrasingContent, RootContent} from 'mdast'
import type {OutlineSection} from './outline.js'

export function isLinkOnlySection(section: OutlineSection): boolean {
  return section.children.length === 0 && section.nodes.length > 0 && section.nodes.every(isLinkOnlyBlock)
}

/** A list of links only, or a paragraph of links only. */
export function isLinkOnlyBlock(node: RootContent): boolean {
  if (node.type === 'paragraph') return onlyLinks(node.children)
  return node.type === 'list' && node.children.length > 0 && node.children.every(isLinkOnlyItem)
}

function isLinkOnlyItem(item: ListItem): boolean {
  return item.children.length > 0 && item.children.every((child) => isLinkOnlyBlock(child as RootContent))
}

/** Links, with nothing between them but white space, separators or emphasis around a link. */
function onlyLinks(children: readonly PhrasingContent[]): boolean {
  let links = 0
  for (const child of children) {
    if (child.type === 'link') links++
    else if ((child.type === 'strong' || child.type === 'emphasis') && onlyLinks(child.children)) links++
    else if (child.type === 'break' || (child.type === 'text' && /^[\s|•·,–-]*$/.test(child.value))) continue
    else return false
  }
  return links > 0
}
