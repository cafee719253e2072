/**
 * Field mapping: the frontmatter keys of the common generators reach the same
 * fields, the first usable key winning, and the mapping is configuration.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {VFile} from 'vfile'
import {defaultConfig, type FieldKeys} from '../src/config.js'
import {parseConfig} from '../src/config-file.js'
import {readFrontmatter, toMeta} from '../src/stages/frontmatter.js'
import {scratchDir} from './helpers/cli.js'

const metaOf = (front: string, fields: FieldKeys = defaultConfig.fields) => {
  const file = new VFile({path: 'a.md'})
  const meta = toMeta(readFrontmatter(`---\n${front}\n---\n\nBody.\n`, file).data, file, fields)
  return {meta, warnings: file.messages.map((message) => message.ruleId)}
}

describe('field mapping: the defaults cover the common generators', () => {
  it('a WordPress export (post_title, post_date, post_modified, category)', () => {
    const {meta} = metaOf('post_title: "Apple unveils the iPhone 16"\npost_date: 2024-09-09 17:02:11\npost_modified: 2024-09-10 08:00:00\ncategory: Tech\nlink: https://example.com/?p=123')
    expect(meta).toEqual({
      title: 'Apple unveils the iPhone 16',
      date: '2024-09-09T17:02:11.000Z',
      rawDate: '2024-09-09 17:02:11',
      updated: '2024-09-10T08:00:00.000Z',
      description: null,
      tags: [],
      categories: ['Tech'],
      sourceUrl: 'https://example.com/?p=123'
    })
  })

  it('Hugo (lastmod, summary, a zone offset) and Jekyll (date with +0100, categories as a list)', () => {
    expect(metaOf('title: Hugo post\ndate: 2019-03-26T08:47:11+01:00\nlastmod: 2019-04-01\nsummary: Short.\ntags: [go, web]').meta).toMatchObject({
      date: '2019-03-26T07:47:11.000Z',
      updated: '2019-04-01',
      description: 'Short.',
      tags: ['go', 'web']
    })
    expect(metaOf('title: Jekyll post\ndate: 2019-03-26 08:47:11 +0100\ncategories: [ruby]').meta).toMatchObject({date: '2019-03-26T07:47:11.000Z', categories: ['ruby']})
  })

  it('Ghost (published_at, updated_at, custom_excerpt, canonical_url)', () => {
    const {meta} = metaOf('title: Ghost post\npublished_at: 2021-05-04T10:00:00.000Z\nupdated_at: 2021-05-05T10:00:00.000Z\ncustom_excerpt: The excerpt.\ncanonical_url: https://blog.example.org/post/')
    expect(meta).toMatchObject({date: '2021-05-04T10:00:00.000Z', updated: '2021-05-05T10:00:00.000Z', description: 'The excerpt.', sourceUrl: 'https://blog.example.org/post/'})
  })

  it('a MarkDownload clipping (Description, Created without a zone, empty Modified and Tags, Url)', () => {
    const {meta, warnings} = metaOf('Description: Go by Example: Arrays\nauthor: \nUrl: https://gobyexample.com/arrays\nCreated: "2025-01-29  02:42:18"\nModified: \nTags:\ntags: [go]')
    expect(meta).toEqual({
      title: null,
      date: '2025-01-29T02:42:18.000Z',
      rawDate: '2025-01-29  02:42:18',
      updated: null,
      description: 'Go by Example: Arrays',
      tags: ['go'],
      categories: [],
      sourceUrl: 'https://gobyexample.com/arrays'
    })
    expect(warnings).toEqual(['frontmatter-recovered'])
  })

  it('an Obsidian web clip (created in its "(UTC -05:00)" zone, source)', () => {
    expect(metaOf('created: 2024-07-24T14:51:33 (UTC -05:00)\nsource: https://www.youtube.com/watch?v=lzh3Q1nAlr4').meta).toMatchObject({
      date: '2024-07-24T19:51:33.000Z',
      rawDate: '2024-07-24T14:51:33 (UTC -05:00)',
      sourceUrl: 'https://www.youtube.com/watch?v=lzh3Q1nAlr4'
    })
  })

  it('the first key in the list wins over later ones; an unusable value is reported and the next key is tried', () => {
    expect(metaOf('title: Own title\npost_title: Export title').meta.title).toBe('Own title')
    const {meta, warnings} = metaOf('title: [1, 2]\nTitle: Capitalised\nsource: Reuters\nurl: javascript:alert(1)\nlink: http://example.com/a b')
    expect(meta.title).toBe('Capitalised')
    expect(meta.sourceUrl).toBe('http://example.com/a%20b')
    expect(warnings).toEqual(['frontmatter-type', 'frontmatter-url', 'frontmatter-url'])
  })

  it('an unreadable date is null with a warning, and the next date key is read; the raw date is the one used', () => {
    const {meta, warnings} = metaOf('date: next Tuesday\nCreated: 2024-02-29')
    expect(meta).toMatchObject({date: '2024-02-29', rawDate: '2024-02-29'})
    expect(warnings).toEqual(['frontmatter-date'])
    expect(metaOf('date: next Tuesday').meta).toMatchObject({date: null, rawDate: 'next Tuesday'})
  })
})

describe('field mapping is configuration', () => {
  it('`fields` in the config file replaces the keys of the fields it names, and keeps the others', () => {
    const config = parseConfig('{"fields": {"title": ["headline"], "sourceUrl": ["permalink"]}}', 'c.json')
    expect(config.fields.date).toEqual(defaultConfig.fields.date)
    const {meta} = metaOf('title: Not this\nheadline: This one\npermalink: https://example.com/p\nurl: https://example.com/u', config.fields)
    expect(meta).toMatchObject({title: 'This one', sourceUrl: 'https://example.com/p'})
  })

  it('an unknown field, an empty list or a key listed twice is an error naming the line', () => {
    expect(() => parseConfig('{\n  "fields": {"author": ["by"]}\n}', 'c.json')).toThrow('c.json:2:24: unknown key `fields.author`')
    expect(() => parseConfig('{\n  "fields": {\n    "title": []\n  }\n}', 'c.json')).toThrow(/^c\.json:3:14: `fields\.title`/)
    expect(() => parseConfig('{"fields": {"tags": ["tags", "tags"]}}', 'c.json')).toThrow(/`fields\.tags`: a key is listed twice/)
  })
})

describe('the mapped fields reach the output', () => {
  it('a MarkDownload clipping that YAML cannot read gives a fix set with its source URL, an ISO date and the raw date', async () => {
    const input = path.join(scratchDir(), 'input')
    mkdirSync(input)
    const clip = [
      '---',
      'Description: Go by Example: Arrays',
      'Notes: In Go, an array is a numbered sequence of elements of a',
      'specific length.',
      'author: ',
      'Url: https://gobyexample.com/arrays',
      'Created: "2025-01-29  02:42:18"',
      'Modified: ',
      'Tags:',
      '  - LatextTemplate',
      '---',
      '',
      '# Go by Example: Arrays',
      '',
      'In Go, an array is a numbered sequence of elements of a specific length. Here we create an array that will hold exactly five ints.'
    ]
    writeFileSync(path.join(input, 'arrays.md'), clip.join('\n') + '\n')
    const result = await build({input, workers: 1})
    expect(result.manifest.map((row) => row.status)).toEqual(['canonical'])
    const [fixset] = result.fixsets
    expect(fixset).toMatchObject({title: 'Go by Example: Arrays', date: '2025-01-29T02:42:18.000Z', sourceUrl: 'https://gobyexample.com/arrays', tags: ['LatextTemplate']})
    expect(fixset!.sources.map((source) => [source.date, source.rawDate])).toEqual([['2025-01-29T02:42:18.000Z', '2025-01-29  02:42:18']])
    const markdown = result.files.get('fixsets/arrays.md')!
    expect(markdown).toContain('\nupdated: null\nsourceUrl: https://gobyexample.com/arrays\n')
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'frontmatter-recovered').map((diagnostic) => diagnostic.line)).toEqual([2, 3])
  })
})

describe('a description the template made from the title', () => {
  it("'This Article Describes <title>' is no description; one that says more, or only repeats the title, stays", () => {
    const title = 'Affordable Syma S111G Remote Control Helicopter - Ultimate Indoor Entertainment'
    expect(metaOf(`title: ${title}\ndescription: This Article Describes ${title}`).meta.description).toBeNull()
    expect(metaOf(`title: Fix Code 43\ndescription: How we fixed the error on three laptops, step by step, and what did not work. Fix Code 43`).meta.description).not.toBeNull()
    expect(metaOf(`title: Fix Code 43\ndescription: Fix Code 43`).meta.description).toBe('Fix Code 43')
  })
})
