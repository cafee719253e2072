/**
 * Page chrome found across the corpus (`stages/block-hashes.ts`,
 * `stages/recurring.ts`, rule `recurring-block`), on a small generated corpus:
 * ten different articles of one site share a "Was this page helpful?" box,
 * a lead-in to their steps, a step, and a long paragraph of template prose;
 * one article is republished three times with a line of its own.
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {defaultConfig, type Config} from '../src/config.js'
import {parseConfig} from '../src/config-file.js'
import {blockKey, hashKey, sourceBlocks} from '../src/stages/block-hashes.js'
import {lineText, splitLines} from '../src/stages/clean/util.js'
import {parseMarkdown} from '../src/stages/parse.js'
import {findRecurring} from '../src/stages/recurring.js'
import {suggestRules} from '../src/suggest.js'
import {runCli, scratchDir} from './helpers/cli.js'
import {VFile} from 'vfile'
import {clean, processText} from './helpers/run.js'

// The data rules that already know this box ("Was this page helpful?" is a default dropLines rule) are left out, so the corpus pass is what removes it.
const config: Config = {...defaultConfig, dropLines: [], dropBlocks: [], recurring: {...defaultConfig.recurring, minClusters: 5, minShare: 0}}

/** Words made of letters only (digits would be folded by the key), different for every seed. */
function prose(seed: number, count: number): string {
  const letters = 'bcdfghjklmnprstvz'
  const vowels = 'aeiou'
  let state = seed * 7919 + 17
  const words: string[] = []
  for (let index = 0; index < count; index++) {
    let word = ''
    for (let syllable = 0; syllable < 3; syllable++) {
      state = (state * 1103515245 + 12345) % 2147483648
      word += letters[state % letters.length]! + vowels[(state >> 8) % vowels.length]!
    }
    words.push(word)
  }
  return words.join(' ') + '.'
}

const chromeBox = 'Was this page helpful?\n\nTell us why!\n\nGet the Latest Tech News Delivered Every Day'
const templateProse =
  'Our tool will automatically recognize your system and find the correct drivers for it, so you never need to know exactly which system your computer is running.'

function article(seed: number, extra = ''): string {
  return [
    '---',
    `title: Article ${seed}`,
    '---',
    '',
    prose(seed, 40),
    '',
    '## 1. The first fix',
    '',
    templateProse,
    '',
    prose(seed + 1000, 30),
    '',
    'Follow these steps:',
    '',
    '1. Restart your computer and try again.',
    `2. ${prose(seed + 2000, 12)}`,
    '',
    extra,
    '',
    chromeBox,
    ''
  ].join('\n')
}

function writeCorpus(): string {
  const input = path.join(scratchDir(), 'input')
  mkdirSync(path.join(input, 'site-a'), {recursive: true})
  for (let seed = 1; seed <= 10; seed++) writeFileSync(path.join(input, 'site-a', `article-${String(seed).padStart(2, '0')}.md`), article(seed))
  // One article republished three times: its own line is in three files but one cluster.
  for (const copy of ['copy-1', 'copy-2', 'copy-3']) writeFileSync(path.join(input, 'site-a', `${copy}.md`), article(99, 'Only this article says so, in every copy of it.'))
  return input
}

