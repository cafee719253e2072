/**
 * Everything fixset does to one file on its own, in two passes:
 *
 * - `scanFile` (every file, cheap): decode, strip, read the frontmatter, scan
 *   the body's words (`stages/scan.ts`), sign them, choose the title.
 * - `renderFile` (the canonical member of each cluster only): parse, clean,
 *   extract, and serialise the body.
 *
 * Both are pure functions of the file's bytes and the configuration, so they
 * run in any worker, in any order, and their results can be cached by the
 * bytes' hash. `processFile` runs both, for one file on its own.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {writeCacheEntry, type CacheEntry} from './cache.js'
import type {Config, LineRule, Limits, PatternRule} from './config.js'
import {excerpt, toDiagnostics, type Change, type Diagnostic} from './diagnostics.js'
import {cleaningProcessor, cleanTree} from './stages/clean/index.js'
import {compilePatterns} from './stages/clean/util.js'
import {decodeSource} from './stages/decode.js'
import {readSource, type ReadHooks, type SourceFile} from './stages/discover.js'
import {articleWordCount, isChromeOnly, minArticleWords} from './stages/article-text.js'
import {extractArticle, splitTitle, type Article} from './stages/extract/index.js'
import {readFrontmatter, RejectError, toMeta, type ArticleMeta} from './stages/frontmatter.js'
import {parseMarkdown} from './stages/parse.js'
import {checkSize, checkSourceDepth, checkTreeDepth} from './stages/limits.js'
import {sourceBlockHashes} from './stages/block-hashes.js'
import {scanBody} from './stages/scan.js'
import {configFor} from './stages/scope.js'
import {computeSignature, type Signature} from './stages/signature.js'
import {stripMarkedRanges, type StripResult} from './stages/strip.js'
import {chooseTitle} from './stages/title.js'

interface ResultBase {
  path: string
  sha256: string
  diagnostics: Diagnostic[]
  changes: Change[]
}

export interface ScannedFile extends ResultBase {
  status: 'ok'
  meta: ArticleMeta
  /** The title this article gets, by the rule in `stages/title.ts`. */
  title: string
  signature: Signature
  /** Distinct hashes of the body's candidate lines for the corpus pass (`stages/block-hashes.ts`), sorted. */
  blocks: number[]
}

export interface RenderedFile extends ResultBase {
  status: 'ok'
  article: Article
  /** The cleaned body as Markdown, without frontmatter and opening title heading. */
  body: string
}

export interface RejectedFile extends ResultBase {
  status: 'rejected'
  /** One plain sentence naming the problem. */
  reason: string
}

export type ScanResult = ScannedFile | RejectedFile
export type RenderResult = RenderedFile | RejectedFile

/** Both passes over one file: what a canonical member ends up with. */
export type AcceptedFile = ScannedFile & Omit<RenderedFile, keyof ResultBase | 'status'>
export type FileResult = AcceptedFile | RejectedFile

interface Prepared {
  file: VFile
  stripped: StripResult
}

const compiled = new WeakMap<
  Config,
  {processor: ReturnType<typeof cleaningProcessor>; dropLines: Array<LineRule & {regex: RegExp}>; notArticle: Array<PatternRule & {regex: RegExp}>; dropBlocks: Array<PatternRule & {regex: RegExp}>}
>()

/** The passes' common start: bounds, decode, strip. Throws RejectError. */
function prepare(source: SourceFile, config: Config): Prepared {
  checkSize(source.bytes.length, config.limits)
  const file = new VFile({path: source.path})
  const text = decodeSource(source.bytes, file)
  if (text.trim() === '') throw new RejectError('the file is empty')
  checkSourceDepth(text.split('\n'), config.limits)
  const stripped = stripMarkedRanges(text, config.markerPairs, file)
  file.value = stripped.text
  return {file, stripped}
}

/** The frontmatter, and where the article after it starts. Throws RejectError when there is no article. */
function readArticleStart(file: VFile, text: string, lines: readonly string[], config: Config): {meta: ArticleMeta; bodyStart: number} {
  const frontmatter = readFrontmatter(text, file)
  if (lines.slice(frontmatter.bodyStart).every((line) => line.trim() === '')) {
    if (frontmatter.unreadable !== undefined) throw new RejectError(`${frontmatter.unreadable}, and there is no article after it`)
    throw new RejectError(frontmatter.present ? 'the file has frontmatter but no article after it' : 'the file has no article text')
  }
  return {meta: toMeta(frontmatter.data, file, config.fields), bodyStart: frontmatter.bodyStart}
}

