/**
 * Configuration: every tunable rule of the pipeline as plain data.
 *
 * Boilerplate that can be described as data (marker pairs, line patterns,
 * class names) lives here rather than in the plugins, so a user can extend
 * the tables without touching code. `defaultConfig` reproduces the committed
 * output byte for byte.
 */

/** A pair of HTML comments that delimit a boilerplate range in the source text. */
export interface MarkerPair {
  /** Rule id reported for every range this pair removes. */
  ruleId: string
  /** Text inside the opening comment, compared case-insensitively, whitespace folded. */
  begin: string
  /** Text inside the closing comment. */
  end: string
}

export interface DedupeConfig {
  /** Words per shingle. */
  shingleSize: number
  /** MinHash permutations; must equal bands × rows. */
  permutations: number
  bands: number
  /** Two articles merge when their exact shingle Jaccard reaches this… */
  minJaccard: number
  /** …or when one holds this share of the other's shingles (copies with a longer tail). */
  minContainment: number
  /**
   * Fewest words (after the scan sets HTML machinery, chrome lines and
   * placeholders aside) a body needs to merge with another: two bodies of
   * "Thanks for reading." share every shingle but are not one article.
   * A shorter body stays a fix set of its own.
   */
  minWords: number
  /**
   * Which member of a cluster is canonical: the one with the `earliest` valid
   * date (the original, usually) or the `latest` (the freshest copy); ties and
   * undated members go by path order.
   */
  canonical: 'earliest' | 'latest'
}

/** A regular expression (source text) matched against plain text, case-insensitive unless `flags` say otherwise. */
export interface PatternRule {
  ruleId: string
  pattern: string
  flags?: string
}

/** A query parameter that only tracks the click; `valuePattern` narrows it to tracking values. */
export interface TrackingParameter {
  name: string
  valuePattern?: string
}

/** Bounds on what one file may cost; a file over a bound is rejected, and the build goes on. */
export interface Limits {
  /** Largest file read, in bytes (the largest real article in the shared corpus is 90 KB). */
  maxBytes: number
  /** Time one pass over one file may take, in a worker that is terminated when it runs over. */
  maxParseMs: number
  /** Deepest nesting of block quotes and lists, checked before any recursive walk. */
  maxDepth: number
}

export interface Config {
  /** Default `--input` and `--output` of the CLI (flags win). */
  input: string
  output: string
  /** Marker-delimited ranges removed on the source text, before parsing. */
  markerPairs: MarkerPair[]
  /**
   * Lines of a paragraph whose whole text matches one of these are page chrome
   * (carousel `Close`, photo credits, bylines, promo lines, shop buttons) and go.
   */
  dropLines: PatternRule[]
  /** Paragraphs and block quotes whose text starts with a match go as a whole (disclaimers). */
  dropBlocks: PatternRule[]
  /** Sections whose heading matches go with everything up to the next heading of the same or a higher level. */
  dropSections: PatternRule[]
  /**
   * Hosts (and their subdomains) of affiliate redirects, ad networks and link
   * farms: a link there goes and its text stays.
   */
  unwrapLinkHosts: string[]
  /** Links whose URL matches one of these patterns are affiliate links too (`AFFILIATE=108875`). */
  unwrapLinkPatterns: string[]
  /** Hosts (and their subdomains) that serve ad banners: an image from there goes. */
  adImageHosts: string[]
  /** Redirect links whose real target is in a query parameter: `host` → parameter name. */
  redirectParameters: Array<{host: string; parameter: string}>
  /** Query parameters removed from every URL. */
  trackingParameters: TrackingParameter[]
  /** Links whose text matches are shop buttons ("View On Amazon $1,199"): removed with their text. */
  dropLinkTexts: PatternRule[]
  /** `class` values of AdSense slots (`<ins class="adsbygoogle">`). */
  adsenseClasses: string[]
  /** `class` of the span that opens an "Also read" link farm. */
  alsoReadClasses: string[]
  /**
   * A body under `dedupe.minWords` whose words (lower-cased, joined by single
   * spaces) match one of these is no article (a scrape-failure page) and is
   * rejected.
   */
  notArticle: PatternRule[]
  /** File name endings the discover stage picks up. */
  extensions: string[]
  dedupe: DedupeConfig
  limits: Limits
}