describe('recurring blocks: keys', () => {
  it('a source line and the same line in the tree have one key, whatever the markup', () => {
    const lines = ['> **Was this page** _helpful_?', '- Was this page helpful?', '[Was this page helpful?](https://example.com/x?id=3)']
    const fromSource = sourceBlocks(lines, 0, 2).map((block) => block.key)
    expect(fromSource).toEqual(['was this page helpful', 'was this page helpful', 'was this page helpful'])
    const paragraph = parseMarkdown('**Was this page** _helpful_?').children[0]!
    expect(paragraph.type).toBe('paragraph')
    const [line] = splitLines(paragraph.type === 'paragraph' ? paragraph.children : [])
    expect(blockKey(lineText(line!))).toBe(fromSource[0])
  })

  it('numbers are folded, so step counters and prices share a key; headings, steps, table rows, code and images are never candidates', () => {
    expect(blockKey('Image 1 of 5')).toBe(blockKey('Image 3 of 12'))
    const lines = ['## Was this page helpful?', '1. Restart your computer.', '| a | b |', '```', 'inside code fence', '```', '    indented code line', '![Run code](https://x.test/play.png)', 'Share this article now']
    expect(sourceBlocks(lines, 0, 2).map((block) => block.key)).toEqual(['share this article now'])
  })

  it('a line of HTML is keyed by its text, as the paragraph it becomes; HTML headings, images and code are not candidates', () => {
    const lines = ['<div class="box">', '  <p><strong>Was this page</strong> <em>helpful</em>?</p>', '<h2>Join our newsletter</h2>', '<img src="a.png" alt="Sign up today">', '<pre><code>go run main.go</code></pre>', '</div>', '', '\t<p>Tell us &amp; why!</p>']
    expect(sourceBlocks(lines, 0, 2).map((block) => block.key)).toEqual(['was this page helpful', 'tell us why'])
    const converted = clean('<p><strong>Was this page</strong> <em>helpful</em>?</p>\n', config).tree.children[0]!
    expect(converted.type).toBe('paragraph')
    expect(blockKey(lineText(splitLines(converted.type === 'paragraph' ? converted.children : [])[0]!))).toBe('was this page helpful')
  })

  it('hashes are 53-bit numbers, stable across runs', () => {
    const hash = hashKey('was this page helpful')
    expect(Number.isSafeInteger(hash)).toBe(true)
    expect(hashKey('was this page helpful')).toBe(hash)
    expect(hashKey('was this page helpful ')).not.toBe(hash)
  })
})

