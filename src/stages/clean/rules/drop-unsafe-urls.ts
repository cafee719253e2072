/**
 * Rule `unsafe-url`: consumers render fixset's output on web pages, so a link,
 * image or definition may only point to `http:`, `https:` or `mailto:` (or be
 * relative). `javascript:`, `vbscript:`, `data:` and every other scheme are
 * dropped with a warning: a link keeps its text, an image goes. The parser has
 * already decoded character references, so `jav&#x61;script:` is caught too.
 */
import type {PhrasingContent, Root} from 'mdast'
import {SKIP, visit} from '../../../walk.js'
import type {VFile} from 'vfile'
import {warn} from '../../../diagnostics.js'
import {recordRemoval} from '../util.js'

const allowedSchemes = new Set(['http', 'https', 'mailto'])

/** Whether a URL is relative or uses an allowed scheme (control characters and white space, which browsers ignore, are ignored). */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007F-\u009F]/g, ''))
  return scheme === null || allowedSchemes.has(scheme[1]!.toLowerCase())
}

export default function remarkDropUnsafeUrls() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return
      if (isSafeUrl(node.url)) return
      const scheme = node.url.split(':')[0]!.trim().slice(0, 20)
      warn(file, `URL with the \`${scheme}:\` scheme dropped: only http, https and mailto are emitted`, 'unsafe-url', node.position)
      recordRemoval(file, node, 'unsafe-url')
      if (!parent || index === undefined) return
      const replacement = node.type === 'link' ? (node.children as PhrasingContent[]) : []
      parent.children.splice(index, 1, ...replacement)
      return [SKIP, index]
    })
  }
}
