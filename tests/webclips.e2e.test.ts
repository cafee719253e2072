/**
 * The web clippings corpus (320 pages of other sites saved with a browser
 * clipper, `../shared/corpus-webclips`), built with the default
 * configuration: issue 18's must-show figures, by path, never copied.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Code} from 'mdast'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Evaluation} from '../src/evaluate.js'
import type {ManifestFile} from '../src/schema.js'
import {parseMarkdown} from '../src/stages/parse.js'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {hasWebclips, webclipsDir} from './helpers/paths.js'

const input = path.join(webclipsDir, 'raw')
const readShared = <T>(name: string) => JSON.parse(readFileSync(path.join(webclipsDir, name), 'utf8')) as T
let output: string
let figures: Evaluation
let manifest: ManifestFile

describe.skipIf(!hasWebclips)('the web clippings corpus, default configuration', () => {
  beforeAll(async () => {
    output = path.join(scratchDir(), 'webclips-output')
    await runCli(['build', '--input', input, '--output', output, '--quiet'])
    manifest = JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')) as ManifestFile
    const evaluation = await runCli(['eval', '--input', input, '--output', output, '--clusters', path.join(webclipsDir, 'clusters.json'), '--families', path.join(webclipsDir, 'families.json'), '--json'])
    figures = JSON.parse(evaluation.stdout) as Evaluation
  })

  it('rejects exactly its stubs (empty shells), its footer-only page and its video pages, each as not an article', () => {
    const stubs = readShared<string[]>('stubs.json').map((stub) => stub.replace(/^raw\//, '')).sort()
    const rejected = manifest.files.filter((row) => row.status === 'rejected')
    // Three YouTube watch pages kept only a view count and the opening of the video's description (a fourth kept its comments).
    const videoPages = rejected.filter((row) => /video page/.test(row.reason ?? '')).map((row) => row.path)
    expect(videoPages).toHaveLength(3)
    for (const page of videoPages) expect(page).toMatch(/ - YouTube\.md$/)
    // A page of which the clipper kept only the site's footer (its slogan and copyright): no stub by stubs.json's word count, but no article.
    const footerOnly = ['brianbraatz__GOLangToolBox/Go - Useful Resources.md']
    expect(rejected.map((row) => row.path).filter((file) => !videoPages.includes(file)).sort()).toEqual([...stubs, ...footerOnly].sort())
    for (const row of rejected) expect(row.reason, row.path).toMatch(/^Not an article: /)
  })

  it('keeps its known duplicate pairs together, merges no different articles and keeps the content', () => {
    expect(figures.duplicates!.pairs).toBeGreaterThanOrEqual(11)
    expect(figures.duplicates!.share).toBe(1)
    expect(figures.wronglyMerged).toEqual([])
    expect(figures.contentKept!.median).toBeGreaterThanOrEqual(0.95)
    expect(figures.contentKept!.p5).toBeGreaterThanOrEqual(0.8)
  })

  it('leaves each boilerplate family of families.json in at most 1% of fix sets (HTML tags counted outside code)', () => {
    const fromFile = figures.leftovers.filter((count) => count.origin.endsWith('families.json'))
    expect(fromFile.length).toBeGreaterThan(10)
    // An HTML example in a code block is code: the raw-tag family is measured on the Markdown outside code below.
    const over = fromFile.filter((count) => count.family !== 'raw HTML tag' && count.share > 0.01)
    expect(over.map((count) => `${count.family} ${count.share}`)).toEqual([])
  })

  it('emits no HTML outside code, and no HTML in code that was not code in its source', () => {
    const {families} = readShared<{families: Array<{family: string; regex: string; flags: string}>}>('families.json')
    const family = families.find((entry) => entry.family === 'raw HTML tag')!
    const tag = new RegExp(family.regex, family.flags)
    // A clipper may have saved the code escaped and highlighted (`&lt;div <span>class</span>=…&gt;`): with the
    // highlighter's tags gone and the references decoded it is the same code, so both sides are compared as
    // letters and digits (this reference is deliberately cruder than the rule it checks).
    const lettersOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '')
    const decoded = (text: string) => text.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    const sources = new Map(manifest.files.map((row) => {
      const text = readFileSync(path.join(input, row.path), 'utf8')
      return [row.path, [lettersOf(text), lettersOf(decoded(text))]]
    }))
    const inSource = (forms: string[], line: string) => forms.some((form) => form.includes(lettersOf(line)))
    const members = new Map<string, string[]>()
    for (const row of manifest.files) if (row.fixset) members.set(row.fixset, [...(members.get(row.fixset) ?? []), row.path])
    const outside: string[] = []
    const notInSource: string[] = []
    for (const [name, markdown] of readTree(path.join(output, 'fixsets'))) {
      if (!name.endsWith('.md')) continue
      const tree = parseMarkdown(markdown)
      const codes: Code[] = []
      visit(tree, 'code', (node) => void codes.push(node))
      visit(tree, (node) => {
        if (node.type === 'html' && tag.test(node.value)) outside.push(`${name}: ${node.value.slice(0, 60)}`)
      })
      const own = (members.get(name.replace(/\.md$/, '')) ?? []).map((member) => sources.get(member)!)
      for (const code of codes) {
        const line = code.value.split('\n').find((candidate) => tag.test(candidate))
        if (line !== undefined && !own.some((source) => inSource(source, line))) notInSource.push(`${name}: ${line.trim().slice(0, 60)}`)
      }
    }
    expect(outside).toEqual([])
    expect(notInSource).toEqual([])
  })
})
