/**
 * Configuration: every tunable rule of the pipeline as plain data.
 *
 * Boilerplate that can be described as data (marker pairs, line patterns,
 * class names) lives here rather than in the plugins, so a user can extend
 * the tables without touching code. `defaultConfig` reproduces the committed
 * output byte for byte.
 */

import {dateLinePattern} from './stages/clean/date-line.js'

/**
 * A boilerplate range in the source text: between two HTML comments
 * (`begin`, `end`: the text inside them, compared case-insensitively,
 * whitespace folded), or from a line matching `beginPattern` to the next line
 * matching `endPattern` (regular expressions tested on a line without its
 * surrounding white space, case-insensitive unless `flags` say otherwise; the
 * two lines go with what is between them: `[ad_1]` … `[ad_2]`).
 */
export type MarkerPair = CommentPair | LinePair

export interface CommentPair extends Scoped {
  /** Rule id reported for every range this pair removes. */
  ruleId: string
  begin: string
  end: string
}

export interface LinePair extends Scoped {
  ruleId: string
  beginPattern: string
  endPattern: string
  flags?: string
}

/**
 * Any rule may be limited to some files: `paths` are globs (picomatch, `**`
 * for any folders) matched against the file's path relative to the input
 * folder, e.g. `techidaily__site-*` then `/**`. A rule without `paths` applies everywhere.
 */
