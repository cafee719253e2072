/**
 * Rule `badge-image`: a project page's status badges (build passing, version,
 * licence, downloads, "Documentation Status"), the row of little pictures a
 * README opens with. They are pictures of the repository's state on the day
 * of the clip, not of the article, and their alt texts (`ci-tests`,
 * `version`) read as stray words. A badge is told by its address, not its
 * words: a badge service (shields.io, badgen, badge.fury.io), or a path with
 * a `badge` / `badges` segment or a `badge.svg` file (GitHub Actions,
 * Codecov, Read the Docs, pepy.tech). GitHub's image proxy (camo) hides the
 * address in hexadecimal; it is decoded first. The link around a badge is
 * left empty and goes as `empty-link`.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {removeNodes} from '../util.js'

/** Services that serve nothing but badges. */
const badgeHosts = ['shields.io', 'badgen.net', 'badge.fury.io', 'badges.gitter.im']

export default function remarkDropBadges() {
  return function (tree: Root, file: VFile) {
    removeNodes(tree, file, 'badge-image', (node) => node.type === 'image' && isBadgeUrl(node.url))
  }
}

/** Whether an image address is a status badge's. */
export function isBadgeUrl(raw: string): boolean {
  const url = parseUrl(raw)
  if (url === undefined) return false
  const proxied = camoTarget(url)
  if (proxied !== undefined) return isBadgeUrl(proxied)
  const host = url.hostname.toLowerCase()
  if (badgeHosts.some((known) => host === known || host.endsWith(`.${known}`))) return true
  const segments = url.pathname.toLowerCase().split('/')
  return segments.some((segment) => segment === 'badge' || segment === 'badges' || segment === 'badge.svg')
}

/** The address a camo URL (`camo.githubusercontent.com/<signature>/<hex of the address>`) proxies. */
function camoTarget(url: URL): string | undefined {
  if (url.hostname !== 'camo.githubusercontent.com') return undefined
  const hex = url.pathname.split('/').at(-1) ?? ''
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return undefined
  return Buffer.from(hex, 'hex').toString('utf8')
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw)
  } catch {
    return undefined
  }
}
