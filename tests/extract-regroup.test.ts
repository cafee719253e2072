import {describe, expect, it} from 'vitest'
import {extractArticle} from '../src/stages/extract/index.js'
import {clean} from './helpers/run.js'

const fixesOf = (markdown: string) => extractArticle(clean(`# Title\n\n${markdown}`).tree, []).article.fixes.map((fix) => [fix.number, fix.title, fix.steps])

describe('sections at the level the article meant', () => {
  it('`Step N` headings at the level of numbered methods are the steps of the method before them, with the sections between', () => {
    const markdown =
      '### Way One: Use the website\n\nOpen the site and save the video.\n\n### Way Two: Use the downloader\n\nIt downloads any video.\n\n### How to use the downloader\n\nThe guide works for any video.\n\n### Step 1 Import the video URL\n\nPaste the link.\n\n### Step 2 Start the download\n\nClick Download.\n'
    expect(fixesOf(markdown)).toEqual([
      [1, 'Use the website', []],
      [2, 'Use the downloader', [['Import the video URL', 'Start the download']]]
    ])
  })

  it('after a list’s bare-numbered entries, `Step N` headings stay sections of their own', () => {
    const markdown = '### 1. iTunes Store\n\nA store.\n\n### 2. Spotify\n\nA service.\n\n### Step 1 Paste the music URL\n\nPaste it.\n\n### Step 2 Finish the download\n\nClick it.\n'
    expect(fixesOf(markdown).map(([number, title]) => [number, title])).toEqual([
      [1, 'iTunes Store'],
      [2, 'Spotify'],
      [1, 'Paste the music URL'],
      [2, 'Finish the download']
    ])
  })

  it('a sub-section numbered as the next item of its parent’s kind is its sibling', () => {
    const markdown = '## Method 3: Restart\n\nRestart it.\n\n## Method 4: Update Windows\n\n1. Open Settings.\n2. Click Update.\n\n### Method 5: Repair system files\n\n1. Download the tool.\n2. Run a scan.\n'
    expect(fixesOf(markdown)).toEqual([
      [3, 'Restart', []],
      [4, 'Update Windows', [['Open Settings.', 'Click Update.']]],
      [5, 'Repair system files', [['Download the tool.', 'Run a scan.']]]
    ])
  })
})