export interface Scoped {
  paths?: string[]
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
export interface PatternRule extends Scoped {
  ruleId: string
  pattern: string
  flags?: string
}

/** A `dropLines` rule. */
export interface LineRule extends PatternRule {
  /**
   * Matches only a line that is a link under a short label (outside its
   * links, at most `maxLabelWords` words, `stages/clean/util.ts`): a label
   * over a link to another page (`See also: [story](…)`) is a promo line, the
   * same label over a sentence of the article's, linked words or not
   * (`Recommendation: Review unused dependencies with [cargo-udeps](…).`), is not.
   */
  linked?: boolean
  /**
   * CMS machinery that no other rule reads (WordPress shortcodes, an
   * autoblog's back-link): removed right after the HTML is converted, before
   * the rules that look at how an article or a section ends, so an `[ad_2]`
   * after the post's tag links does not hide that they end it. Other line
   * rules run late, once the rules that read their lines as context (a
   * product box's download button, a vote count's `Share`) have run.
   */
  early?: boolean
}

/** A query parameter that only tracks the click; `valuePattern` narrows it to tracking values. */
export interface TrackingParameter {
  name: string
  valuePattern?: string
}

/**
 * Page chrome found across the corpus (`stages/recurring.ts`): a line whose
 * key (`stages/block-hashes.ts`) is in at least `minClusters` distinct
 * clusters, and in at least `minShare` of all clusters, is removed (rule
 * `recurring-block`). A republished copy is one cluster, so it never counts twice.
 */
export interface RecurringConfig {
  minClusters: number
  minShare: number
  /** Lines of fewer words are never counted ("Close", "Step 2"). */
  minWords: number
  /**
   * A recurring paragraph with no recurring paragraph next to it goes only
   * when it has at most this many words: chrome is boxes or short lines, a
   * long lone paragraph is the site's template prose.
   */
  loneMaxWords: number
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

/**
 * Where each field fixset uses is read from in the frontmatter: the first key
 * of its list that holds a usable value wins (keys are compared exactly, so
 * case variants are listed). The defaults cover the common generators:
 * WordPress exports, Hugo, Jekyll, Ghost, Obsidian and MarkDownload clippings.
 */
export interface FieldKeys {
  title: string[]
  date: string[]
  updated: string[]
  description: string[]
  tags: string[]
  categories: string[]
  /** The page the article was taken from; only an http(s) URL is used. */
  sourceUrl: string[]
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
  dropLines: LineRule[]
  /** Paragraphs and block quotes whose text starts with a match go as a whole (disclaimers). */
  dropBlocks: PatternRule[]
  /** Sections whose heading matches go with everything up to the next heading of the same or a higher level. */
  dropSections: PatternRule[]
  /** Headings whose whole text matches are chrome inside the article: the heading goes, what follows it stays. */
  dropHeadings: PatternRule[]
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
  /** Images whose alt text or title matches are page buttons (go.dev's `play.png "Run code"`): removed. */
  dropImages: PatternRule[]
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
  /** Frontmatter keys read for each field. */
  fields: FieldKeys
  dedupe: DedupeConfig
  recurring: RecurringConfig
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
    {ruleId: 'promo-line', pattern: '^(?:Also|Read more|Read also|Also read|Related) ?:'},
    // The same promo lines in other sites' words: `**MORE:** Best Motherboards`, `Also See: …`, `You may need: …`, `**Review:** [another story](…)`.
    {ruleId: 'promo-line', pattern: '^(?:MORE|Also See|See Also|You may (?:also )?need|You may also like|You might also like|Review|Recommend(?:ed|ation)?) ?:', flags: 'u', linked: true},
    // The same label over a product's or a story's name left unlinked (`Recommend: Best DVD Ripper for Windows`), not over a sentence (`Recommendation: Add to your Cargo.toml:`).
    {ruleId: 'promo-line', pattern: '^(?:MORE|Also See|You may (?:also )?need|You may also like|You might also like|Recommend(?:ed)?) ?: ?[^.:!?]{1,100}(?: \\.)?$', flags: 'u'},
    // AdSense's loader script left as text by a clipper that dropped the `<script>` tags around it.
    {ruleId: 'adsense', pattern: '^\\(adsbygoogle\\s*=\\s*window\\.adsbygoogle\\s*\\|\\|\\s*\\[\\]\\)\\.push\\(\\{\\}\\);?$'},
    // A site's self-description in its footer (`Tutorials Point is a leading Ed Tech company striving to …`): the same on every page.
    // Only with its mission clause: "Acme is a leading provider of routers." alone is a news story's fact.
    {ruleId: 'site-footer', pattern: "^\\p{Lu}[\\p{L}\\d' ]{1,40} is (?:a|an|the) (?:leading|premier|world's leading) [^.]{0,100}\\b(?:company|platform|provider|publisher|website|destination),? (?:striving|dedicated|committed|aiming|on a mission|that (?:strives|aims|helps))\\b.{0,160}$", flags: 'u'},
    // The page's own copyright line (a footer's last words).
    {ruleId: 'site-footer', pattern: '^(?:.{0,120} )?(?:©|\\(c\\)|Copyright ©?) ?(?:\\d{4}[-–]?)+.{0,160}$'},
    // Credits in the shapes of other sites: Tom's Hardware, How-To Geek (`_Justin Duino / How-To Geek_`), Lifewire product shots.
    {ruleId: 'photo-credit', pattern: '^(?:\\(Image credit: [^)]{1,80}\\)|.{1,60} ?/ ?How-To Geek|PHOTO: .{1,60}|Featured image (?:by|via|from|credit) .{1,120}|(?:Image|Photo) (?:credit|courtesy|source): .{1,80})$'},
    // News sites' credits under a photo (WIRED's and the Guardian's `Photograph: Getty Images`, `Illustration: WIRED Staff`, `Courtesy of Apple`): a label, then a name, no sentence.
    {ruleId: 'photo-credit', pattern: '^(?:(?:Photograph|Photo-?illustration|Photo illustration|Illustration|Composite)s?: [^.!?]{1,80}|(?:(?:Photo|Image)s? )?Courtesy of [^.!?]{1,60})$'},
    // The label an ad slot prints over itself (AP's `ADVERTISEMENT`, the NYT's `Continue reading the main story`), its ad gone: a line alone.
    {ruleId: 'ad-label', pattern: '^(?:Advertisement|Sponsored|Sponsored content|Paid content|Ad|(?:Story|Article) continues below(?: this)? (?:advertisement|ad)|Continue reading (?:the main story|below)|Scroll to continue(?: with content)?)$'},
    // A review card's score on a line of its own (`4.2` after "Bottom Line").
    {ruleId: 'review-rating', pattern: '^(?:[0-4]\\.\\d|5\\.0)$'},
    // Lifewire list cards: a whole-number score alone (`4`), or a score out of five or ten (`4.9/5`), on its own line.
    {ruleId: 'review-rating', pattern: '^(?:[1-5]|(?:[0-4](?:\\.\\d)?|5(?:\\.0)?) ?/ ?5|(?:\\d(?:\\.\\d)?|10) ?/ ?10|(?:[☆★] ?){5})$'},
    // Deal cards: `$253 $300 Save $47`, `$160 at Amazon`; download and expand buttons left as text.
    {ruleId: 'price-line', pattern: '^\\$[\\d,.]+(?: \\$[\\d,.]+)? Save \\$[\\d,.]+$|^\\$[\\d,.]+ (?:at|on) [\\w.&\' -]{1,30}$'},
    {ruleId: 'button-line', pattern: '^(?:Download(?: Now)?|View Deal|Read update|(?:Show Expert Take )?Show (?:less|more))$'},
    // Other sites' buttons left as text: `TRY DASHLANE FOR FREE!`, `More Details`, `Learn More`.
    {ruleId: 'button-line', pattern: '^(?:Try [\\p{L}\\d .-]{1,30} for free!?|More Details|Learn More|See Details)$'},
    // A page's pointer to its own interactive button (`Click on the "Try it Yourself" button to see how it works.`): the clipping kept no button.
    {ruleId: 'button-line', pattern: '^Click (?:on )?the "[^"]{1,40}" button to see how it works\\.?$'},
    // A vendor's download button left as text under its pitch: `Download TotalAV` (the product's name capitalised, case kept).
    {ruleId: 'button-line', pattern: '^(?:Download|Get) \\p{Lu}[\\p{L}\\d]+(?: \\p{Lu}[\\p{L}\\d]+){0,2}(?: Now| for Free)?$', flags: 'u'},
    // Newsletter boxes (ZDNET, Tom's Hardware, Lifewire) line by line; the "Newsletters" heading is the extract stage's.
    {ruleId: 'newsletter-line', pattern: '^(?:Subscribe|See all|ZDNET Recommends|ZDNET Tech Today|Get the Latest Tech News Delivered Every Day|Contact me with news and offers from other Future brands.{0,80}|By submitting your information you agree to the ?Terms & Conditions and ?Privacy Policy.{0,40}|Get Tom\'s Hardware\'s best news and in-depth reviews, straight to your inbox\\.)$'},
    {ruleId: 'comment-form', pattern: '^(?:Save my name, email, and website in this browser for the next time I comment\\.|Δ|You must be logged in to reply to this topic\\.|(?:Disqus Icon )?Leave your comment and join our discussion|Your email address will not be published\\..{0,60})$'},
    // Tom's Hardware product cards.
    {ruleId: 'deal-card', pattern: "^(?:Today's Best Deals|Check Amazon|Visit Site|Our expert review:|Today's best .{1,80} deals|We check over \\d+ million products every day for the best prices|No price information|Low Stock)$"},
    {ruleId: 'feedback-line', pattern: '^Was this page helpful\\?$'},
    // Clippers (MarkDownload) write the page's address as the body's first line.
    {ruleId: 'clipper-source', pattern: '^source: https?://\\S+$'},
    // Go by Example's footer: `Next example: [Slices](…).`
    {ruleId: 'next-link', pattern: '^Next example: .{1,80}$'},
    // WordPress shortcodes left as text by an export (`[ad_1]`, `[ad_2]`, `[caption id="…"]`, `[/caption]`): CMS machinery, never prose.
    // A bare `[word]` is not one (it may be a footnote or a citation); the name has an underscore or a digit, or attributes, or is a closing tag.
    {ruleId: 'shortcode', pattern: '^\\[(?:[a-z][a-z0-9-]*(?:_[a-z0-9-]+)+|[a-z][a-z0-9_-]*(?: [a-z_-]+=(?:"[^"\\]]*"|\'[^\'\\]]*\'|[^\\s\\]]+))+|/[a-z][a-z0-9_-]*)\\]$', early: true},
    // An autoblog's back-link to the page it copied (WP Automatic's "Source link").
    {ruleId: 'source-backlink', pattern: '^Source link$', early: true},
    // A product card's line: the product's name then its price at a shop (`Dashlane password manager $30 at Dashlane`), or a price alone (`$21`).
    // Case matters (the shop is a name); at most twelve words before the price and none of a sentence's ("is currently slashed to $395 at Amazon" stays).
    {ruleId: 'price-line', pattern: "^(?!.*\\b(?:is|are|was|were|to|for|just|only|now|currently|costs?|sells?|priced|drops?|down|from|save)\\b)(?:[^\\s$]+ ){1,12}\\$\\d[\\d,]*(?:\\.\\d{1,2})? (?:at|on) [A-Z][\\w.&'’ -]{0,29}$|^\\$\\d[\\d,]*(?:\\.\\d{1,2})?$", flags: 'u'},
    // A post's date, an author box's `Name | Updated on …`, a comment's `October 3, 2020 at 9:33 pm` (stages/clean/date-line.ts).
    // ZDNET's deal card: its name, its deal, then the button repeating the price (`… deal for $69 (save $60) $69 at Walmart`).
    {ruleId: 'price-line', pattern: "^.{1,160}\\(save \\$[\\d,.]+\\) \\$[\\d,.]+ (?:at|on) [A-Z][\\w.&'’ -]{0,29}$", flags: 'u'},
    {ruleId: 'date-line', pattern: dateLinePattern},
    // Labels of page furniture whose content other rules remove: a table of contents, a related-articles box, a share bar (`Share this: facebook twitter`).
    {ruleId: 'chrome-label', pattern: "^(?:Quick Navigation|Table of Contents|Contents?|Quick Links|(?:More|Extend(?:ed)?|Further|Recommended) Reading|Similar Articles|Related (?:Articles|Posts|Stories)|You May Also Like|Share (?:this|on)(?: (?:tutorial|article|post|page|story|guide))? ?:?(?: [\\w-]+){0,8}) ?:?$"},
    // A vendor's download box: `Free Download Compatible with Windows 11/10 100% Clean & Safe`, `100% Secure. No Ads.`, `Secure Download`.
    {ruleId: 'download-box', pattern: "^(?:(?:Free Download )?Compatible with .{1,60}?100% (?:Clean|Safe|Secure)(?: & Safe)?\\.?(?: .{0,120})?|(?:\\S+ )?100% (?:Secure|Safe|Clean)\\.? No (?:Ads|Virus(?:es)?|Malware)\\.?|Secure Download|Download (?:Freeware|for Free|Free Trial)(?: (?:for )?(?:Win(?:dows)?|Mac(?:OS)?) [\\dA-Z./ ]{1,30})?)$"},
    // Feedback widgets in other words than "Was this page helpful?".
    {ruleId: 'feedback-line', pattern: '^(?:Help Us Improve This Article|Was the provided information useful\\?.{0,60}|Did you find this (?:article|page|post) helpful\\?|Yes ?No)$'},
    // Forum chrome between the posts: reply buttons and a commenter's badge (`Top 1% Commenter`, its badge image gone as `avatar`).
    {ruleId: 'forum-chrome', pattern: '^(?:(?:More replies|\\d{1,4} more repl(?:y|ies)|Continue this thread|(?:Load|View|Show) more (?:comments|replies)) ?)+$|^Top \\d{1,2}% (?:Commenter|Poster|Contributor)$'},
    // The lead-in of an in-page table of contents (the toc itself goes as `toc-list`): "If you want to skip ahead to a section, simply use the table of contents:".
    {ruleId: 'chrome-label', pattern: '^.{0,120}\\b(?:use|see|check) (?:the|our|this) table of contents\\b.{0,40}$'},
    // WonderFox's product cards close on this warning (site-specific).
    {ruleId: 'vendor-disclaimer', pattern: '^\\*? ?Please do not use (?:it|the DVD ripper|this software) to rip any copy-protected DVDs.{0,40}$'}
  ],
  dropBlocks: [
    {ruleId: 'affiliate-disclaimer', pattern: '^Disclaimer: This post (?:includes|contains) affiliate links'},
    // Site statements that open a review or a newsletter box, worded per site.
    {ruleId: 'promo-card', pattern: "^(?:ZDNET RECOMMENDS |How-To Geek's product recommendations come from the same team|ZDNET saves you time and money by delivering|ZDNET's Tech Today newsletter is a daily briefing|Why you can trust Tom's Hardware|We purchased .{1,160} so (?:our|that our) (?:expert )?reviewers? could)"},
    {ruleId: 'site-footer', pattern: '^W3Schools is optimized for learning and training'},
    {ruleId: 'promo-line', pattern: '^Related (?:posts?|articles?|reading) ?:'},
    // A vendor's one-line pitch over an article's picture: "Driver Easy fixes the WDF_VIOLATION blue screen error in Windows 10 immediately!".
    {ruleId: 'promo-line', pattern: '^[\\p{Lu}][\\p{L}\\d ]{2,30} fixes (?:the|this|your|all) .{1,120} (?:immediately|instantly|in (?:one|a) click|in minutes)!$', flags: 'u'},
    // An author box's bio: "Lena is an editor of FoneTool, she covers backup & restore…".
    {ruleId: 'author-bio', pattern: "^[\\p{Lu}][\\p{L}'’-]+(?: [\\p{Lu}][\\p{L}'’-]+){0,2} is an? (?:(?:senior|staff|contributing|technical|tech|freelance|content) )*(?:editor|writer|author|contributor|blogger|journalist) (?:of|at|for|with|on) ", flags: 'u'},
    // A vendor's support pitch after its tool's steps ("If you need assistance, please contact Driver Easy's support team…").
    {ruleId: 'vendor-support', pattern: "^(?:(?:The )?Pro version of .{1,40}? comes with .{0,60}?support ?\\.? )?If you (?:need (?:any )?assistance|run into any problems while using .{1,80}?)[,:]? (?:please )?(?:contact|don['’]t hesitate to contact)|^(?=.{0,400}$).{0,200}?\\bOur (?:IT|tech(?:nical)?) (?:specialists|experts|team) will help you\\b|^In case you like our content and want to show your support"}
  ],
  dropSections: [{ruleId: 'similar-products', pattern: "^Similar Products We['’]ve Reviewed$"}],
  dropHeadings: [
    // ZDNET's card heading over a product or story card, How-To Geek's "Read update" toggle.
    {ruleId: 'promo-heading', pattern: '^(?:ZDNET Recommends|Read update)$'},
    // How-To Geek's update byline: `UPDATE: 2024/05/09 BY CORBIN DAVENPORT` (upper case, as the site sets it).
    {ruleId: 'byline-heading', pattern: '^UPDATE: [\\d/: ]{6,24}(?: [A-Z]{2,4})? BY [A-Z][A-Z .\'-]{1,40}$', flags: 'u'},
    // A table of contents' label set as a heading: the list under it is a toc-list or toc-echo and goes.
    {ruleId: 'chrome-label', pattern: '^(?:Quick Links|Quick Navigation|Table of Contents|Contents)$'}
  ],
  unwrapLinkHosts: [
    'techidaily.com', '2checkout.com', 'avangate.com', 'shareasale.com', 'impactradius-go.com', 'sjv.io', 'pxf.io', '8odi.net',
    // Commission Junction, Skimlinks, Awin, Rakuten, Partnerize, Impact and shop redirects seen on ZDNET, Tom's Hardware, How-To Geek.
    'anrdoezrs.net', 'jdoqocy.com', 'tkqlhce.com', 'dpbolvw.net', 'kqzyfj.com', 'emjcd.com', 'georiot.com', 'shop-links.co', 'goto.walmart.com',
    'affportal.bhphoto.com', 'howl.me', 'viglink.com', 'skimresources.com', 'linksynergy.com', 'awin1.com', 'prf.hn', 'avantlink.com',
    'pntra.com', 'rfvk.net', '7tiv.net', 'redirectingat.com', 'bestbuy.7tiv.net', 'go.skimresources.com', 'click.linksynergy.com'
  ],
  unwrapLinkPatterns: ['[?&]AFFILIATE=\\d', '/order/(?:checkout|cart)\\.php'],
  adImageHosts: ['impactradius-go.com', 'avangate.com', 'sjv.io', 'pxf.io', '8odi.net'],
  redirectParameters: [{host: 'buy.geni.us', parameter: 'GR_URL'}],
  trackingParameters: [{name: 'tag', valuePattern: '-2\\d$'}, {name: 'ascsubtag'}, {name: 'asc_refurl'}, {name: 'asc_campaign'}, {name: 'asc_source'}, {name: 'linkCode'}, {name: 'linkId'}, {name: 'subId1'}, {name: 'clickref'}, {name: 'irclickid'}, {name: 'utm_source'}, {name: 'utm_medium'}, {name: 'utm_campaign'}, {name: 'utm_content'}, {name: 'utm_term'}],
  dropLinkTexts: [
    {ruleId: 'shop-button', pattern: '^(?:Buy|Order|Shop) Now\\b'},
    {ruleId: 'shop-button', pattern: '^\\$[\\d,.]+ (?:at|on) .{1,40}$'},
    {ruleId: 'shop-button', pattern: '^(?:See|View|Buy|Shop|Check)(?: it| now| price)? (?:at|on) .{1,40}$'},
    // ZDNET alternative cards: a whole product card linked, ending in its button (`… View at Amazon`).
    {ruleId: 'shop-button', pattern: '\\bView (?:at|on) [A-Z][\\w.&\\\\/ -]{1,30}$', flags: 'u'},
    {ruleId: 'shop-button', pattern: '^(?:View Deal|Check Price|See Price|Get Deal)$'},
    // A product card linked whole, ending in its price at a shop (`Lomi composter $295.6 at Amazon`, `Buy Apple AirPods Pro $219.95 at B&H Photo-Video`).
    // Only a card's name, no sentence's words: "Pick up the [Fractal Design North for $109 at Amazon](…)" and "[now $949 at Dell](…)" are text.
    {ruleId: 'shop-button', pattern: "^.{1,160}\\(save \\$[\\d,.]+\\) \\$[\\d,.]+ (?:at|on) [A-Z][\\w.&'’ -]{0,29}$", flags: 'u'},
    {ruleId: 'shop-button', pattern: "^(?!.*\\b(?:is|are|was|were|to|for|just|only|now|currently|costs?|sells?|priced|drops?|down|from|save)\\b).*\\$\\d[\\d,]*(?:\\.\\d{1,2})? (?:at|on) [A-Z][\\w.&'’ -]{0,29}$", flags: 'u'},
    // ZDNET's product card, one link holding name and blurb: `[ZDNET RECOMMENDS 1Password 1Password is a premium…](…)`.
    {ruleId: 'promo-card', pattern: '^ZDNET RECOMMENDS '},
    // ZDNET's story card: picture, title and blurb in one link ending in "Read now".
    {ruleId: 'promo-card', pattern: ' Read now$'},
    // W3Schools: `[Try it Yourself »](…)` under every example, the "Get Certified" banner.
    {ruleId: 'site-button', pattern: '^(?:Try it Yourself »?|Get Certified)$'}
  ],
  dropImages: [
    {ruleId: 'site-button', pattern: '^(?:Run code|Copy code|Free Download|Download(?: Now)?)$'},
    // A commenter's picture or badge (`u/juli1 avatar`, `John's avatar`, `Profile Badge for the Achievement Top 1% Commenter`): the thread's chrome, never a screenshot.
    {ruleId: 'avatar', pattern: "^(?:(?:u/)?[\\p{L}\\d_.'’-]{1,40}(?:['’]s)? )?(?:avatar|profile (?:picture|photo))$|^Profile Badge for the Achievement .{1,60}$"}
  ],
  adsenseClasses: ['adsbygoogle'],
  alsoReadClasses: ['atpl-alsoreadstyle'],
  notArticle: [
    {ruleId: 'not-an-article', pattern: '^(?:please )?(?:enable|turn on) javascript(?: and cookies)?(?: to (?:continue|view (?:this|the) page))?$'},
    {ruleId: 'not-an-article', pattern: '^(?:access denied|403 forbidden|404 not found|page not found|just a moment|checking your browser before accessing|attention required)\\b.*$'}
  ],
  extensions: ['.md', '.markdown', '.txt'],
  fields: {
    title: ['title', 'post_title', 'Title'],
    date: ['date', 'post_date', 'published', 'publishDate', 'published_at', 'pubDate', 'Date', 'Created', 'created', 'created_at'],
    updated: ['updated', 'lastmod', 'modified', 'post_modified', 'updated_at', 'lastModified', 'Updated', 'Modified'],
    description: ['description', 'Description', 'excerpt', 'summary', 'post_excerpt', 'custom_excerpt'],
    tags: ['tags', 'Tags', 'tag', 'post_tag'],
    categories: ['categories', 'Categories', 'category', 'Category', 'post_category'],
    sourceUrl: ['source', 'url', 'Url', 'URL', 'original_link', 'canonical_url', 'canonicalURL', 'link', 'source_url']
  },
  dedupe: {
    shingleSize: 5,
    permutations: 128,
    bands: 32,
    minJaccard: 0.7,
    minContainment: 0.9,
    minWords: 30,
    canonical: 'earliest'
  },
  recurring: {
    minClusters: 8,
    minShare: 0.002,
    minWords: 2,
    loneMaxWords: 12
  },
  limits: {
    maxBytes: 1_000_000,
    maxParseMs: 5_000,
    maxDepth: 100
  }
}