export const defaultConfig: Config = {
  input: 'input',
  output: 'output',
  markerPairs: [{ruleId: 'affiliate-ads', begin: 'affiliate ads begin', end: 'affiliate ads end'}],
  dropLines: [
    {ruleId: 'debris-line', pattern: '^(?:Close|Expand|in this article|Share)$'},
    {ruleId: 'photo-credit', pattern: '^(?:Screenshot by .{1,60}|.{1,60}/ ?(?:ZDNET|Getty Images|Shutterstock|iStock)|.{1,60} via Getty Images|Lifewire ?/ ?.{1,60}|.{1,60} ?/ ?Lifewire|Image: .{1,50})$'},
    {ruleId: 'byline', pattern: '^(?:Updated on \\w{3,9}\\.? \\d{1,2}, \\d{4}|Written by:?|By ?.{1,40}? ?Updated on .{1,40})$'},
    {ruleId: 'promo-line', pattern: '^(?:Also|Read more|Read also|Also read|Related) ?:'}
  ],
  dropBlocks: [{ruleId: 'affiliate-disclaimer', pattern: '^Disclaimer: This post (?:includes|contains) affiliate links'}],
  dropSections: [{ruleId: 'similar-products', pattern: "^Similar Products We['’]ve Reviewed$"}],
  unwrapLinkHosts: ['techidaily.com', '2checkout.com', 'avangate.com', 'shareasale.com', 'impactradius-go.com', 'sjv.io', 'pxf.io', '8odi.net'],
  unwrapLinkPatterns: ['[?&]AFFILIATE=\\d', '/order/(?:checkout|cart)\\.php'],
  adImageHosts: ['impactradius-go.com', 'avangate.com', 'sjv.io', 'pxf.io', '8odi.net'],
  redirectParameters: [{host: 'buy.geni.us', parameter: 'GR_URL'}],
  trackingParameters: [{name: 'tag', valuePattern: '-2\\d$'}, {name: 'ascsubtag'}, {name: 'linkCode'}, {name: 'linkId'}, {name: 'utm_source'}, {name: 'utm_medium'}, {name: 'utm_campaign'}, {name: 'utm_content'}, {name: 'utm_term'}],
  dropLinkTexts: [
    {ruleId: 'shop-button', pattern: '^(?:Buy|Order|Shop) Now\\b'},
    {ruleId: 'shop-button', pattern: '^\\$[\\d,.]+ (?:at|on) .{1,40}$'},
    {ruleId: 'shop-button', pattern: '^(?:See|View|Buy|Shop|Check)(?: it| now| price)? (?:at|on) .{1,40}$'}
  ],
  adsenseClasses: ['adsbygoogle'],
  alsoReadClasses: ['atpl-alsoreadstyle'],
  notArticle: [
    {ruleId: 'not-an-article', pattern: '^(?:please )?(?:enable|turn on) javascript(?: and cookies)?(?: to (?:continue|view (?:this|the) page))?$'},
    {ruleId: 'not-an-article', pattern: '^(?:access denied|403 forbidden|404 not found|page not found|just a moment|checking your browser before accessing|attention required)\\b.*$'}
  ],
  extensions: ['.md', '.markdown', '.txt'],
  dedupe: {
    shingleSize: 5,
    permutations: 128,
    bands: 32,
    minJaccard: 0.7,
    minContainment: 0.9,
    minWords: 30,
    canonical: 'earliest'
  },
  limits: {
    maxBytes: 1_000_000,
    maxParseMs: 5_000,
    maxDepth: 100
  }
}
