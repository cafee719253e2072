/**
 * What kind of article a fix set is (`../shared/gold/GUIDELINES.md`):
 * `fixes` (several alternative fixes for one problem), `guide` (one
 * procedure), `review` (one or a few products), `list` ("best X") or `news`.
 * Read from the title (and a second headline, `headline.ts`) and the items
 * extraction found, in this order:
 *
 * 1. items labelled as fixes (`Fix 1`, `Method 2`) → fixes;
 * 2. items that are awards (`Best Overall`, `Best Pixel 7 Cases`) → list;
 * 3. items that are a review's sections (Design, `Dashlane Features`, Verdict;
 *    "buying advice" alone) → review;
 * 4. items that read as a sequence (`Firstly, …`, `Then, …`) → guide;
 * 5. a "best X" / "top 5" title over items that are not fixes → list
 *    (a "Reviews" title too: a list of reviews; "X Review" is one product's);
 * 6. a problem title (error, not working, fix …) → fixes, unless the items are
 *    questions an explainer answers ("What is X?"); so too with fewer than two
 *    items when the article offers what it lists as alternatives ("try the
 *    steps below in any order", "work your way down the list until you find
 *    the one that works");
 * 7. numbered items that are troubleshooting actions ("Restart", "Update the
 *    driver") → fixes; numbered imperative items ("Open iCloud", "Sign in") → guide;
 * 8. items that weigh a product (`Evaluation of X from a User's Perspective`,
 *    `OpenShot vs. ShotCut`: two or more) → review; a comparison or review
 *    title over three or more numbered items that are not a review's sections
 *    (`1. You like how small they are`) → list (numbered points are a list, a
 *    review has sections); a review title → review; a weaker list title
 *    ("alternatives", "deals") → list;
 * 9. items that do one thing in several ways (`How to Record X on PC`, `… on
 *    Android`: most share their verb), or two or more items that each weigh
 *    their own advantages and disadvantages and give their own procedure
 *    (`Global standard JavaScript`, `Load JavaScript module on demand`) → fixes;
 * 10. items that are mostly questions → news; unnumbered items that are mostly
 *    instructions (`Get the sample application`, `Initialize Docker assets`,
 *    `Run the application`: a tutorial's stages) → guide; steps or a how-to
 *    title, or most items showing code (a reference page's `Syntax` /
 *    `Example` sections; two code blocks in a page of fewer than two items)
 *    → guide; a page that sets ten or more words or blocks as code, in most
 *    of its items (a reference: `cargo-add(1)`'s options, a language's
 *    keywords) → guide;
 *    else news.
 */
export type ArticleKind = 'fixes' | 'guide' | 'review' | 'list' | 'news'

export interface KindEvidence {
  /** The label word of each item's heading (`fix`, `method`, …; null when it has none). */
  itemLabels: ReadonlyArray<string | null>
  itemTitles: readonly string[]
  numberedItems: number
  steps: number
  /** A second headline under the title heading (the article's own title), or null. */
  headline: string | null
  /** Code blocks anywhere in the article: a page that shows code is a tutorial or a reference, not news. */
  codeBlocks: number
  /** Code blocks and inline code at any depth (in lists, in sentences): how much of the text is about code. */
  codeSpans: number
  /** Items with code in them, inline or as blocks, at any depth. */
  itemsNamingCode: number
  /** Items that show code: a code block, or an `Example` / `Syntax` sub-heading over unfenced code (a reference page's sections). */
  codeItems: number
  /** Items with an `Advantages` / `Disadvantages` sub-heading and steps of their own: alternative ways to one goal, each weighed. */
  weighedWays: number
  /** Whether a paragraph offers what the article lists as alternatives to try (`in any order`). */
  offersAlternatives: boolean
}

/** Words that offer what follows as alternatives to try, not a procedure to follow in order. */
const alternativesOffer = /\b(?:in any order|until you find the one that works|until (?:the|your) (?:problem|issue|error) is (?:fixed|solved|resolved|gone))\b/i

/** Whether a paragraph offers what follows as alternatives ("you may try the steps below in any order"). */
export function offersAlternatives(text: string): boolean {
  return alternativesOffer.test(text)
}

/** A sub-heading that weighs the way its item describes (`Advantages`, `Disadvantage`, `Pros`, `Drawbacks`). */
const weighingHeading = /^(?:advantages?|disadvantages?|pros|cons|benefits|drawbacks|limitations)\b/i

export function isWeighingHeading(text: string): boolean {
  return weighingHeading.test(text.trim())
}

/** A reference page's sub-headings over its code (`Syntax`, `Example 2`, `Example 1 explained`, `Output`). */
const codeExampleHeading = /^(?:syntax|examples?|output|result)(?: \d+)?(?: explained)?:?$/i

export function isCodeExampleHeading(text: string): boolean {
  return codeExampleHeading.test(text.trim())
}

