/**
 * `fixset.config.json`: the rule tables and thresholds of `config.ts`, read
 * from a file. Every key is optional and replaces the default of the same
 * name as a whole, except `fields`, `dedupe`, `recurring` and `limits`, whose keys merge one by one
 * (`fixset init` writes the defaults, to edit); unknown keys and invalid
 * values are errors that name the file, line and key.
 */
import {readFile} from 'node:fs/promises'
import {LineCounter, parseDocument} from 'yaml'
import {z} from 'zod'
import {defaultConfig, type Config, type FieldKeys} from './config.js'
import {UsageError} from './write.js'

export const configFileName = 'fixset.config.json'

const regex = z.string().superRefine((pattern, context) => {
  try {
    new RegExp(pattern, 'u')
  } catch (error) {
    context.addIssue({code: 'custom', message: `not a valid regular expression: ${(error as Error).message}`})
  }
})
const ruleId = z.string().regex(/^[a-z][a-z0-9-]*$/)
const flags = z.string().regex(/^[imsu]*$/).optional()
/** Globs matched against a file's path below the input folder (`stages/scope.ts`). */
const paths = z.array(z.string().min(1)).min(1).optional()
const patternRule = z.strictObject({ruleId, pattern: regex, flags, paths})
const lineRule = patternRule.extend({linked: z.boolean().optional(), early: z.boolean().optional()})
// A frontmatter key: any text but white space at its ends; listed at most once per field.
const fieldKeys = z.array(z.string().min(1).regex(/^\S(?:.*\S)?$/, 'a frontmatter key without leading or trailing spaces')).min(1).refine((keys) => new Set(keys).size === keys.length, 'a key is listed twice')
const markerPair = z.union([
  z.strictObject({ruleId, begin: z.string().min(1), end: z.string().min(1), paths}),
  z.strictObject({ruleId, beginPattern: regex, endPattern: regex, flags, paths})
])
const host = z.string().regex(/^[a-z0-9.-]+$/i, 'a host name such as example.com')

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    input: z.string().min(1),
    output: z.string().min(1),
    markerPairs: z.array(markerPair),
    dropLines: z.array(lineRule),
    dropBlocks: z.array(patternRule),
    dropSections: z.array(patternRule),
    dropHeadings: z.array(patternRule),
    unwrapLinkHosts: z.array(host),
    unwrapLinkPatterns: z.array(regex),
    adImageHosts: z.array(host),
    redirectParameters: z.array(z.strictObject({host, parameter: z.string().min(1)})),
    trackingParameters: z.array(z.strictObject({name: z.string().min(1), valuePattern: regex.optional()})),
    dropLinkTexts: z.array(patternRule),
    dropImages: z.array(patternRule),
    adsenseClasses: z.array(z.string().min(1)),
    alsoReadClasses: z.array(z.string().min(1)),
    notArticle: z.array(patternRule),
    extensions: z.array(z.string().regex(/^\.[\w.]+$/, 'a file ending such as .md')),
    fields: z
      .strictObject({title: fieldKeys, date: fieldKeys, updated: fieldKeys, description: fieldKeys, tags: fieldKeys, categories: fieldKeys, sourceUrl: fieldKeys} satisfies Record<keyof FieldKeys, unknown>)
      .partial(),
    dedupe: z
      .strictObject({
        shingleSize: z.number().int().min(1).max(20),
        permutations: z.number().int().min(8).max(1024),
        bands: z.number().int().min(1),
        minJaccard: z.number().min(0).max(1),
        minContainment: z.number().min(0).max(1),
        minWords: z.number().int().min(1),
        canonical: z.enum(['earliest', 'latest'])
      })
      .partial()
      .refine(
        (dedupe) => (dedupe.permutations ?? defaultConfig.dedupe.permutations) % (dedupe.bands ?? defaultConfig.dedupe.bands) === 0,
        {message: 'permutations must be a multiple of bands', path: ['bands']}
      ),
    recurring: z
      .strictObject({
        minClusters: z.number().int().min(2),
        minShare: z.number().min(0).max(1),
        minWords: z.number().int().min(1),
        loneMaxWords: z.number().int().min(0)
      })
      .partial(),
    limits: z
      .strictObject({
        maxBytes: z.number().int().min(1),
        maxParseMs: z.number().int().min(10),
        maxDepth: z.number().int().min(2).max(10_000)
      })
      .partial()
  })
  .partial()

