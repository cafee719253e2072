/**
 * Rules for links and image URLs:
 * - `affiliate-redirect`: a link to an affiliate redirect host
 *   (`tools.techidaily.com`) is unwrapped: its text stays, the redirect goes.
 *   A redirect that carries its real target in a parameter (`buy.geni.us`'s
 *   `GR_URL`) is replaced by that target.
 * - `tracking-parameter`: click-tracking query parameters (Amazon `tag=…-20`,
 *   `ascsubtag`, `utm_*`) are removed from every URL.
 * - `shop-button`: links whose text is a shop button ("View On Amazon $1,199",
 *   "See at Best Buy") go with their text.
 * - `ad-image`: an image served by an ad network (`adImageHosts`) is a banner and goes.
 * - `dropImages`: an image whose alt text or title matches is a page button
 *   (`![](play.png "Run code")`) and goes, under the matching rule's id.
 * - `broken-link`: scraped links that lost their brackets leave their target
 *   as text (`]\(https://tools.techidaily.com/…)`, `](javascript:void(0))`):
 *   such a target goes when it is a redirect or not an http(s) URL, and
 *   loses its tracking parameters otherwise; the prose around it stays
 *   (`raw javascript:alert(18) prose` → `raw prose`). Markdown links to affiliate
 *   URLs inside code (scraped comment threads indented into code blocks) are
 *   never code: they become their text.
 */
import type {PhrasingContent, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {SKIP, visit} from '../../../walk.js'
import type {VFile} from 'vfile'
import {defaultConfig, type Config} from '../../../config.js'
import {recordChange} from '../../../diagnostics.js'
import {compilePatterns, recordRemoval} from '../util.js'

/** Each table defaults to the configuration's table of the same name. */
export type CleanLinksOptions = Partial<Pick<Config, 'unwrapLinkHosts' | 'unwrapLinkPatterns' | 'adImageHosts' | 'redirectParameters' | 'trackingParameters' | 'dropLinkTexts' | 'dropImages'>>

export default function remarkCleanLinks(given: CleanLinksOptions = {}) {
  const options = withDefaults(given)
  const buttons = compilePatterns(options.dropLinkTexts)
  const imageButtons = compilePatterns(options.dropImages)
  const affiliateUrls = options.unwrapLinkPatterns.map((pattern) => new RegExp(pattern, 'i'))
  const isAffiliate = (url: string) => isHost(url, options.unwrapLinkHosts) || affiliateUrls.some((pattern) => pattern.test(url))
  const tracking = options.trackingParameters.map((parameter) => ({
    name: parameter.name,
    value: parameter.valuePattern === undefined ? undefined : new RegExp(parameter.valuePattern, 'iu')
  }))

  /** The URL without tracking parameters and with redirects resolved; undefined when it is not an http(s) URL. */
  function cleanUrl(raw: string): string | undefined {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return undefined
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    const redirect = options.redirectParameters.find((entry) => hostMatches(url.hostname, entry.host))
    const target = redirect ? url.searchParams.get(redirect.parameter) : null
    if (target) return cleanUrl(target) ?? raw
    let changed = false
    for (const parameter of tracking) {
      const value = url.searchParams.get(parameter.name)
      if (value !== null && (!parameter.value || parameter.value.test(value))) {
        url.searchParams.delete(parameter.name)
        changed = true
      }
    }
    // A tracking parameter pasted into another parameter's value (`?th=1/?tag=x-20`).
    const href = url.href.replace(/(?:[?&/]|%3F|%26)tag(?:=|%3D)[\w-]+-2\d\b/gi, '')
    return changed || href !== url.href ? href : raw
  }

  return function (tree: Root, file: VFile) {
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' || node.type === 'inlineCode') {
        const value = node.value.replace(markdownLink, (whole: string, bang: string, text: string, target: string) => (isAffiliate(target) ? (bang ? '' : text) : whole))
        if (value !== node.value) {
          recordChange(file, {ruleId: 'affiliate-redirect', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: Buffer.byteLength(node.value) - Buffer.byteLength(value)})
          node.value = value
        }
        return undefined
      }
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition' && node.type !== 'text') return
      if (node.type === 'text') {
        const value = node.value
          // A shop button the parser could not read as a link (a space in its target): `[See at Sony](https://… earbuds)`.
          .replace(textLink, (whole: string, text: string) => (buttons.some((rule) => rule.regex.test(text.trim())) ? '' : whole))
          .replace(textTarget, (whole: string, bracketed: string | undefined, bare: string | undefined, script: string | undefined, spaces: string | undefined, offset: number, text: string) => {
            // A bare script URL goes with the space after it, unless nothing but it separates two words.
            if (script !== undefined) return offset === 0 || /\s/.test(text[offset - 1]!) ? '' : spaces!
            const target = (bracketed ?? bare)!
            if (!/^https?:/i.test(target) || isAffiliate(target)) return ''
            return whole.replace(target, cleanUrl(target) ?? target)
          })
        if (value !== node.value) {
          recordChange(file, {ruleId: 'broken-link', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: Buffer.byteLength(node.value) - Buffer.byteLength(value)})
          node.value = value
        }
        return undefined
      }
      if (node.type === 'image' && parent && index !== undefined && (isHost(node.url, options.adImageHosts) || isAffiliate(node.url))) {
        recordRemoval(file, node, 'ad-image')
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      if (node.type === 'image' && parent && index !== undefined) {
        const described = [node.alt ?? '', node.title ?? ''].map((text) => text.replace(/\s+/g, ' ').trim())
        const button = imageButtons.find((rule) => described.some((text) => text !== '' && rule.regex.test(text)))
        if (button) {
          recordRemoval(file, node, button.ruleId)
          parent.children.splice(index, 1)
          return [SKIP, index]
        }
      }
      if (node.type === 'link' && parent && index !== undefined) {
        // `[See at Sony]\(<https://…>)`: the escaped brackets stay text around an autolink.
        const before = parent.children[index - 1]
        const after = parent.children[index + 1]
        const opened = before?.type === 'text' ? /\[([^\]\n]{1,80})\]\($/.exec(before.value) : null
        // The rest of the target (the scraper may have broken it with a space) up to `)`.
        const closing = after?.type === 'text' ? /^\s?[^\s)]*\)/.exec(after.value) : null
        if (opened && closing && after?.type === 'text' && buttons.some((rule) => rule.regex.test(opened[1]!.trim()))) {
          recordRemoval(file, node, buttons[0]!.ruleId)
          if (before?.type === 'text') before.value = before.value.slice(0, opened.index)
          after.value = after.value.slice(closing[0].length)
          parent.children.splice(index, 1)
          return [SKIP, index]
        }
        const text = toString(node).replace(/\s+/g, ' ').trim()
        const button = buttons.find((rule) => rule.regex.test(text))
        if (button) {
          recordRemoval(file, node, button.ruleId)
          parent.children.splice(index, 1)
          return [SKIP, index]
        }
        if (isAffiliate(node.url)) {
          recordChange(file, {ruleId: 'affiliate-redirect', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.end.line ?? null, bytes: Buffer.byteLength(node.url)})
          parent.children.splice(index, 1, ...(node.children as PhrasingContent[]))
          return [SKIP, index]
        }
      }
      const cleaned = cleanUrl(node.url)
      if (cleaned !== undefined && cleaned !== node.url) {
        recordChange(file, {ruleId: 'tracking-parameter', action: 'repaired', startLine: node.position?.start.line ?? null, endLine: node.position?.start.line ?? null, bytes: Buffer.byteLength(node.url) - Buffer.byteLength(cleaned)})
        node.url = cleaned
      }
      return undefined
    })
  }
}

