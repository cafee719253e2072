import {mkdirSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {compilePatterns} from '../src/stages/clean/util.js'
import {listSourcePaths, readSource} from '../src/stages/discover.js'
import {scanBody} from '../src/stages/scan.js'
import {scratchDir} from './helpers/cli.js'

describe('discover', () => {
  it('lists *.md, *.markdown and *.txt recursively, sorted by code unit, with / separators, without following links', async () => {
    const dir = scratchDir()
    const outside = scratchDir()
    mkdirSync(path.join(dir, 'b', 'deep'), {recursive: true})
    for (const name of ['Z.md', 'a.markdown', 'b/deep/c.TXT', 'b/x.md', 'notes.json', 'a.md.bak']) writeFileSync(path.join(dir, name), 'x')
    writeFileSync(path.join(outside, 'secret.md'), 'secret')
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'))
    symlinkSync(outside, path.join(dir, 'linked-folder'))
    expect(await listSourcePaths(dir, defaultConfig.extensions)).toEqual(['Z.md', 'a.markdown', 'b/deep/c.TXT', 'b/x.md'])
    const source = readSource(dir, 'b/x.md', defaultConfig.limits)
    expect(source).toMatchObject({path: 'b/x.md', sha256: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881'})
  })

  it('rejects a file over --max-bytes without reading it', () => {
    const dir = scratchDir()
    // Sparse: 3 GB on paper, nothing on disk. Reading it would fail with Node's 2 GB buffer limit instead.
    writeFileSync(path.join(dir, 'huge.md'), '')
    truncateSync(path.join(dir, 'huge.md'), 3 * 1024 ** 3)
    expect(() => readSource(dir, 'huge.md', defaultConfig.limits)).toThrow('the file is 3221225472 bytes, over the limit of 1000000 bytes (--max-bytes)')
  })
})

describe('scan', () => {
  const dropLines = compilePatterns(defaultConfig.dropLines)
  it('takes the opening heading as the title and the rest as words, without HTML, link targets or chrome lines', () => {
    const lines = [
      '## Fix **Wi-Fi** Drops',
      '',
      'Open [Settings](https://example.com/settings?tag=x-20) and tap ![the icon](https://img.example/a.png).',
      '',
      '<ins class="adsbygoogle"',
      '     data-ad-slot="1"></ins>',
      '',
      'Close',
      '',
      '1. Restart <b>now</b>.'
    ]
    expect(scanBody(lines, 0, dropLines)).toEqual({
      headingTitle: 'Fix Wi-Fi Drops',
      nextHeading: null,
      words: ['open', 'settings', 'and', 'tap', 'the', 'icon', '1', 'restart', 'now']
    })
  })
  it('a numbered opening heading is a fix, not the title', () => {
    expect(scanBody(['## 1. Restart', '', 'Text.'], 0, dropLines).headingTitle).toBeNull()
  })

  // MarkDownload's header, as in the webclips corpus: the page's title, its address, its excerpt, a rule, then the page.
  const clipped = (page: string[]) =>
    ['# Implicit Context Managers - Alyssa Coghlan\'s Python Notes', '', 'source: https://python-notes.curiousefficiency.org/en/latest/pep_ideas/implicit_with.html', '', '> ## Excerpt', '> View this page', '', '---', ...page]
  it("finds the page's own heading under a clipper's header, without its permalink mark", () => {
    const lines = clipped(['# Implicit Context Managers[¶](https://python-notes.curiousefficiency.org/x.html#implicit-context-managers "Link to this heading")', '', 'Basic concept is to add a method.'])
    expect(scanBody(lines, 0, dropLines)).toMatchObject({headingTitle: "Implicit Context Managers - Alyssa Coghlan's Python Notes", nextHeading: 'Implicit Context Managers'})
  })
  it('finds no own heading after article text, or without the header\'s rule', () => {
    expect(scanBody(clipped(['This tutorial introduces the basics of generics in Go.', '', '## Prerequisites']), 0, dropLines).nextHeading).toBeNull()
    expect(scanBody(['## The Perfect Gym Buddy: the Samsung Galaxy Fit', '', '4.2', '', '## Samsung Galaxy Fit'], 0, dropLines).nextHeading).toBeNull()
  })
})
