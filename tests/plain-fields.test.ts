/**
 * Issue 16, plain fields are plain text: no HTML element, bidi control, line
 * or paragraph separator or lone surrogate in a title, alias, description,
 * tag, category, source title, alt text or fix title; protocol-relative image
 * URLs get https:.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {plainText, unparsedMarkup} from '../src/stages/plain-fields.js'
import {scratchDir} from './helpers/cli.js'

describe('plainText', () => {
  it('drops HTML elements and keeps their text, naming the tags', () => {
    expect(plainText('<img src=x onerror=alert(1)>Fix <b>Wi-Fi</b> drops')).toEqual({text: 'Fix Wi-Fi drops', droppedTags: ['img', 'b']})
    expect(plainText('"><script>alert(1)</script> Reset')).toEqual({text: '"> Reset', droppedTags: ['script']})
  })

  it('leaves text with < that holds no HTML element as it is', () => {
    expect(plainText('Windows 10 < 11 and <ProductCode>')).toEqual({text: 'Windows 10 < 11 and <ProductCode>', droppedTags: []})
  })

  it('removes bidi controls, turns line and paragraph separators into spaces, replaces lone surrogates', () => {
    expect(plainText('abc\u202Egnp.exe\u2066x\u2069\u200F\u061C').text).toBe('abcgnp.exex')
    expect(plainText('one\u2028two\u2029three').text).toBe('one two three')
    expect(plainText('a\uD800b\uDC00c\uD83D\uDD25').text).toBe('a\uFFFDb\uFFFDc\uD83D\uDD25')
  })

  it('handles 1,000 nested elements, and markup nested too deep to parse keeps no angle bracket', () => {
    expect(plainText('<b>'.repeat(1_000) + 'deep' + '</b>'.repeat(1_000))).toEqual({text: 'deep', droppedTags: ['b']})
    const tooDeep = plainText('<b>'.repeat(50_000) + 'deep' + '</b>'.repeat(50_000))
    expect(tooDeep.droppedTags).toEqual([unparsedMarkup])
    expect(tooDeep.text).not.toMatch(/[<>]/)
  })
})

describe('a build of hostile frontmatter', () => {
  it('emits plain fields only, with a warning per field that held HTML', async () => {
    const input = path.join(scratchDir(), 'input')
    mkdirSync(input)
    const frontmatter = [
      '---',
      'title: "<img src=x onerror=alert(1)>Reset the \\u202Erouter"',
      'description: "\\"><script>alert(1)</script> Quick\\u2028fix \\ud800"',
      'tags: ["<svg onload=alert(1)>network</svg>", "wifi"]',
      'categories: ["<i>guides</i>"]',
      '---',
      ''
    ].join('\n')
    writeFileSync(
      path.join(input, 'hostile.md'),
      `${frontmatter}\nThe router needs a reset when the network drops.\n\n![<svg onload=alert(1)>router](//cdn.example.com/router.png)\n\n## 1. <em>Unplug</em> the router\n\nUnplug the router for ten seconds.\n`
    )
    const result = await build({input, workers: 1})
    const [fixset] = result.fixsets
    expect(fixset!.title).toBe('Reset the router')
    expect(fixset!.description).toBe('"> Quick fix \uFFFD')
    expect(fixset!.tags).toEqual(['network', 'wifi'])
    expect(fixset!.categories).toEqual(['guides'])
    expect(fixset!.sources[0]!.title).toBe('Reset the router')
    expect(fixset!.intro.images).toEqual([{url: 'https://cdn.example.com/router.png', alt: 'router'}])
    expect(fixset!.fixes.map((fix) => fix.title)).toEqual(['Unplug the router'])
    const plainFields = JSON.stringify([fixset!.title, fixset!.aliases, fixset!.description, fixset!.tags, fixset!.categories, fixset!.sources, fixset!.intro.images, fixset!.fixes.map((fix) => fix.title)])
    expect(plainFields).not.toMatch(/<[a-z]|[\u202a-\u202e\u2066-\u2069\u2028\u2029]|\\ud[89ab]/i)
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'plain-field').map((diagnostic) => diagnostic.message)).toEqual(
      expect.arrayContaining([
        'HTML `<img>` dropped from `title` (its text, if any, is kept): plain fields carry no HTML',
        'HTML `<script>` dropped from `description` (its text, if any, is kept): plain fields carry no HTML',
        'HTML `<svg>` dropped from `tags[0]` (its text, if any, is kept): plain fields carry no HTML'
      ])
    )
    // The Markdown's frontmatter and heading are the same plain values (its body is Markdown, not a plain field).
    const markdown = result.files.get(`fixsets/${fixset!.id}.md`)!
    const head = markdown.slice(0, markdown.indexOf('\n# Reset the router\n'))
    expect(head.length).toBeGreaterThan(0)
    expect(head).not.toMatch(/<img|<script|<svg|<i>/)
  })

  it('a title that is only markup falls back to the fix set id', async () => {
    const input = scratchDir()
    writeFileSync(path.join(input, 'only-markup.md'), '---\ntitle: "<img src=x onerror=alert(1)>"\n---\n\nPlug the cable back in and wait a minute.\n')
    const result = await build({input, workers: 1})
    expect(result.fixsets[0]!.title).toBe('only-markup')
  })
})
