/**
 * A part of an article (the intro, one fix, a section, the outro) as one
 * ordered list of typed blocks, so a note between two steps keeps its place.
 * `steps`, `images` and `videos` are views derived from the blocks.
 */
import type {Video} from '../videos.js'

export interface ImageRef {
  url: string
  alt: string | null
}

export type Block =
  | {type: 'paragraph'; markdown: string}
  | {type: 'heading'; depth: number; text: string}
  /**
   * A run of steps with nothing between them. `group` indexes the part's step
   * groups: a run that carries on the numbering after a screenshot or a note
   * has the group of the run before it, a procedure that starts again at 1
   * (or one nested in a step) a new one.
   */
  | {type: 'steps'; group: number; start: number | null; steps: string[]}
  | {type: 'list'; ordered: boolean; items: string[]}
  | ({type: 'image'} & ImageRef)
  | ({type: 'video'} & Video)
  | {type: 'table'; markdown: string}
  | {type: 'code'; lang: string | null; value: string}
  | {type: 'quote'; markdown: string}

export interface Content {
  blocks: Block[]
  /** Step groups: each separate procedure's steps, in order (a continued steps block joins its group). */
  steps: string[][]
  images: ImageRef[]
  videos: Video[]
}

/** The content of a list of blocks, with its derived views. */
export function contentOf(blocks: Block[]): Content {
  const steps: string[][] = []
  const images: ImageRef[] = []
  const videos: Video[] = []
  for (const block of blocks) {
    if (block.type === 'steps') {
      while (steps.length <= block.group) steps.push([])
      steps[block.group]!.push(...block.steps)
    } else if (block.type === 'image') {
      images.push({url: block.url, alt: block.alt})
    } else if (block.type === 'video') {
      videos.push({provider: block.provider, id: block.id, url: block.url})
    }
  }
  return {blocks, steps, images, videos}
}
