/**
 * Permalink anchors: the "link to this heading" that documentation
 * generators put in headings and terms. mdBook wraps the heading's text in
 * one (`<h2 id="x"><a class="header" href="#x">Title</a></h2>`), Sphinx adds
 * a `¶` (`<a class="headerlink" href="#x">`, the id on the section around
 * it), Docusaurus a `#` or a zero-width space, GitHub an icon
 * (`<a id="user-content-x" href="#x">`). Each points at the element it stands
 * in: not a link a reader follows to anything else.
 */
import type {Element, Root as HastRoot} from 'hast'
import {toText} from 'hast-util-to-text'

/** A link's whole text is one of the marks anchor generators use: nothing to read. */
const permalinkMarks = new Set(['', '¶', '#', '§', '🔗', '⚓', '⚓︎', '#️⃣'])

/** Whether a permalink's text is only its mark (or nothing: an icon, a zero-width space). */
export function isPermalinkMark(text: string): boolean {
  return permalinkMarks.has(text.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, ''))
}

/**
 * Replaces every anchor that links to its own element or one around it
 * (`href="#x"` inside the element with `id="x"`) by its text, or removes it
 * when its text is only a mark. Returns how many it found. Links to other
 * places in the page (a table of contents) are left alone.
 */
export function unwrapSelfAnchors(tree: HastRoot): number {
  let found = 0
  const visit = (parent: HastRoot | Element, ids: ReadonlySet<string>) => {
    const kept: Array<(typeof parent.children)[number]> = []
    for (const child of parent.children) {
      if (child.type !== 'element') {
        kept.push(child)
        continue
      }
      const inner = withIds(ids, child)
      visit(child, inner)
      if (child.tagName !== 'a' || !isSelfAnchor(child, inner)) kept.push(child)
      else {
        found++
        if (!isPermalinkMark(toText(child))) kept.push(...child.children)
      }
    }
    parent.children = kept as typeof parent.children
  }
  visit(tree, new Set())
  return found
}

function isSelfAnchor(anchor: Element, ids: ReadonlySet<string>): boolean {
  const href = anchor.properties['href']
  if (typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return false
  return ids.has(decodeFragment(href.slice(1)))
}

/** The ids in scope below `element`: its own joins its ancestors' (GitHub's `user-content-` prefix set aside). */
function withIds(ids: ReadonlySet<string>, element: Element): ReadonlySet<string> {
  const id = element.properties['id']
  if (typeof id !== 'string' || id === '') return ids
  return new Set([...ids, id, id.replace(/^user-content-/, '')])
}

/** A URL fragment as the id it names (`%20` decoded); a malformed escape is kept as written. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