/** `[text](target)` or `![alt](target)` written out in code. */
const markdownLink = /(!?)\[([^\]\n]*)\]\(<?([^)\s>]+)>?\)/g

/** A whole link left as text, its target broken by a space. */
const textLink = /\[([^\]\n]{1,80})\]\\?\((?:<[^>\n]*>|[^)\n]*)\)/g

/**
 * A link target left in text: `](target)` or `]\(target)`, possibly in angle
 * brackets, or a bare URL; a target's parentheses are its own when they pair
 * up (`](javascript:void(0))`, `javascript:alert(18)`), so removing it leaves
 * no stray `)`. A bare `javascript:` or `vbscript:` URL is matched with the
 * spaces after it; it has a body (`javascript:alert(1)`): the word and a colon
 * before a space are prose ("There are 2 types of JavaScript: module and standard").
 */
const textTarget = /\]\\?\(<?([a-z][a-z0-9+.-]*:(?:[^\s()>]|\([^\s()>]*\))*)>?\)|(?<![\w/])(https?:[^\s)\]>]*)|(?<![\w/])((?:javascript|vbscript):(?:[^\s()\]>]|\([^\s()\]>]*\))+)([ \t]*)/gi

function isHost(raw: string, hosts: readonly string[]): boolean {
  try {
    const {hostname} = new URL(raw, 'https://relative.invalid')
    return hosts.some((host) => hostMatches(hostname, host))
  } catch {
    return false
  }
}

function hostMatches(hostname: string, host: string): boolean {
  const name = hostname.toLowerCase()
  return name === host || name.endsWith(`.${host}`)
}

/** The given tables, the configuration's defaults for the rest. Only these keys: `cleaningProcessor` passes the whole configuration. */
function withDefaults(given: CleanLinksOptions): Required<CleanLinksOptions> {
  return {
    unwrapLinkHosts: given.unwrapLinkHosts ?? defaultConfig.unwrapLinkHosts,
    unwrapLinkPatterns: given.unwrapLinkPatterns ?? defaultConfig.unwrapLinkPatterns,
    adImageHosts: given.adImageHosts ?? defaultConfig.adImageHosts,
    redirectParameters: given.redirectParameters ?? defaultConfig.redirectParameters,
    trackingParameters: given.trackingParameters ?? defaultConfig.trackingParameters,
    dropLinkTexts: given.dropLinkTexts ?? defaultConfig.dropLinkTexts,
    dropImages: given.dropImages ?? defaultConfig.dropImages
  }
}