describe('recurring blocks: the corpus pass', () => {
  it('removes the box shared by distinct articles, keeps steps, lead-ins, template prose and a republished line', async () => {
    const input = writeCorpus()
    const result = await build({input, config})
    expect(result.fixsets).toHaveLength(11)
    for (const fixset of result.fixsets) {
      const markdown = result.files.get(`fixsets/${fixset.id}.md`)!
      expect(markdown).not.toMatch(/Was this page helpful|Tell us why|Get the Latest Tech News/)
      expect(markdown).toMatch(/Follow these steps:/)
      expect(markdown).toMatch(/Our tool will automatically recognize your system/)
      expect(fixset.fixes[0]!.steps.flat()[0]).toBe('Restart your computer and try again.')
    }
    const republished = result.fixsets.find((fixset) => fixset.sources.length === 3)!
    expect(result.files.get(`fixsets/${republished.id}.md`)).toMatch(/Only this article says so/)
    // Three paragraphs of the box in each of the 11 fix sets.
    expect(result.tally.find((rule) => rule.ruleId === 'recurring-block')?.removed).toBe(33)
    const report = JSON.parse(result.files.get('report.json')!) as {recurring: {threshold: number; clusters: number; blocks: Array<{hash: string; clusters: number}>}}
    expect(report.recurring.threshold).toBe(5)
    expect(report.recurring.clusters).toBe(11)
    expect(report.recurring.blocks.map((block) => block.hash)).toContain(hashKey('was this page helpful').toString(16).padStart(14, '0'))
  })

  it('finds the box in HTML bodies too (an autoblog export), with the article text kept', async () => {
    const input = path.join(scratchDir(), 'input')
    mkdirSync(input, {recursive: true})
    for (let seed = 1; seed <= 6; seed++) {
      const body = [`<div class="entry">`, `\t<p>${prose(seed, 40)}</p>`, `\t<p>${prose(seed + 500, 30)}</p>`, '</div>', '<div class="newsletter">', '\t<p>Get the Latest Tech News Delivered Every Day</p>', '\t<p>Tell us why!</p>', '</div>'].join('\n')
      writeFileSync(path.join(input, `story-${seed}.md`), `---\npost_title: Story ${seed}\n---\n\n${body}\n`)
    }
    const result = await build({input, config})
    expect(result.fixsets).toHaveLength(6)
    for (const [seed, fixset] of result.fixsets.entries()) {
      const markdown = result.files.get(`fixsets/${fixset.id}.md`)!
      expect(markdown).not.toMatch(/Get the Latest Tech News|Tell us why/)
      expect(markdown).toContain(prose(seed + 1, 40))
    }
    expect(result.tally.find((rule) => rule.ruleId === 'recurring-block')?.removed).toBe(12)
  })

  it('below the threshold nothing is removed; a cached render never keeps an answer the corpus no longer gives', async () => {
    const input = writeCorpus()
    const cache = path.join(scratchDir(), 'cache')
    const before = await build({input, config, cache})
    expect(before.tally.find((rule) => rule.ruleId === 'recurring-block')?.removed).toBe(33)
    // Seven articles go: the box is now in 4 clusters (three articles and the republished one), under 5.
    for (let seed = 1; seed <= 7; seed++) rmSync(path.join(input, 'site-a', `article-${String(seed).padStart(2, '0')}.md`))
    const after = await build({input, config, cache})
    expect(after.cacheHits).toBeGreaterThan(0)
    expect(after.tally.find((rule) => rule.ruleId === 'recurring-block')).toBeUndefined()
    for (const fixset of after.fixsets) expect(after.files.get(`fixsets/${fixset.id}.md`)).toMatch(/Was this page helpful\?/)
  })

  it('the recurring set depends on the clusters, not on their order', () => {
    const blocks = new Map([
      ['a.md', [1, 2, 3]],
      ['b.md', [2, 3]],
      ['b-copy.md', [2, 3, 4]],
      ['c.md', [3, 4]]
    ])
    const clusters = [
      {canonical: 'a.md', duplicates: []},
      {canonical: 'b.md', duplicates: [{path: 'b-copy.md', similarity: 1}]},
      {canonical: 'c.md', duplicates: []}
    ]
    const recurring = {minClusters: 2, minShare: 0, minWords: 2, loneMaxWords: 12}
    const forward = findRecurring(clusters, (member) => blocks.get(member)!, recurring)
    const backward = findRecurring([...clusters].reverse(), (member) => blocks.get(member)!, recurring)
    expect([...forward.clusters].sort()).toEqual([...backward.clusters].sort())
    // 4 is in b-copy and c: two clusters; 2 is in a and the b cluster (counted once).
    expect(Object.fromEntries(forward.clusters)).toEqual({2: 2, 3: 3, 4: 2})
  })

  it('minShare raises the bar with the size of the corpus', () => {
    const clusters = Array.from({length: 100}, (_, index) => ({canonical: `${index}.md`, duplicates: []}))
    const blocksOf = (member: string) => (Number.parseInt(member, 10) < 6 ? [7] : [])
    expect(findRecurring(clusters, blocksOf, {...config.recurring, minClusters: 5, minShare: 0}).clusters.has(7)).toBe(true)
    expect(findRecurring(clusters, blocksOf, {...config.recurring, minClusters: 5, minShare: 0.1}).threshold).toBe(10)
  })
})

