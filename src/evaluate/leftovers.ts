/**
 * Leftover boilerplate families counted per fix set (`fixset eval`): how many
 * fix sets still hold each, and their share. The built-in families are the
 * ones issue 18 lists for the shared corpus, each with a pattern written from
 * the shapes they take in the raw sources (not from fixset's own cleaning
 * rules, so a gap in a rule cannot hide itself); `--families FILE` adds a
 * corpus's own families file (`{"families": [{"family", "regex", "flags"}]}`).
 *
 * A pattern is tested on the fix set's Markdown file and on the strings of
 * its JSON, joined one per line, so `^` / `$` (with the `m` flag) are the
 * bounds of a line or of one JSON string. Both outside code only
 * (`evaluate/code.ts`): a snippet's `<div>` or a program's output `3` is
 * content, not a leftover.
 */
import {readFile} from 'node:fs/promises'
import {z} from 'zod'
import {UsageError} from '../write.js'
import {textOutsideCode} from './code.js'

export interface Family {
  family: string
  pattern: RegExp
  /** Where the family was defined: `built-in`, or the families file. */
  origin: string
}

/** Where the pattern is tested: the whole text, or only the Markdown file's end (a trailing list). */
interface BuiltIn {
  family: string
  pattern: RegExp
}

export const builtInFamilies: BuiltIn[] = [
  // `* [printer](…/drivereasy/download/)` closing an article: its links gone, the words stay as a last list.
  // Items of one to three words (a spec line such as `Warranty  1 year` is spaced as a table cell), or links.
  {family: 'tag-link list', pattern: /(?:^[ \t]*[*+-][ \t]+(?:\[[^\]\n]{1,40}\]\([^)\n]*\)|[\p{L}\p{N}.&'’-]+(?: [\p{L}\p{N}.&'’-]+){0,2})[ \t]*\n*)+(?![\s\S])/mu},
  {
    family: 'affiliate or tracking link',
    pattern: /\]\([^)\s]*(?:shop-links\.co|georiot\.com|geni\.us|anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com|dpbolvw\.net|kqzyfj\.com|awin1\.com|linksynergy\.com|skimresources\.com|viglink\.com|amzn\.to|sjv\.io|pxf\.io|8odi\.net|prf\.hn|avantlink\.com|2checkout\.com|[?&](?:tag|utm_[a-z]+|affid|aff_id|irclickid|clickid|subid|afftrack|ref_)=)/i
  },
  {family: 'empty link', pattern: /(?<!!)\[\]\([^)\n]*\)/},
  {
    family: 'photo credit',
    pattern:
      /\((?:Image|Photo) credit:?[^)\n]*\)|\bFeatured image by\b|^[ \t]*[_*]*(?:[\p{L}.'’ -]{2,40} ?\/ ?(?:How-To Geek|ZDNET|Lifewire|Getty Images|[\p{L} ]{0,30}via Getty Images|Tom['’]s Hardware)|(?:Lifewire|ZDNET|How-To Geek) ?\/ ?[\p{L}.'’ -]{2,40})[_*]*[ \t]*$|^[ \t]*(?:Image|Photo)(?: credit)?: [^\n]{1,60}$/imu
  },
  {family: 'bare rating line', pattern: /^[ \t]*(?:\*\*|_)?(?:[0-5](?:\.\d)?|10)(?: ?\/ ?(?:5|10)| out of (?:5|10))?(?:\*\*|_)?[ \t]*$|^[ \t]*(?:[★☆✩⭐][ \t]*){3,}$/mu},
  {
    family: 'newsletter widget',
    pattern: /Tech Today newsletter|Week in Review delivers|\[See all\]\([^)]*newsletters|Get the Latest Tech News Delivered|^[ \t]*(?:\*\*)?Subscribe(?:\*\*)?[ \t]*$|\bSubscribe to (?:our|the) [^\n]{0,40}newsletter|\bSign up for (?:our|the) [^\n]{0,30}newsletter|Thanks for signing up|By subscribing, you/im
  },
  // A line of prices (`$130 $180 Save $50`, `$160 at Amazon`), or a product card line ending in one; not a price in a sentence.
  {
    family: 'price',
    pattern: /^[ \t]*\$\d[\d,]*(?:\.\d\d)?(?:[ \t]+\$\d[\d,]*(?:\.\d\d)?)*(?:[ \t]+Save[ \t]+\$\d[\d,]*(?:\.\d\d)?|[ \t]+(?:at|on)[ \t]+[\p{L}\p{N}.&'’ -]{1,30})?[ \t]*$|\$\d[\d,]*(?:\.\d\d)? at [A-Z][\p{L}\p{N}.&'’-]*(?: [A-Z][\p{L}\p{N}.&'’-]*){0,2}[ \t]*$/mu
  },
  {
    family: 'deal, download or read-more button',
    // Case matters: buttons are title-cased, and "see at the top" is prose.
    pattern: /\[_*(?:View Deal|Download(?: Now| for Free)?|Free Download|Read [Mm]ore(?: »)?|Buy Now|Check Price|Get It Now|Try It Free)_*\]\(|^[ \t]*(?:View Deal|Download|Free Download|Download Now|Read [Mm]ore(?: »)?|Buy Now|Check Price)[ \t]*$|\bView (?:[Oo]n|[Aa]t) [A-Z][\w.]+|\bSee at [A-Z][\w.]*|^[ \t]*See at [\w.-]+[ \t]*$/m
  },
  {
    family: 'promo or rating card',
    pattern: /ZDNET RECOMMENDS\b|\bShow Expert Take\b|Rating: \d(?:\.\d)? ?\/ ?5 \(based on|How-To Geek['’]s product recommendations come from|ZDNET saves you time and money|Keep reading for our full product review|^[ \t]*(?:Our (?:Rating|Verdict|Score)|Editor['’]s (?:Choice|Rating)|Overall (?:Rating|Score))[ \t]*:?[ \t]*[\d.]*(?: ?\/ ?(?:5|10))?[ \t]*$/im
  },
  {
    family: 'comment-form debris',
    pattern: /Save my name, email, and website|Your email address will not be published|Required fields are marked|^[ \t]*(?:#{1,6}[ \t]+)?Leave a (?:Reply|Comment)\b|^[ \t]*(?:Post|Submit) Comment[ \t]*$|Notify me of (?:follow-up comments|new posts)|\bCancel reply\b/im
  },
  // `### UPDATE: 2024/05/09 BY NAME`, `###### [Read update](…)` over "We've updated our buying guide", `## By Name`.
  {family: 'byline heading', pattern: /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?UPDATE\b[^\n]*\bBY [A-Z]|^[ \t]*(?:#{1,6}[ \t]+)?\[?Read update\b|^[ \t]*#{1,6}[ \t]+(?:By|Written by)[ \t]+[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3}[ \t]*$/mu},
  {family: 'Show less', pattern: /\bShow less\b/i},
  {family: 'Was this page helpful?', pattern: /\bWas this page helpful\b/i}
]

const FamiliesFileSchema = z.object({
  families: z.array(z.object({family: z.string(), regex: z.string(), flags: z.string().default('')}))
})

/** The families of a families file (`corpus-webclips/families.json` and the like). */
export async function readFamiliesFile(file: string): Promise<Family[]> {
  let parsed
  try {
    parsed = FamiliesFileSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch (error) {
    throw new UsageError(`--families ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return parsed.families.map(({family, regex, flags}) => {
    try {
      // A global pattern would keep `lastIndex` between tests.
      return {family, pattern: new RegExp(regex, flags.replace(/[gy]/g, '')), origin: file}
    } catch (error) {
      throw new UsageError(`--families ${file}: family ${JSON.stringify(family)}: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
}

export function defaultFamilies(): Family[] {
  return builtInFamilies.map(({family, pattern}) => ({family, pattern, origin: 'built-in'}))
}

export interface LeftoverCount {
  family: string
  origin: string
  /** Fix sets that hold the family at least once. */
  fixsets: number
  share: number
  examples: string[]
}

const maxExamples = 5

/**
 * Per family, the fix sets whose Markdown (outside its code) or JSON strings
 * match it; `json` is to be given outside code already (`jsonStringsOutsideCode`).
 */
export function countLeftovers(families: readonly Family[], fixsets: Iterable<{id: string; markdown: string; json: string}>): LeftoverCount[] {
  const counts = families.map(({family, origin}) => ({family, origin, fixsets: 0, share: 0, examples: [] as string[]}))
  let total = 0
  for (const fixset of fixsets) {
    total++
    const markdown = textOutsideCode(fixset.markdown)
    families.forEach(({pattern}, index) => {
      if (!pattern.test(markdown) && !pattern.test(fixset.json)) return
      const count = counts[index]!
      count.fixsets++
      if (count.examples.length < maxExamples) count.examples.push(fixset.id)
    })
  }
  for (const count of counts) count.share = total === 0 ? 0 : count.fixsets / total
  return counts
}