export function scanFile(source: SourceFile, corpusConfig: Config): ScanResult {
  const config = configFor(corpusConfig, source.path)
  return guarded(source, () => {
    const {file, stripped} = prepare(source, config)
    const lines = stripped.text.split('\n')
    const {meta, bodyStart} = readArticleStart(file, stripped.text, lines, config)
    const scan = scanBody(lines, bodyStart, compiledFor(config).dropLines, {adsenseClasses: config.adsenseClasses, alsoReadClasses: config.alsoReadClasses, dropBlocks: compiledFor(config).dropBlocks})
    rejectNonArticle(scan.words, lines, bodyStart, config)
    const fallback = source.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '')
    const title = chooseTitle(meta.title, scan.headingTitle, scan.words, fallback, file, scan.nextHeading)
    return {
      ...base(source, file),
      status: 'ok',
      meta,
      title,
      signature: computeSignature(scan.words, config.dedupe.shingleSize, config.dedupe.permutations),
      blocks: sourceBlockHashes(lines, bodyStart, config.recurring.minWords)
    }
  })
}

/**
 * Parses, cleans and extracts a file the scan accepted; reports only what
 * these stages found (the scan reported the rest). The frontmatter is not read
 * again: the tree holds it as a `yaml` node, and the scan has already checked
 * it (reading it was a tenth of rendering a file). `recurring` holds the
 * hashes of this file's lines that recur across the corpus (`stages/recurring.ts`).
 */
export function renderFile(source: SourceFile, corpusConfig: Config, recurring: readonly number[] = []): RenderResult {
  const config = configFor(corpusConfig, source.path)
  return guarded(source, () => {
    const {file, stripped} = prepare(source, config)
    file.data.recurring = new Set(recurring)
    const [messagesBefore, changesBefore] = [file.messages.length, file.data.changes?.length ?? 0]
    const parsed = parseMarkdown(stripped.text)
    checkTreeDepth(parsed, config.limits)
    const tree = cleanTree(compiledFor(config).processor, parsed, file)
    // Players found in converted HTML join those the strip stage kept, in line order (the sort is stable).
    const videos = [...stripped.videos, ...(file.data.htmlVideos ?? [])].sort((a, b) => a.line - b.line)
    const {article, body} = extractArticle(tree, videos)
    if (body.trim() === '' && videos.length === 0) throw new RejectError('not an article: nothing is left of the body after cleaning')
    rejectChromeOnly(tree, stripped.text, videos.length)
    file.messages.splice(0, messagesBefore)
    file.data.changes?.splice(0, changesBefore)
    return {...base(source, file), status: 'ok', article, body}
  })
}

/**
 * A body that cleaning brought below a few words of text was only chrome
 * (`stages/article-text.ts`). Cleaning edits the tree in place, so the words
 * before it are counted on a fresh parse, and only for such a short body:
 * nearly every body is long enough, and its count stops at the first
 * `minArticleWords` words.
 */
function rejectChromeOnly(cleaned: Root, text: string, videos: number): void {
  if (videos > 0) return
  const after = articleWordCount(splitTitle(cleaned).body, minArticleWords)
  if (after >= minArticleWords) return
  const before = articleWordCount(splitTitle(parseMarkdown(text)).body)
  if (isChromeOnly(after, before)) throw new RejectError(`not an article: only ${after} of its ${before} words of text are left after cleaning (a site footer, a page that kept its title only)`)
}

/**
 * A body with no article text is no article: nothing left once the scan sets
 * HTML machinery, chrome lines and template placeholders aside (a page that
 * captured only its site's shell), or a short body that is a scrape-failure
 * page (`notArticle`). Rejected, so it never becomes a fix set or joins one.
 */
function rejectNonArticle(words: readonly string[], lines: readonly string[], bodyStart: number, config: Config): void {
  if (words.length === 0) throw new RejectError('not an article: no article text is left once HTML machinery, chrome lines and template placeholders are set aside')
  if (isVideoPage(words, lines, bodyStart)) throw new RejectError("not an article: the body is a video page's view count and description, cut short by its '...more' expander (the video is the content)")
  if (words.length >= config.dedupe.minWords) return
  const text = words.join(' ')
  const rule = compiledFor(config).notArticle.find((candidate) => candidate.regex.test(text))
  if (rule) throw new RejectError(`not an article: the body is only ${JSON.stringify(text.slice(0, 60))} (rule ${rule.ruleId})`)
}

/** A video page's description is a few sentences; an article that quotes a view count is longer. */
const maxVideoPageWords = 120
const viewCount = /(?:^| )\d+(?: \d+)?[kmb]? views \d+ (?:second|minute|hour|day|week|month|year)s? ago /
/** The expander under a cut-short description: a line that is only `...more`. */
const moreExpander = /^\s*(?:\.{3}|…)\s*more\s*$/i

