/**
 * The one way fixset reads frontmatter YAML: the `yaml` package with the core
 * schema (no timestamps: dates stay the strings they were), an alias limit,
 * unique keys and no merge keys. Shared by the whole-block read and the
 * entry-by-entry recovery, so recovery cannot loosen any of these.
 */
import {parse as parseYaml} from 'yaml'

// logLevel 'error': an unknown tag (`!!js/function`) stays a plain string without a process warning on stderr.
const yamlOptions = {schema: 'core', maxAliasCount: 100, uniqueKeys: true, merge: false, logLevel: 'error'} as const

/** Parses YAML text; throws YAMLParseError on a syntax error, other errors (alias count, unresolved alias) as they are. */
export function parseSafeYaml(source: string): unknown {
  return parseYaml(source, yamlOptions)
}
