/**
 * Embedded players worth keeping: a YouTube `<iframe>` is usually the
 * article's own tutorial, even when the scraper wrapped it in ad markers.
 * Players are recognised from parsed HTML (hast), never by matching the markup
 * with regular expressions.
 */
import {fromHtml} from 'hast-util-from-html'
import {visit} from '../walk.js'

export interface Video {
  provider: 'youtube'
  id: string
  url: string
}

const youtubeHosts = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com', 'youtu.be'])

/** Finds YouTube players in an HTML fragment, in document order, without duplicates. */
export function findVideos(html: string): Video[] {
  if (!/<iframe/i.test(html)) return []
  const tree = fromHtml(html, {fragment: true})
  const videos: Video[] = []
  visit(tree, 'element', (element) => {
    if (element.tagName !== 'iframe') return
    const src = element.properties['src']
    const video = typeof src === 'string' ? youtubeVideo(src) : undefined
    if (video && !videos.some((known) => known.id === video.id)) videos.push(video)
  })
  return videos
}

/** Reads a YouTube video id from an embed, watch or short URL; undefined for anything else. */
export function youtubeVideo(src: string): Video | undefined {
  let url: URL
  try {
    url = new URL(src, 'https://relative.invalid') // protocol-relative `//host/…` resolves; bare paths do not count
  } catch {
    return undefined
  }
  if (!youtubeHosts.has(url.hostname.toLowerCase())) return undefined
  const id =
    url.hostname === 'youtu.be'
      ? url.pathname.slice(1)
      : url.pathname.startsWith('/embed/')
        ? url.pathname.slice('/embed/'.length)
        : url.searchParams.get('v') ?? ''
  if (!/^[\w-]{6,20}$/.test(id)) return undefined
  return {provider: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}`}
}
