/**
 * Stage 4, clean: the remark plugins that remove what the strip stage could
 * not see on the source text, and repair what scraping broke. Order matters:
 * HTML families first, then `html-to-markdown` turns the HTML left into mdast
 * (its non-content elements dropped); the rules about lists of links run
 * while their links are still links; link
 * cleaning runs before the line rules so a line of shop buttons ends up empty;
 * the corpus's recurring blocks go after the table rules, which name what they know;
 * repairs run on what is left, and `empty-block` tidies up last.
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import type {Config} from '../../config.js'
import remarkCleanLinks from './rules/clean-links.js'
import remarkDropBadges from './rules/drop-badges.js'
import remarkDropBlocks from './rules/drop-blocks.js'
import remarkDropBreadcrumbs from './rules/drop-breadcrumbs.js'
import remarkDropChromeSections from './rules/drop-chrome-sections.js'
import remarkDropClipperHeader from './rules/drop-clipper-header.js'
import remarkDropCommentThreads from './rules/drop-comment-threads.js'
import remarkDropEmptyLinks from './rules/drop-empty-links.js'
import remarkDropEscapedTags from './rules/drop-escaped-tags.js'
import remarkDropHeadingPermalinks from './rules/drop-heading-permalinks.js'
import remarkDropHeadings from './rules/drop-headings.js'
import remarkDropLightboxClose from './rules/drop-lightbox-close.js'
import remarkDropLines, {remarkDropEarlyLines} from './rules/drop-lines.js'
import remarkDropQaChrome from './rules/drop-qa-chrome.js'
import remarkDropLinkCards from './rules/drop-link-cards.js'
import remarkDropPagerLinks from './rules/drop-pager-links.js'
import remarkDropProductBoxes from './rules/drop-product-boxes.js'
import remarkDropRecurring from './rules/drop-recurring.js'
import remarkDropRelatedLinkLists from './rules/drop-related-link-lists.js'
import remarkDropRelatedLinks from './rules/drop-related-links.js'
import remarkDropRepeated from './rules/drop-repeated.js'
import remarkDropReviewRating from './rules/drop-review-rating.js'
import remarkDropSections from './rules/drop-sections.js'
import remarkDropTocEchoes from './rules/drop-toc-echoes.js'
import remarkDropTrailingHeadings from './rules/drop-trailing-headings.js'
import remarkDropTocLists from './rules/drop-toc-lists.js'
import remarkDropTrailingLinkLists from './rules/drop-trailing-link-lists.js'
import remarkDropUnsafeUrls from './rules/drop-unsafe-urls.js'
import remarkHtmlToMarkdown from './rules/html-to-markdown.js'
import remarkNormalizeText from './rules/normalize-text.js'
import remarkPruneEmpty from './rules/prune-empty.js'
import remarkRepairGluedEmphasis from './rules/repair-glued-emphasis.js'
import remarkRepairTexturizedFences from './rules/repair-texturized-fences.js'
import remarkRepairUnpairedEmphasis from './rules/repair-unpaired-emphasis.js'
import remarkSplitGluedLabels from './rules/split-glued-labels.js'
import remarkStripAdsense from './rules/strip-adsense.js'
import remarkStripAlsoRead from './rules/strip-also-read.js'
import remarkStripTrackingPixels from './rules/strip-tracking-pixels.js'
import remarkTrimCommentInvites from './rules/trim-comment-invites.js'
import remarkWarnLatexHeading from './rules/warn-latex-heading.js'

export {
  remarkCleanLinks,
  remarkDropBadges,
  remarkDropBlocks,
  remarkDropBreadcrumbs,
  remarkDropChromeSections,
  remarkDropClipperHeader,
  remarkDropCommentThreads,
  remarkDropEmptyLinks,
  remarkDropEscapedTags,
  remarkDropHeadingPermalinks,
  remarkDropHeadings,
  remarkDropLightboxClose,
  remarkDropLines,
  remarkDropLinkCards,
  remarkDropPagerLinks,
  remarkDropProductBoxes,
  remarkDropQaChrome,
  remarkDropRecurring,
  remarkDropRelatedLinkLists,
  remarkDropRelatedLinks,
  remarkDropRepeated,
  remarkDropReviewRating,
  remarkDropSections,
  remarkDropTocEchoes,
  remarkDropTrailingHeadings,
  remarkDropTocLists,
  remarkDropTrailingLinkLists,
  remarkDropUnsafeUrls,
  remarkHtmlToMarkdown,
  remarkNormalizeText,
  remarkPruneEmpty,
  remarkRepairGluedEmphasis,
  remarkRepairTexturizedFences,
  remarkRepairUnpairedEmphasis,
  remarkSplitGluedLabels,
  remarkStripAdsense,
  remarkStripAlsoRead,
  remarkStripTrackingPixels,
  remarkTrimCommentInvites,
  remarkWarnLatexHeading
}

/** A unified preset with every cleaning rule, configured from `config`. */
export function cleaningProcessor(config: Config) {
  return unified()
    .use(remarkStripAdsense, {classes: config.adsenseClasses})
    .use(remarkStripTrackingPixels)
    .use(remarkStripAlsoRead, {classes: config.alsoReadClasses})
    .use(remarkHtmlToMarkdown, {adsenseClasses: config.adsenseClasses})
    // CMS machinery (`[ad_2]`) out of the way of the rules that read how the article and its sections end.
    .use(remarkDropEarlyLines, {rules: config.dropLines.filter((rule) => rule.early)})
    .use(remarkDropEscapedTags)
    // Before the rules that read headings: a code comment printed as `# …` is no section.
    .use(remarkRepairTexturizedFences)
    // Before the link and line rules, which would take the download button that tells a product box (a box ending the article is a trailing link list).
    .use(remarkDropProductBoxes)
    // Before link cleaning: tag links to affiliate redirects are unwrapped there and could no longer be told from text.
    .use(remarkDropTrailingLinkLists)
    // Also while links are links: a card's picture is a link to an image file.
    .use(remarkDropLinkCards)
    // Before related-link, which would take a pager button between blocks for a story card.
    .use(remarkDropPagerLinks)
    .use(remarkDropRelatedLinkLists)
    .use(remarkDropRelatedLinks)
    .use(remarkDropBreadcrumbs)
    .use(remarkDropClipperHeader)
    // Before link cleaning: once a heading's `[¶](#…)` anchor is unwrapped it is text glued to the title.
    .use(remarkDropHeadingPermalinks)
    .use(remarkCleanLinks, config)
    // Before empty-link, which takes the links the badges leave empty.
    .use(remarkDropBadges)
    .use(remarkDropUnsafeUrls)
    // After unsafe-url, so a script URL whose text broken-link cleaning removed is still reported as one.
    .use(remarkDropEmptyLinks)
    .use(remarkDropBlocks, {rules: config.dropBlocks})
    .use(remarkDropSections, {rules: config.dropSections})
    .use(remarkDropChromeSections)
    .use(remarkDropCommentThreads)
    .use(remarkDropHeadings, {rules: config.dropHeadings})
    .use(remarkDropTocLists)
    .use(remarkDropTocEchoes)
    .use(remarkDropLightboxClose)
    // Before the line rules, so a vote count's neighbours are still there (`Share` is a debris line).
    .use(remarkDropQaChrome)
    .use(remarkDropLines, {rules: config.dropLines.filter((rule) => !rule.early)})
    .use(remarkTrimCommentInvites)
    .use(remarkDropReviewRating)
    .use(remarkDropRecurring, config.recurring)
    .use(remarkDropRepeated)
    .use(remarkRepairGluedEmphasis)
    .use(remarkRepairUnpairedEmphasis)
    .use(remarkSplitGluedLabels)
    .use(remarkNormalizeText)
    .use(remarkWarnLatexHeading)
    .use(remarkPruneEmpty)
    .use(remarkDropTrailingHeadings)
    .freeze()
}

/** Cleans `tree` in place (the processor may replace it) and returns the result. */
export function cleanTree(processor: ReturnType<typeof cleaningProcessor>, tree: Root, file: VFile): Root {
  return processor.runSync(tree, file) as Root
}
