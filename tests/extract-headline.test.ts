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

describe('extract: sections that are not items', () => {
  it('a section made only of links (a Quick Links table of contents) is no item', () => {
    const article = extract(
      '# 7 Uses of a 3D Printer\n\n## Quick Links\n\n* [Make Replacement Parts](#parts)\n* [Print Toys](#toys)\n\n## Make Replacement Parts\n\nPrint a knob.\n\n## Print Toys\n\nPrint a car.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Make Replacement Parts', 'Print Toys'])
  })

  it('"What to Look For in X" is background, and an "Article Summary" a conclusion', () => {
    const article = extract(
      '# Best Cable Modems\n\n## Article Summary\n\nBuy the Arris.\n\n## What to Look For in a Cable Modem\n\nDOCSIS 3.1.\n\n## Best Overall\n\nArris S33.\n\n## Best Value\n\nNetgear CM1000.\n\n## Basic Option\n\nMotorola.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Best Overall', 'Best Value', 'Basic Option'])
    expect(article.sections.map((section) => [section.title, section.role])).toEqual([['What to Look For in a Cable Modem', 'background']])
    expect(article.outro?.title).toBe('Article Summary')
  })

  it('an empty heading takes the title and number of the bold line after it', () => {
    const article = extract('# Code 10 Error\n\n##\n\n**Method 1: Uninstall the driver**\n\nOpen Device Manager.\n\n## **Method 2: Update the driver**\n\nUse the vendor site.\n')
    expect(article.fixes.map((fix) => [fix.number, fix.title])).toEqual([
      [1, 'Uninstall the driver'],
      [2, 'Update the driver']
    ])
  })
})

describe('extract: a second headline after page furniture', () => {
  it('breadcrumbs and a logo between the two headlines do not make the second an item', () => {
    const article = extract(
      '## 5 Effective Methods for Converting WMA Files to MP3\n\n[![Logo](https://x.example/logo.gif)](https://x.example/)\n\nConvert WMA to MP3\n\n**How to & Tips**\n\n## How to Free Convert WMA to MP3 Offline and Online in 5 Ways?\n\nWMA is a Microsoft format.\n\n## 1. WonderFox Free HD Video Converter\n\nAdd files.\n\n## 2. VLC Media Player\n\nOpen VLC.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['WonderFox Free HD Video Converter', 'VLC Media Player'])
  })

  it('a first section after a real paragraph is no headline', () => {
    const article = extract('## Best Mechanical Keyboards Below $50\n\nFinding a reliable mechanical keyboard does not cost a fortune.\n\n## Tecware Phantom Mechanical Keyboard\n\nBest overall.\n\n## Redragon K582\n\nBest for gaming.\n')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Tecware Phantom Mechanical Keyboard', 'Redragon K582'])
  })

  it("under a clipper's rule, is the title heading restated, not a first section that shares a word with it", () => {
    const restated = extract(['# Go For Loops', '', '---', '', '## Go For Loops', '', 'The for loop loops through a block of code.', '', '## Nested Loops', '', 'A loop inside a loop.', ''].join('\n'))
    expect(restated.fixes.map((fix) => fix.title)).toEqual(['Nested Loops'])
    const section = extract(['# Go - Environment Setup', '', '---', '', '## Local Environment Setup', '', 'You need a text editor.', '', '## Installation on Windows', '', 'Run the installer.', ''].join('\n'))
    expect(section.fixes.map((fix) => fix.title)).toEqual(['Local Environment Setup', 'Installation on Windows'])
    const own = extract(['# Implicit Context Managers - Python Notes', '', '---', '', '# Implicit Context Managers', '', 'Basic concept is to add a method.', '', '## Open questions', '', 'Naming it.', ''].join('\n'))
    expect(own.fixes.map((fix) => fix.title)).toEqual(['Open questions'])
  })
})
