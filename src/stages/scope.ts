/**
 * Rules scoped to some files: a rule with `paths` (globs, `config.ts`
 * `Scoped`) applies only to files whose path below the input folder matches
 * one of them. Each file is processed with the configuration of the rules that
 * apply to it; files that share a set of rules share one configuration object,
 * so the cleaning processor compiled for it (`process-file.ts`) is reused.
 */
import picomatch from 'picomatch'
import type {Config, Scoped} from '../config.js'

/** Whether a path (relative, `/`-separated) matches any of the globs. The one place fixset matches globs. */
export function matchesPaths(globs: readonly string[], path: string): boolean {
  return matcher(globs)(path)
}

const matchers = new Map<string, (path: string) => boolean>()
function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = JSON.stringify(globs)
  let match = matchers.get(key)
  if (!match) {
    match = picomatch([...globs], {dot: true})
    matchers.set(key, match)
  }
  return match
}

const scopedTables = ['markerPairs', 'dropLines', 'dropBlocks', 'dropSections', 'dropLinkTexts'] as const

/** The configuration `path` is processed with: every rule without `paths`, and those whose `paths` match it. */
export function configFor(config: Config, path: string): Config {
  const scoped = scopedRules(config)
  if (scoped.length === 0) return config
  const key = scoped.map((rule) => (matchesPaths(rule.paths!, path) ? '1' : '0')).join('')
  const variants = variantsOf(config)
  let variant = variants.get(key)
  if (!variant) {
    const applies = (rule: Scoped) => rule.paths === undefined || matchesPaths(rule.paths, path)
    variant = {
      ...config,
      markerPairs: config.markerPairs.filter(applies),
      dropLines: config.dropLines.filter(applies),
      dropBlocks: config.dropBlocks.filter(applies),
      dropSections: config.dropSections.filter(applies),
      dropLinkTexts: config.dropLinkTexts.filter(applies)
    }
    variants.set(key, variant)
  }
  return variant
}

const scopedByConfig = new WeakMap<Config, Scoped[]>()
function scopedRules(config: Config): Scoped[] {
  let rules = scopedByConfig.get(config)
  if (!rules) {
    rules = scopedTables.flatMap((table): Scoped[] => config[table].filter((rule) => rule.paths !== undefined))
    scopedByConfig.set(config, rules)
  }
  return rules
}

const variantsByConfig = new WeakMap<Config, Map<string, Config>>()
function variantsOf(config: Config): Map<string, Config> {
  let variants = variantsByConfig.get(config)
  if (!variants) {
    variants = new Map()
    variantsByConfig.set(config, variants)
  }
  return variants
}
