import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {defaultConfig, type Config} from '../../src/config.js'
import {processFile, type AcceptedFile, type FileResult} from '../../src/process-file.js'
import {cleaningProcessor, cleanTree} from '../../src/stages/clean/index.js'
import {sha256Hex} from '../../src/stages/discover.js'
import {parseMarkdown} from '../../src/stages/parse.js'
import {childrenToMarkdown} from '../../src/markdown.js'

/** Runs the per-file pipeline on an in-memory article. */
export function processText(text: string, name = 'article.md', config: Config = defaultConfig): FileResult {
  const bytes = new TextEncoder().encode(text)
  return processFile({path: name, bytes, sha256: sha256Hex(bytes)}, config)
}

export function accepted(result: FileResult): AcceptedFile {
  if (result.status !== 'ok') throw new Error(`rejected: ${result.reason}`)
  return result
}

/** Parses and cleans a Markdown fragment; returns the cleaned Markdown and the vfile with its messages. */
export function clean(markdown: string, config: Config = defaultConfig, file = new VFile({path: 'fragment.md', value: markdown})): {markdown: string; file: VFile; tree: Root} {
  const tree = cleanTree(cleaningProcessor(config), parseMarkdown(markdown), file)
  return {markdown: childrenToMarkdown(tree.children), file, tree}
}

export function readCorpusFile(corpusDir: string, relative: string): string {
  return readFileSync(path.join(corpusDir, relative), 'utf8')
}
