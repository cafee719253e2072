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
}

export interface Config {
  /** Marker-delimited ranges removed on the source text, before parsing. */
  markerPairs: MarkerPair[]
  /** Paragraphs whose whole text is one of these (trimmed, case-sensitive) are carousel debris. */
  debrisLines: string[]
  /** `class` values of AdSense slots (`<ins class="adsbygoogle">`). */
  adsenseClasses: string[]
  /** `class` of the span that opens an "Also read" link farm. */
  alsoReadClasses: string[]
  /** File name endings the discover stage picks up. */
  extensions: string[]
  dedupe: DedupeConfig
}

export const defaultConfig: Config = {
  markerPairs: [{ruleId: 'affiliate-ads', begin: 'affiliate ads begin', end: 'affiliate ads end'}],
  debrisLines: ['Close'],
  adsenseClasses: ['adsbygoogle'],
  alsoReadClasses: ['atpl-alsoreadstyle'],
  extensions: ['.md', '.markdown', '.txt'],
  dedupe: {
    shingleSize: 5,
    permutations: 128,
    bands: 32,
    minJaccard: 0.7,
    minContainment: 0.9
  }
}