const fixLabels = new Set(['fix', 'method', 'solution', 'way', 'option', 'workaround', 'trick', 'hack', 'approach', 'tip'])
const problemTitle =
  /\b(?:fix(?:es|ed|ing)?|solv(?:e|ed|es|ing)|resolv(?:e|ed|es|ing)|troubleshoot\w*|errors?|not working|won'?t|can'?t|cannot|isn'?t|doesn'?t|fail\w*|crash\w*|issues?|problems?|repair\w*|stuck|missing|not (?:found|showing|detected|responding|opening|loading|recogni[sz]ed)|code \d+|0x[0-9a-f]{4,}|bsod|black screen|blue screen|freez\w*|lag\w*|glitch\w*|bugs?|eliminat\w*|get rid of|remov\w+|prevent\w*|solutions?|methods|\d+ ways|workarounds?)\b/i
/** A title that names a fault to repair, as opposed to a goal ("Top 6 … Solutions" is a list of products). */
const faultTitle = /\b(?:fix(?:es|ed|ing)?|solv(?:e|ed|es|ing)|resolv(?:e|ed|es|ing)|troubleshoot\w*|errors?|not working|repair\w*|crash\w*|bsod)\b/i
/** Item titles that read as a troubleshooting action ("Restart your iPhone", "Update the driver"). */
const fixAction =
  /^(?:check|restart|reboot|update|upgrade|reinstall|re-install|uninstall|disable|run|clear|reset|delete|remove|roll ?back|repair|scan|make sure|ensure|perform|change|turn (?:off|on)|switch|verify|modify|adjust|close|end|stop|rename|replace|reconnect|unplug|free up|force|sign out|log out|contact|kill|boot|fix|troubleshoot)\b/i
/** Item titles that are an instruction of any kind ("Open iCloud for Windows", "Add browser extension"). */
const imperative =
  /^(?:open|sign in|log in|go to|add|enable|install|download|create|set up|setup|select|choose|click|tap|type|enter|copy|paste|connect|launch|start|try|use|set|make|edit|save|export|import|insert|drag|find|pick|wait|follow|allow|move|transfer|record|capture|convert)\b/i
/** A tutorial's stage (`Get the sample application`, `Initialize Docker assets`): an instruction, or one of the verbs of code and systems. */
const stageVerb = /^(?:get|initiali[sz]e|build|deploy|write|declare|define|call|configure|prepare|generate|publish|clone|compile|register|implement|load|apply|attach|test)\b/i
const sequenceItem = /^(?:first(?:ly)?|second(?:ly)?|then|next|after that|afterwards|finally|last(?:ly)?)\b[\s,]/i
const awardItem = /^(?:the )?(?:best|top)\b/i
const strongListTitle = /\b(?:best|top[- ]rated|top \d+|\d+ best)\b/i
const listTitle =
  /\b(?:best|top[- ]rated|top \d+|picks|alternatives|favorite|favourite|deals?|offers|sale)\b|\b\d+ (?:\w+ ){0,3}(?:features|things|reasons|apps|tips|games|tools|sites|websites|products|ideas|uses|gadgets|gifts|extensions|programs|services|options|alternatives|phones|laptops|picks|scripts|libraries|packages|frameworks|plugins|commands|resources|books|courses)\b/i
const reviewTitle = /\b(?:review(?:ed|s)?|hands[- ]on|tested|vs\.?|versus|compared?|comparison|pros (?:and|&) cons|advantages and disadvantages)\b/i
/** "X Review" reviews one product; "Review of the Best X" reviews a list. */
const oneProductReview = /\breview(?:ed)?\b(?! of (?:the )?(?:best|top)\b)/i
/**
 * A review's sections: the heading opens with a section's name ("Design and
 * build", "Battery life"), or is a section's name after the product's
 * (`Dashlane Features`, `The Final Verdict: …`).
 */
const sectionNames =
  'design|display|screen|performance|battery(?: life)?|cameras?|audio(?: quality)?|sound(?: quality)?|software|price|pricing|cost|specs|specifications|features|build(?: quality)?|keyboard|comfort|connectivity|pros|cons|pros and cons|verdict|value|ease of use|customer support|review in brief'
const reviewSection = new RegExp(`^(?:${sectionNames})\\b|^(?:[\\p{L}\\p{N}'’.+-]+\\s+){1,2}(?:${sectionNames})(?:$|\\s*[:|(\\-–—])`, 'iu')
/** Only a review advises on buying the one product it reviewed (ZDNET's "buying advice"). */
const reviewOnlySection = /\bbuying advice\b/i
const guideTitle = /\b(?:how to|guide|tutorial|step[- ]by[- ]step|steps|install\w*|download\w*|convert\w*|set(?:ting)? up|setup|create|creating|make|making|use|using|enable|disable|change|record|capture|transfer|access)\b/i
/** An item that weighs one product: its evaluation, a comparison with another, its pros and cons. */
const weighingItem = /\b(?:evaluation|evaluating|review(?:ed)?|comparison|compared|vs\.?|versus|pros and cons|pros & cons|advantages and disadvantages|verdict)\b/i
/** A numbered point of a list (`1. You like how small they are`), not a section (Design, Pros and cons, `Gameplay: …`), a question or a how-to. */
const isPoint = (item: string) => !reviewSection.test(item) && !weighingItem.test(item) && !/\?\s*$|^how to\b|^[^:]{1,30}:\s/i.test(item)
const questionItem = (item: string) => /\?\s*$/.test(item) && !/^how (?:to|do|can)\b/i.test(item)

