#!/usr/bin/env node
// Counts, per boilerplate family, the fix sets of a build (output/fixsets/*.md and *.json) that still contain it.
// Usage: node scripts/count-families.mjs OUTPUT_DIR [families.json]   (a families.json in the webclips format, else the shared-corpus families below)
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

const shared = {
  'trailing tag-link list': /(?:^|\n\n)(?:[-*] (?:\[[^\]\n]{1,60}\]\([^)\n]*\)|[A-Za-z][\w.&'’ -]{0,24}) *\n?)+\s*$/,
  'affiliate/tracking link': /\]\(https?:\/\/[^)\s]*(?:anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com|dpbolvw\.net|kqzyfj\.com|georiot\.com|shop-links\.co|goto\.walmart\.com|howl\.me|viglink\.com|skimresources\.com|linksynergy\.com|avantlink\.com|pntra\.com|awin1\.com|prf\.hn|7tiv\.net|sjv\.io|pxf\.io|[?&](?:asc_refurl|asc_campaign|ascsubtag|subId1|aff_?id|irclickid|clickref|affiliate)=|[?&]tag=[\w-]+-2\d\b)/i,
  'empty link': /(?<!!)\[\]\((?!\))[^)]*\)/,
  'photo credit': /\(Image credit[:)]|^_?[^\n_]{2,40} \/ How-To Geek_?$|Featured image by|^(?:Image|Photo|Credit): [^\n]{1,50}$|^[^\n]{2,40} ?\/ ?(?:ZDNET|Lifewire|Future|How-To Geek|Getty Images)$/im,
  'bare rating line': /^(?:[0-4]\.\d|5\.0|\d(?:\.\d)?\/(?:5|10)|[0-5](?:\.\d)? out of 5(?: stars)?|Rating: [^\n]{1,20})$/im,
  'newsletter widget': /Get the Latest Tech News Delivered|Contact me with news and offers|By submitting your information you agree|Tech Today newsletter|Sign up for (?:our|the) [^\n]{0,40}newsletter|Subscribe to (?:our|the) [^\n]{0,40}newsletter|^Subscribe$|Join our newsletter|newsletter is a daily briefing/im,
  'price debris': /^(?:\$[\d,.]+(?: \$[\d,.]+)?(?: Save \$[\d,.]+)?|\$[\d,.]+ at [^\n]{1,30}|(?:was|now):? \$[\d,.]+)$/im,
  'deal/download/read-more button': /^\[?(?:View Deal|Download(?: Now)?|Read More|Read update|See (?:at|on) [^\n\]]{1,30}|View now at [^\n\]]{1,30}|Check price[^\n\]]{0,30}|See it)\]?(?:\([^)\n]*\))?$|\[(?:View Deal|View now at [^\]]{1,30}|See at [^\]]{1,30})\]\(/im,
  'promo/rating card': /ZDNET RECOMMENDS|ZDNET saves you time and money|How-To Geek's product recommendations come from|Our IT specialists will help you fix it|^Our expert review:$|so our expert reviewers? could thoroughly|Why you can trust Tom's Hardware|^Today's best deals$| Read now\]\(/im,
  'comment-form debris': /Save my name, email, and website|Your email address will not be published|^Δ$|You must be logged in to reply|Leave your comment and join our discussion|^Leave a Reply$|^Post Comment$/im,
  'byline heading': /^#+ [^\n]*\b(?:UPDATE|UPDATED)\b[^\n]*\bBY\b|^#+ +By [A-Z][^\n]{1,40}$/m,
  'show less': /\bShow (?:less|Expert Take)\b/,
  'was this page helpful': /Was this page helpful\?/i
}

function families(file) {
  if (!file) return shared
  const spec = JSON.parse(readFileSync(file, 'utf8'))
  return Object.fromEntries(spec.families.map((family) => [family.family, new RegExp(family.regex, family.flags)]))
}

function strings(value) {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.entries(value).filter(([key]) => key !== 'sources' && key !== 'id').flatMap(([, inner]) => strings(inner))
  return []
}

const [output, familiesFile] = process.argv.slice(2)
const folder = join(output, 'fixsets')
const ids = new Map()
for (const name of readdirSync(folder).sort()) {
  const id = name.replace(/\.(?:md|json)$/, '')
  let text = readFileSync(join(folder, name), 'utf8')
  if (name.endsWith('.md')) text = text.replace(/^---\n[\s\S]*?\n---\n/, '')
  if (name.endsWith('.json')) text = strings(JSON.parse(text)).join('\n\n')
  ids.set(id, [...(ids.get(id) ?? []), text])
}
const table = families(familiesFile)
const counts = {}
const examples = {}
for (const [name, pattern] of Object.entries(table)) {
  counts[name] = 0
  examples[name] = []
  for (const [id, texts] of ids) {
    if (texts.some((text) => pattern.test(text))) {
      counts[name]++
      if (examples[name].length < 400) examples[name].push(id)
    }
  }
}
const total = ids.size
const rows = Object.entries(counts).map(([name, count]) => ({family: name, fixSets: count, share: +(count / total).toFixed(4)}))
if (process.env.EXAMPLES) console.log(JSON.stringify(examples[process.env.EXAMPLES] ?? []))
else console.log(JSON.stringify({fixSets: total, limit: Math.floor(total / 100), rows}, null, 1))
