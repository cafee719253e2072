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
import {recordChange, warn} from '../../../diagnostics.js'
import {recordRemoval} from '../util.js'
import {urlWithoutInvisibles} from '../../plain-text.js'

const allowedSchemes = new Set(['http', 'https', 'mailto'])

/**
 * Whether a URL is relative or uses an allowed scheme. Control characters and
 * white space, which browsers ignore, are ignored, and so are the invisible
 * characters `text-repair` removes later (zero-width, bidi controls,
 * separators): `java\u200Bscript:` must not become `javascript:` after the check.
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/g, ''))
  return scheme === null || allowedSchemes.has(scheme[1]!.toLowerCase())
}

/** `//host/path` (or `\\host/path`) with `https:` in front; any other URL as it is. */
export function withScheme(url: string): string {
  const slashes = /^[\\/]{2,}/.exec(url)
  return slashes ? `https://${url.slice(slashes[0].length)}` : url
}

export default function remarkDropUnsafeUrls() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return
      const schemed = withScheme(urlWithoutInvisibles(node.url))
      if (schemed !== node.url) {
        node.url = schemed
        const line = node.position?.start.line ?? null
        recordChange(file, {ruleId: 'unsafe-url', action: 'repaired', startLine: line, endLine: line, bytes: 0})
      }
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