export function classifyKind(title: string, evidence: KindEvidence): ArticleKind {
  const titles = evidence.headline === null ? title : `${title} | ${evidence.headline}`
  const items = evidence.itemTitles
  const count = (test: (item: string) => boolean) => items.filter(test).length
  const most = (matched: number) => matched >= 2 && matched * 2 >= items.length
  const labelledFixes = evidence.itemLabels.filter((label) => label !== null && fixLabels.has(label)).length
  const actions = count((item) => fixAction.test(item))
  const questions = count(questionItem)
  if (labelledFixes >= 2) return 'fixes'
  if (count((item) => awardItem.test(item)) >= 2) return 'list'
  if (count((item) => !awardItem.test(item) && !fixAction.test(item) && reviewSection.test(item)) >= 2 || count((item) => reviewOnlySection.test(item)) > 0) return 'review'
  if (count((item) => sequenceItem.test(item)) >= 2 || evidence.itemLabels.filter((label) => label === 'sequence').length >= 2) return 'guide'
  if (strongListTitle.test(titles) && !faultTitle.test(titles) && !oneProductReview.test(titles) && !most(actions)) return 'list'
  if (problemTitle.test(titles) && (items.length >= 2 || (evidence.offersAlternatives && evidence.steps >= 2)) && !most(questions)) return 'fixes'
  if (evidence.numberedItems >= 3 && most(actions)) return 'fixes'
  if (evidence.numberedItems >= 3 && most(count((item) => imperative.test(item) || fixAction.test(item)))) return 'guide'
  if (count((item) => weighingItem.test(item)) >= 2) return 'review'
  if (reviewTitle.test(titles) && !problemTitle.test(titles)) return evidence.numberedItems >= 3 && count(isPoint) * 2 > items.length ? 'list' : 'review'
  if (listTitle.test(titles) && items.length >= 2) return 'list'
  if (most(sharedVerbItems(items)) || evidence.weighedWays >= 2) return 'fixes'
  if (most(questions)) return 'news'
  if (evidence.numberedItems === 0 && most(count((item) => imperative.test(item) || stageVerb.test(item)))) return 'guide'
  if (evidence.steps >= 3 || showsCode(evidence) || (guideTitle.test(titles) && items.length >= 1)) return 'guide'
  return namesCodeThroughout(evidence) ? 'guide' : 'news'
}

/**
 * A page that names code often (commands, options, types, in its sentences
 * and lists), in most of its sections, is documentation, a reference or a
 * tutorial, even without a procedure: news and essays rarely set a word as
 * code. A project's README, whose code sits in its Installing section among
 * Features and Testimonials, describes the project (news).
 */
function namesCodeThroughout(evidence: KindEvidence): boolean {
  const items = evidence.itemTitles.length
  return evidence.codeSpans >= minCodeSpansOfReference && (items < 2 || evidence.itemsNamingCode * 2 > items)
}

const minCodeSpansOfReference = 10

/**
 * A page that teaches by code: its sections are code and its explanation
 * (most items show code), or, with fewer than two items, it holds two code
 * blocks. A README whose code sits in one section of many (`Installing`
 * among `Testimonials`, `Ideas`, `Supported by`) describes a project instead.
 */
function showsCode(evidence: KindEvidence): boolean {
  const items = evidence.itemTitles.length
  if (items < 2) return evidence.codeBlocks >= 2
  return evidence.codeItems >= 2 && evidence.codeItems * 2 >= items
}

/**
 * How many items open with the same verb as the most common one
 * (`How to Record X on PC`, `How to Record X on Android`): ways to one goal.
 */
function sharedVerbItems(items: readonly string[]): number {
  const verbs = new Map<string, number>()
  for (const item of items) {
    const verb = verbOf(item)
    if (verb !== null) verbs.set(verb, (verbs.get(verb) ?? 0) + 1)
  }
  return Math.max(0, ...verbs.values())
}

/** The verb an item opens with: the word after "How to", or a first word that is an instruction. */
function verbOf(item: string): string | null {
  const howTo = /^how to\s+([\p{L}-]+)/iu.exec(item)
  if (howTo) return howTo[1]!.toLowerCase()
  return imperative.test(item) || fixAction.test(item) ? item.split(/\s+/)[0]!.toLowerCase() : null
}