describe('recurring blocks: the rule on one tree', () => {
  const recurringOf = (...lines: string[]) => new Set(lines.map((line) => hashKey(blockKey(line))))
  const run = (markdown: string, recurring: Set<number>) => {
    const file = new VFile({path: 'a.md', value: markdown})
    file.data.recurring = recurring
    return clean(markdown, defaultConfig, file)
  }
  const promo = 'Explore our latest online courses and learn new skills at your own pace. Enroll and become a certified expert to boost your career.'

  it('a long recurring paragraph goes with the debris of its broken link, and stays alone among content', () => {
    const recurring = recurringOf(promo)
    expect(run(`Arrays hold values.\n\n\\[\n\n${promo}\n\n]\\(https://www.tutorialspoint.com/latest/courses)\n\n## Accessing elements\n`, recurring).markdown).toBe(
      'Arrays hold values.\n\n## Accessing elements'
    )
    expect(run(`Arrays hold values.\n\n${promo}\n\nIndex them from zero.\n`, recurring).markdown).toBe(`Arrays hold values.\n\n${promo}\n\nIndex them from zero.`)
  })

  it('a lone short line goes (a button); a lone paragraph of several short recurring lines stays (the start of a code sample as text)', () => {
    const recurring = recurringOf('Try it Yourself »', 'package main', 'import ("fmt")')
    expect(run('Declare it:\n\nTry it Yourself »\n\nThen print it.\n', recurring).markdown).toBe('Declare it:\n\nThen print it.')
    expect(run('Declare it:\n\npackage main\\\nimport ("fmt")\n\nfunc main() { fmt.Println(x) }\n', recurring).file.data.changes ?? []).toEqual([])
  })

  it('never touches steps, steps written as text, a lead-in to code, tables or a paragraph with an image', () => {
    const recurring = recurringOf('Restart your computer', '1)Download and install the tool.', 'Run the code below')
    const markdown = '1. Restart your computer\n\n**1)Download** and install the tool.\n\nRun the code below\n\n```go\npackage main\n```\n\n| Restart your computer |\n| --- |\n\n![shot](https://x.test/a.png) Restart your computer\n'
    expect(run(markdown, recurring).file.data.changes ?? []).toEqual([])
  })
})

describe('recurring blocks: rules suggest and explain', () => {
  it('suggests the recurring lines as dropLines rules scoped to their site, each matching its text', async () => {
    const input = writeCorpus()
    const {suggestions, clusters, threshold} = await suggestRules(input, config)
    expect({clusters, threshold}).toEqual({clusters: 11, threshold: 5})
    const helpful = suggestions.find((suggestion) => suggestion.text === 'Was this page helpful?')!
    expect(helpful.rule).toEqual({ruleId: 'site-chrome', pattern: '^Was this page helpful\\?$', paths: ['site-a/**']})
    expect(helpful.clusters).toBe(11)
    for (const suggestion of suggestions) expect(new RegExp(suggestion.rule.pattern, 'iu').test(suggestion.text), suggestion.text).toBe(true)
    expect(suggestions.map((suggestion) => suggestion.text)).not.toContain('Only this article says so, in every copy of it.')
  })

  it('`fixset explain --output` reads the recurring set from the build report and shows the removals', async () => {
    const input = writeCorpus()
    const dir = path.dirname(input)
    writeFileSync(path.join(dir, 'fixset.config.json'), JSON.stringify({recurring: {minClusters: 5, minShare: 0}}))
    expect((await runCli(['--input', 'input', '--output', 'output', '--no-cache', '--quiet'], dir)).status).toBe(0)
    const explained = await runCli(['explain', path.join('input', 'site-a', 'article-01.md'), '--output', 'output'], dir)
    expect(explained.stdout).toMatch(/recurring blocks: \d+ known from output\/report\.json/)
    expect(explained.stdout.match(/recurring-block/g)).toHaveLength(3)
    const alone = await runCli(['explain', path.join('input', 'site-a', 'article-01.md'), '--output', 'elsewhere'], dir)
    expect(alone.stdout).toMatch(/recurring blocks: not known/)
    expect(alone.stdout).not.toMatch(/recurring-block/)
  })
})

describe('recurring blocks: configuration', () => {
  it('the recurring keys merge one by one with the defaults; bad values are errors', () => {
    expect(parseConfig('{"recurring": {"minClusters": 20}}', 'fixset.config.json').recurring).toEqual({...defaultConfig.recurring, minClusters: 20})
    expect(() => parseConfig('{"recurring": {"minClusters": 1}}', 'fixset.config.json')).toThrow(/recurring\.minClusters/)
  })

  it('one file on its own knows no recurring set: nothing is removed', () => {
    const result = processText(article(1), 'site-a/a.md', config)
    expect(result.changes.some((change) => change.ruleId === 'recurring-block')).toBe(false)
  })
})
