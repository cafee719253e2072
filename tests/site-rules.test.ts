/**
 * Rules that fit other sites: range rules between any two line patterns,
 * rules scoped to some files by path glob, and block text with spaces between
 * its parts, so a pattern sees what a reader sees.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defaultConfig, type Config} from '../src/config.js'
import {parseConfig} from '../src/config-file.js'
import {blockText} from '../src/stages/clean/util.js'
import {parseMarkdown} from '../src/stages/parse.js'
import {configFor} from '../src/stages/scope.js'
import {stripMarkedRanges} from '../src/stages/strip.js'
import {accepted, clean, processText} from './helpers/run.js'

const shortcodes = {ruleId: 'ad-shortcode', beginPattern: '^\\[ad_1\\]$', endPattern: '^\\[ad_2\\]$'}

describe('range rules with line patterns', () => {
  const strip = (text: string) => {
    const file = new VFile({path: 'post.md'})
    return {...stripMarkedRanges(text, [...defaultConfig.markerPairs, shortcodes], file), file}
  }

  it('removes the lines from a begin match to the next end match, both included, keeping line numbers', () => {
    const source = 'Intro of the post.\n\n[ad_1]\n<script src="https://ads.example/x.js"></script>\nSponsored text\n  [ad_2]  \n\n## Next heading\n'
    const {text, file} = strip(source)
    expect(text.split('\n')).toHaveLength(source.split('\n').length)
    expect(text).not.toMatch(/ad_1|ad_2|Sponsored|ads\.example/)
    expect(text.split('\n')[7]).toBe('## Next heading')
    expect(file.data.changes).toEqual([{ruleId: 'ad-shortcode', action: 'removed', startLine: 3, endLine: 6, bytes: Buffer.byteLength('[ad_1]\n<script src="https://ads.example/x.js"></script>\nSponsored text\n  [ad_2]  ')}])
  })

  it('a begin line without an end removes nothing and is reported; lines inside fenced code are not markers', () => {
    const unclosed = strip('Text.\n\n[ad_1]\nStill the article.\n')
    expect(unclosed.text).toBe('Text.\n\n[ad_1]\nStill the article.\n')
    expect(unclosed.file.messages.map((message) => message.ruleId)).toEqual(['unclosed-marker'])
    expect(unclosed.file.messages[0]!.reason).toMatch(/ad-shortcode.*\^\\\[ad_2\\\]\$/)
    const fenced = '```text\n[ad_1]\nshown as an example\n[ad_2]\n```\n'
    expect(strip(fenced).text).toBe(fenced)
  })

  it('a pattern matches the whole line only as the pattern says: `[ad_1]` inside a sentence is text', () => {
    const source = 'Type [ad_1] where the ad goes and [ad_2] after it.\n'
    expect(strip(source).text).toBe(source)
  })

  it('comment pairs still work beside line pairs, and the config file accepts both shapes', () => {
    expect(strip('a\n<!-- affiliate ads begin -->\nad\n<!-- affiliate ads end -->\nb\n').text).toBe('a\n\n\n\nb\n')
    const config = parseConfig(JSON.stringify({markerPairs: [...defaultConfig.markerPairs, shortcodes]}), 'fixset.config.json')
    expect(config.markerPairs[1]).toEqual(shortcodes)
    expect(() => parseConfig(JSON.stringify({markerPairs: [{ruleId: 'x', beginPattern: '(', endPattern: 'y'}]}), 'fixset.config.json')).toThrow(/markerPairs/)
    expect(() => parseConfig(JSON.stringify({markerPairs: [{ruleId: 'x', begin: 'a', endPattern: 'y'}]}), 'fixset.config.json')).toThrow(/markerPairs/)
  })
})

describe('rules scoped to a site by path glob', () => {
  const config: Config = {
    ...defaultConfig,
    dropLines: [...defaultConfig.dropLines, {ruleId: 'site-slogan', pattern: '^Learn to code, for free\\.$', paths: ['w3-site/**']}],
    markerPairs: [...defaultConfig.markerPairs, {...shortcodes, paths: ['autoblog/*.md']}]
  }
  const article = '---\ntitle: Loops\n---\n\nA loop repeats a block of code while its condition holds.\n\nLearn to code, for free.\n\n[ad_1]\nAd text\n[ad_2]\n'

  it('applies a scoped rule to the files its globs match, and only to them', () => {
    const inSite = accepted(processText(article, 'w3-site/go/loops.md', config))
    expect(inSite.body).not.toMatch(/Learn to code/)
    expect(inSite.changes.map((change) => change.ruleId)).toContain('site-slogan')
    const elsewhere = accepted(processText(article, 'other-site/loops.md', config))
    expect(elsewhere.body).toMatch(/Learn to code, for free\./)
    expect(elsewhere.body).toMatch(/Ad text/)
    const autoblog = accepted(processText(article, 'autoblog/loops.md', config))
    expect(autoblog.body).not.toMatch(/Ad text/)
    // `*` does not cross folders.
    expect(accepted(processText(article, 'autoblog/2024/loops.md', config)).body).toMatch(/Ad text/)
  })

  it('files with the same rules share one configuration; without scoped rules the configuration is the corpus one', () => {
    expect(configFor(config, 'w3-site/a.md')).toBe(configFor(config, 'w3-site/b/c.md'))
    expect(configFor(config, 'w3-site/a.md')).not.toBe(configFor(config, 'other/a.md'))
    expect(configFor(config, 'other/a.md').dropLines).toEqual(defaultConfig.dropLines)
    expect(configFor(defaultConfig, 'any/path.md')).toBe(defaultConfig)
  })

  it('the config file accepts `paths` on a rule, and rejects an empty list', () => {
    const text = JSON.stringify({dropBlocks: [{ruleId: 'excerpt', pattern: '^Excerpt\\b', paths: ['clips/**']}]})
    expect(parseConfig(text, 'fixset.config.json').dropBlocks[0]!.paths).toEqual(['clips/**'])
    expect(() => parseConfig(JSON.stringify({dropLines: [{ruleId: 'x', pattern: 'y', paths: []}]}), 'fixset.config.json')).toThrow(/dropLines\.0\.paths/)
  })
})

describe('block text with spaces between its parts', () => {
  it('a quote of a heading and a paragraph reads "Excerpt W3Schools…", so `^Excerpt\\b` matches it', () => {
    const quote = '> ## Excerpt\n> W3Schools offers free online tutorials, references and exercises.\n'
    expect(blockText(parseMarkdown(quote))).toBe('Excerpt W3Schools offers free online tutorials, references and exercises.')
    const config = {...defaultConfig, dropBlocks: [...defaultConfig.dropBlocks, {ruleId: 'clipper-excerpt', pattern: '^Excerpt\\b'}]}
    const {markdown, file} = clean(`${quote}\nThe article starts here.\n`, config)
    expect(markdown).toBe('The article starts here.')
    expect(file.data.changes?.map((change) => change.ruleId)).toEqual(['clipper-excerpt'])
  })

  it('list items, table cells and hard breaks are separated too; inline parts join as written', () => {
    expect(blockText(parseMarkdown('- Home\n- Tutorials\n'))).toBe('Home Tutorials')
    expect(blockText(parseMarkdown('| Name | Price |\n| --- | --- |\n| Pro | $9 |\n'))).toBe('Name Price Pro $9')
    expect(blockText(parseMarkdown('First line\\\nsecond line'))).toBe('First line second line')
    expect(blockText(parseMarkdown('Tap **Save**, then _Done_.'))).toBe('Tap Save, then Done.')
  })
})
