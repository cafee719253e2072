/**
 * Everything fixset does to one file on its own: decode, strip, read the
 * frontmatter, parse, clean, extract, sign. A pure function of the file's
 * bytes and the configuration, so it can run in any worker, in any order, and
 * its result can be cached by the bytes' hash.
 */
import {VFile} from 'vfile'
import type {Config} from './config.js'
import {toDiagnostics, type Change, type Diagnostic} from './diagnostics.js'
import {childrenToMarkdown} from './markdown.js'
import {cleaningProcessor, cleanTree} from './stages/clean/index.js'
import {decodeSource} from './stages/decode.js'
import {readSource, type SourceFile} from './stages/discover.js'
import {extractArticle, splitTitle, type Article} from './stages/extract.js'
import {readFrontmatter, RejectError, toMeta, type ArticleMeta} from './stages/frontmatter.js'
import {parseMarkdown} from './stages/parse.js'
import {bodyWords, computeSignature, type Signature} from './stages/signature.js'
import {stripMarkedRanges} from './stages/strip.js'
import {chooseTitle} from './stages/title.js'

interface ResultBase {
  path: string
  sha256: string
  diagnostics: Diagnostic[]
  changes: Change[]
}

export interface AcceptedFile extends ResultBase {
  status: 'ok'
  meta: ArticleMeta
  /** The title this article gets, by the rule in `stages/title.ts`. */
  title: string
  article: Article
  /** The cleaned body as Markdown, without frontmatter and opening title heading. */
  body: string
  signature: Signature
}

export interface RejectedFile extends ResultBase {
  status: 'rejected'
  /** One plain sentence naming the problem. */
  reason: string
}

export type FileResult = AcceptedFile | RejectedFile

const processors = new WeakMap<Config, ReturnType<typeof cleaningProcessor>>()

export function processFile(source: SourceFile, config: Config): FileResult {
  const file = new VFile({path: source.path})
  try {
    const text = decodeSource(source.bytes, file)
    const stripped = stripMarkedRanges(text, config.markerPairs, file)
    file.value = stripped.text
    const meta = toMeta(readFrontmatter(stripped.text, file).data, file)
    const tree = cleanTree(processorFor(config), parseMarkdown(stripped.text), file)
    const article = extractArticle(tree, stripped.videos)
    const {body} = splitTitle(tree)
    const words = bodyWords(body)
    const fallback = source.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '')
    // Before `base()`, which collects the file's messages: choosing a title may report one.
    const title = chooseTitle(meta.title, article.headingTitle, new Set(words), fallback, file)
    return {
      ...base(source, file),
      status: 'ok',
      meta,
      title,
      article,
      body: childrenToMarkdown(body),
      signature: computeSignature(words, config.dedupe.shingleSize, config.dedupe.permutations)
    }
  } catch (error) {
    const reason = error instanceof RejectError ? error.message : `fixset could not process this file: ${errorMessage(error)}`
    const message = file.message(capitalise(reason), {ruleId: 'rejected', source: 'fixset'})
    message.fatal = true
    return {...base(source, file), status: 'rejected', reason: capitalise(reason)}
  }
}

function processorFor(config: Config) {
  let processor = processors.get(config)
  if (!processor) {
    processor = cleaningProcessor(config)
    processors.set(config, processor)
  }
  return processor
}

function base(source: SourceFile, file: VFile): ResultBase {
  return {path: source.path, sha256: source.sha256, diagnostics: toDiagnostics(file, source.path), changes: file.data.changes ?? []}
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error)
}

function capitalise(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}

/** Reads `relativePath` below `inputDir` and processes it; a file that cannot be read is rejected, not thrown. */
export async function processPath(inputDir: string, relativePath: string, config: Config): Promise<FileResult> {
  let source: SourceFile
  try {
    source = await readSource(inputDir, relativePath)
  } catch (error) {
    const reason = capitalise(`the file cannot be read: ${errorMessage(error).replace(inputDir, '<input>')}`)
    return {
      path: relativePath,
      sha256: '',
      diagnostics: [{file: relativePath, line: null, column: null, ruleId: 'rejected', severity: 'error', message: reason}],
      changes: [],
      status: 'rejected',
      reason
    }
  }
  return processFile(source, config)
}
