import {describe, expect, it} from 'vitest'
import {extractArticle} from '../src/stages/extract/index.js'
import {clean} from './helpers/run.js'

const extract = (markdown: string) => extractArticle(clean(markdown).tree, []).article

describe('extract: a second headline right after the title heading', () => {
  it('is a title, not an item: its intro goes to the intro and the Part sections stay the items', () => {
    const article = extract(
      [
        '## Struggling with a Forgotten iCloud Login? Discover These 6 Effective Remedies',
        '',
        '## Forgot iCloud Password: How to Recover/Reset iCloud Password',
        '',
        'Apple ID is what you use to access all Apple services.',
        '',
        '## Part 1. Recover iCloud password via email',
        '',
        'Open the page.',
        '',
        '## Part 2. Reset iCloud password with two-step verification',
        '',
        'Enter the key.',
        ''
      ].join('\n')
    )
    expect(article.headingTitle).toBe('Struggling with a Forgotten iCloud Login? Discover These 6 Effective Remedies')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Recover iCloud password via email', 'Reset iCloud password with two-step verification'])
    expect(article.intro.blocks).toEqual([{type: 'paragraph', markdown: 'Apple ID is what you use to access all Apple services.'}])
  })

  it('the frontmatter title counts as a title it may restate', () => {
    const article = extract(
      '---\ntitle: "Best Free & Paid Screen Mirroring Solutions for Android"\n---\n\n## The Ultimate Selection of Casting Apps\n\n## 9 Best Screen Mirroring Apps for Android to Windows\n\nScreen mirroring is not new.\n\n## Part 1: Aiseesoft Phone Mirror\n\nA.\n\n## Part 2: LetsView\n\nB.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Aiseesoft Phone Mirror', 'LetsView'])
  })

  it('a first section about something else, a background section or a numbered one stays a section', () => {
    expect(extract('## Moto G Stylus review\n\n## Design and build quality\n\nIt is plastic.\n\n## Battery life\n\nLong.\n').fixes.map((fix) => fix.title)).toEqual([
      'Design and build quality',
      'Battery life'
    ])
    expect(extract('## Fix the iTunes error 9006\n\n## Fix 1: Update iTunes now\n\nUpdate it.\n\n## Fix 2: Restart\n\nRestart.\n').fixes.map((fix) => fix.number)).toEqual([1, 2])
    expect(extract('## iTunes error 9006 explained\n\n## What causes iTunes error 9006?\n\nA bad network.\n\n## Restart iTunes\n\nDo it.\n').fixes.map((fix) => fix.title)).toEqual([
      'What causes iTunes error 9006?',
      'Restart iTunes'
    ])
  })
})