/** Reads and validates a config file; the result is the defaults with the file's keys replacing theirs. */
export async function loadConfig(file: string): Promise<Config> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(code === 'ENOENT' ? `--config ${file} does not exist; pass a config file, or run \`fixset init\` to write ${configFileName}` : `--config ${file} cannot be read (${code ?? 'error'})`)
  }
  return parseConfig(text, file)
}

export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, uniqueKeys: true, schema: 'json'})
  const syntax = document.errors[0]
  if (syntax) {
    const place = syntax.linePos?.[0]
    throw new UsageError(`${file}${place ? `:${place.line}:${place.col}` : ''}: not valid JSON: ${syntax.message.split('\n')[0]}`)
  }
  const result = ConfigSchema.safeParse(document.toJS())
  if (!result.success) {
    const issue = result.error.issues[0]!
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path
    const node = document.getIn(path.map(String), true) as {range?: [number, number]} | undefined
    const keyNode = node?.range ?? (document.getIn(path.slice(0, -1).map(String), true) as {range?: [number, number]} | undefined)?.range
    const place = keyNode ? lineCounter.linePos(keyNode[0]) : undefined
    const name = path.join('.') || '(top level)'
    const message = issue.code === 'unrecognized_keys' ? `unknown key \`${name}\`` : `\`${name}\`: ${issue.message}`
    throw new UsageError(`${file}${place ? `:${place.line}:${place.col}` : ''}: ${message}`)
  }
  return withDefaults(result.data)
}

/** What `build()` accepts as its configuration: any part of one, as a config file holds it. */
export type ConfigInput = z.input<typeof ConfigSchema>

/**
 * A configuration given as an object (`build({config})`), validated and
 * merged with the defaults the way `--config FILE` is: every key optional,
 * `fields`, `dedupe`, `recurring` and `limits` merged key by key, unknown keys and invalid values a
 * UsageError naming the key.
 */
export function configFromObject(value: ConfigInput, source = 'config'): Config {
  const result = ConfigSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path
    const name = path.join('.') || '(top level)'
    throw new UsageError(`${source}: ${issue.code === 'unrecognized_keys' ? `unknown key \`${name}\`` : `\`${name}\`: ${issue.message}`}`)
  }
  return withDefaults(result.data)
}

function withDefaults(data: z.output<typeof ConfigSchema>): Config {
  const {$schema: _schema, $comment: _comment, fields, dedupe, recurring, limits, ...overrides} = data
  return {
    ...defaultConfig,
    ...overrides,
    fields: {...defaultConfig.fields, ...fields},
    dedupe: {...defaultConfig.dedupe, ...dedupe},
    recurring: {...defaultConfig.recurring, ...recurring},
    limits: {...defaultConfig.limits, ...limits}
  } as Config
}

/** The text `fixset init` writes: a guide in `$comment`, then every default, ready to edit. */
export function initialConfigText(): string {
  const guide = [
    'fixset configuration. Every key is optional; a key replaces the default of the same name as a whole. Unknown keys are errors.',
    'input, output: default --input and --output. markerPairs: ranges removed before parsing, between HTML comments (begin, end) or line patterns (beginPattern, endPattern).',
    'Any rule of markerPairs, dropLines, dropBlocks, dropSections and dropLinkTexts may have paths: globs of the files it applies to.',
    'dropLines: a line whose whole text matches `pattern` (a regular expression, case-insensitive) goes. dropBlocks: a paragraph or quote starting with a match goes.',
    'dropSections: a section whose heading matches goes. dropHeadings: a heading that matches goes, its section stays. unwrapLinkHosts, unwrapLinkPatterns: links there lose the link, keep the text. adImageHosts: images from there go.',
    'redirectParameters: a redirect replaced by its target. trackingParameters: query parameters removed. dropLinkTexts: links whose text matches go with it. dropImages: images whose alt or title matches go. notArticle: a short body whose words match is rejected as not an article.',
    'fields: the frontmatter keys each field (title, date, updated, description, tags, categories, sourceUrl) is read from, first usable one wins; each field given replaces its list.',
    'dedupe: shingle size, MinHash permutations and LSH bands, merge thresholds, the fewest words a body needs to merge (minWords), and which member is canonical (earliest or latest date).',
    'recurring: a paragraph whose lines recur in at least minClusters distinct articles (and minShare of them) is page chrome and goes. limits: per-file bounds.',
    'See README.md, Configuration.'
  ]
  return JSON.stringify({$comment: guide, ...defaultConfig}, null, 2) + '\n'
}
