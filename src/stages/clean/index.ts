/**
 * Stage 4, clean: the remark plugins that remove what the strip stage could
 * not see on the source text, and repair glued markup. Order matters: family
 * rules run before `leftover-html`, which drops whatever HTML is left, and
 * `empty-block` tidies up last.
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import type {Config} from '../../config.js'
import remarkDropLeftoverHtml from './rules/drop-leftover-html.js'
import remarkPruneEmpty from './rules/prune-empty.js'
import remarkRepairGluedEmphasis from './rules/repair-glued-emphasis.js'
import remarkStripAdsense from './rules/strip-adsense.js'
import remarkStripAlsoRead from './rules/strip-also-read.js'
import remarkStripDebrisLines from './rules/strip-debris-lines.js'
import remarkStripTrackingPixels from './rules/strip-tracking-pixels.js'

export {
  remarkDropLeftoverHtml,
  remarkPruneEmpty,
  remarkRepairGluedEmphasis,
  remarkStripAdsense,
  remarkStripAlsoRead,
  remarkStripDebrisLines,
  remarkStripTrackingPixels
}

/** A unified preset with every cleaning rule, configured from `config`. */
export function cleaningProcessor(config: Config) {
  return unified()
    .use(remarkStripAdsense, {classes: config.adsenseClasses})
    .use(remarkStripTrackingPixels)
    .use(remarkStripAlsoRead, {classes: config.alsoReadClasses})
    .use(remarkDropLeftoverHtml)
    .use(remarkStripDebrisLines, {lines: config.debrisLines})
    .use(remarkRepairGluedEmphasis)
    .use(remarkPruneEmpty)
    .freeze()
}

/** Cleans `tree` in place (the processor may replace it) and returns the result. */
export function cleanTree(processor: ReturnType<typeof cleaningProcessor>, tree: Root, file: VFile): Root {
  return processor.runSync(tree, file) as Root
}