/**
 * Whether a short body is what a clipper keeps of a video's watch page: a view
 * count with its age (`82K views 6 months ago`), the opening of the video's
 * description, and, as its last line, the `...more` expander that would show
 * the rest. There is no article text: the video is the page's content.
 */
function isVideoPage(words: readonly string[], lines: readonly string[], bodyStart: number): boolean {
  if (words.length > maxVideoPageWords || !viewCount.test(words.join(' ') + ' ')) return false
  const last = lines.findLastIndex((line) => line.trim() !== '')
  return last >= bodyStart && moreExpander.test(lines[last]!)
}

/** One pass over one file, as a worker of the pool receives it. */
export interface PassTask {
  source: SourceFile
  /** The cache entry to write the result to (`cache.ts`), if there is a cache. */
  cacheEntry?: Required<Pick<CacheEntry, 'file' | 'key'>>
  /** For a render: the file's recurring line hashes (`stages/recurring.ts`). */
  recurring?: number[]
}

/** Runs the pass `pass` over a task's file and writes its result to the task's cache entry. */
export function runPass(pass: 'scan' | 'render', {source, cacheEntry, recurring}: PassTask, config: Config): ScanResult | RenderResult {
  const result = pass === 'scan' ? scanFile(source, config) : renderFile(source, config, recurring)
  if (cacheEntry !== undefined) writeCacheEntry(cacheEntry, result)
  return result
}

/**
 * Both passes, for one file on its own (`fixset explain`, tests). One file
 * cannot know the corpus: `recurring` is the corpus's recurring set when the
 * caller has one (`fixset explain` reads it from a build's report).
 */
export function processFile(source: SourceFile, config: Config, recurring?: ReadonlySet<number>): FileResult {
  const scanned = scanFile(source, config)
  if (scanned.status === 'rejected') return scanned
  const rendered = renderFile(source, config, recurring ? scanned.blocks.filter((hash) => recurring.has(hash)) : [])
  if (rendered.status === 'rejected') return rendered
  return {
    ...scanned,
    article: rendered.article,
    body: rendered.body,
    diagnostics: [...scanned.diagnostics, ...rendered.diagnostics],
    changes: [...scanned.changes, ...rendered.changes]
  }
}

/** Reads one file and runs both passes on it. */
export function processPath(inputDir: string, relativePath: string, config: Config, recurring?: ReadonlySet<number>): FileResult {
  const source = readOrReject(inputDir, relativePath, config.limits)
  return 'bytes' in source ? processFile(source, config, recurring) : source
}

/** Reads `relativePath` below `inputDir`; a file that cannot be read is rejected, not thrown. */
export function readOrReject(inputDir: string, relativePath: string, limits: Limits, hooks?: ReadHooks): SourceFile | RejectedFile {
  try {
    return readSource(inputDir, relativePath, limits, hooks)
  } catch (error) {
    const unread = {path: relativePath, sha256: ''}
    if (error instanceof RejectError) return rejectedFile(unread, error.message)
    return rejectedFile(unread, `the file cannot be read: ${errorMessage(error).replace(inputDir, '<input>')}`)
  }
}

/** A rejected result with its one-sentence reason, also as an error diagnostic. */
export function rejectedFile(source: {path: string; sha256: string}, reason: string, ruleId = 'rejected'): RejectedFile {
  const text = sentence(reason)
  return {path: source.path, sha256: source.sha256, status: 'rejected', reason: text, changes: [], diagnostics: [{...rejection(source.path, text), ruleId}]}
}

/** Runs a pass; a RejectError (or any crash) becomes a rejected result with a one-sentence reason. */
function guarded<T extends ResultBase & {status: 'ok'}>(source: SourceFile, pass: () => T): T | RejectedFile {
  try {
    return pass()
  } catch (error) {
    return rejectedFile(source, error instanceof RejectError ? error.message : `fixset could not process this file: ${errorMessage(error)}`)
  }
}

function rejection(path: string, reason: string): Diagnostic {
  return {file: path, line: null, column: null, ruleId: 'rejected', severity: 'error', message: reason}
}

function compiledFor(config: Config) {
  let entry = compiled.get(config)
  if (!entry) {
    entry = {processor: cleaningProcessor(config), dropLines: compilePatterns(config.dropLines), notArticle: compilePatterns(config.notArticle), dropBlocks: compilePatterns(config.dropBlocks)}
    compiled.set(config, entry)
  }
  return entry
}

function base(source: SourceFile, file: VFile): ResultBase {
  return {path: source.path, sha256: source.sha256, diagnostics: toDiagnostics(file, source.path), changes: file.data.changes ?? []}
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error)
}

function sentence(text: string): string {
  const short = excerpt(text)
  const capitalised = short.charAt(0).toUpperCase() + short.slice(1)
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
}
