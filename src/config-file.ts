/**
 * `fixset.config.json`: the rule tables and thresholds of `config.ts`, read
 * from a file. Every key is optional and replaces the default of the same
 * name as a whole, except `dedupe` and `limits`, whose keys merge one by one
 * (`fixset init` writes the defaults, to edit); unknown keys and invalid
 * values are errors that name the file, line and key.
 */
import {readFile} from 'node:fs/promises'
import {LineCounter, parseDocument} from 'yaml'
import {z} from 'zod'
import {defaultConfig, type Config} from './config.js'
import {UsageError} from './write.js'

export const configFileName = 'fixset.config.json'

const regex = z.string().superRefine((pattern, context) => {
  try {
    new RegExp(pattern, 'u')
  } catch (error) {
    context.addIssue({code: 'custom', message: `not a valid regular expression: ${(error as Error).message}`})
  }
})
const patternRule = z.strictObject({ruleId: z.string().regex(/^[a-z][a-z0-9-]*$/), pattern: regex, flags: z.string().regex(/^[imsu]*$/).optional()})
const host = z.string().regex(/^[a-z0-9.-]+$/i, 'a host name such as example.com')

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    input: z.string().min(1),
    output: z.string().min(1),
    markerPairs: z.array(z.strictObject({ruleId: z.string().regex(/^[a-z][a-z0-9-]*$/), begin: z.string().min(1), end: z.string().min(1)})),
    dropLines: z.array(patternRule),
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
    extensions: z.array(z.string().regex(/^\.[\w.]+$/, 'a file ending such as .md')),
    dedupe: z
      .strictObject({
        shingleSize: z.number().int().min(1).max(20),
        permutations: z.number().int().min(8).max(1024),
        bands: z.number().int().min(1),
        minJaccard: z.number().min(0).max(1),
        minContainment: z.number().min(0).max(1),
        canonical: z.enum(['earliest', 'latest'])
      })
      .partial()
      .refine(
        (dedupe) => (dedupe.permutations ?? defaultConfig.dedupe.permutations) % (dedupe.bands ?? defaultConfig.dedupe.bands) === 0,
        {message: 'permutations must be a multiple of bands', path: ['bands']}
      ),
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
  return parseConfig(await readFile(file, 'utf8'), file)
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
  const {$schema: _schema, $comment: _comment, dedupe, limits, ...overrides} = result.data
  return {...defaultConfig, ...overrides, dedupe: {...defaultConfig.dedupe, ...dedupe}, limits: {...defaultConfig.limits, ...limits}} as Config
}

/** The text `fixset init` writes: a guide in `$comment`, then every default, ready to edit. */
export function initialConfigText(): string {
  const guide = [
    'fixset configuration. Every key is optional; a key replaces the default of the same name as a whole. Unknown keys are errors.',
    'input, output: default --input and --output. markerPairs: HTML comments delimiting ranges removed before parsing.',
    'dropLines: a line whose whole text matches `pattern` (a regular expression, case-insensitive) goes. dropBlocks: a paragraph or quote starting with a match goes.',
    'dropSections: a section whose heading matches goes. dropHeadings: a heading that matches goes, its section stays. unwrapLinkHosts, unwrapLinkPatterns: links there lose the link, keep the text. adImageHosts: images from there go.',
    'redirectParameters: a redirect replaced by its target. trackingParameters: query parameters removed. dropLinkTexts: links whose text matches go with it. dropImages: images whose alt or title matches go.',
    'dedupe: shingle size, MinHash permutations and LSH bands, merge thresholds, and which member is canonical (earliest or latest date). limits: per-file bounds.',
    'See README.md, Configuration.'
  ]
  return JSON.stringify({$comment: guide, ...defaultConfig}, null, 2) + '\n'
}
