import {describe, expect, it} from 'vitest'
import {extractArticle} from '../src/stages/extract.js'
import {clean} from './helpers/run.js'

const extract = (markdown: string) => extractArticle(clean(markdown).tree, []).article

describe('extract: article structure', () => {
  it('the opening heading is the title; numbered sections are fixes; the trailing section is the outro', () => {
    const article = extract(
      '## How to Fix It\n\nIntro text.\n\n## 1\\. First Fix\n\nWhy.\n\n1. Step one.\n2. Step **two**.\n\n![shot](https://x.test/1.png)\n\n' +
        '## Fix 2: Second Fix\n\n- a bullet\n\n## Wrap-Up Thoughts\n\nGood luck.\n'
    )
    expect(article.headingTitle).toBe('How to Fix It')
    expect(article.intro.text).toEqual(['Intro text.'])
    expect(article.fixes.map((fix) => [fix.number, fix.title])).toEqual([
      [1, 'First Fix'],
      [2, 'Second Fix']
    ])
    expect(article.fixes[0]).toMatchObject({text: ['Why.'], steps: ['Step one.', 'Step **two**.'], images: [{url: 'https://x.test/1.png', alt: 'shot'}]})
    expect(article.fixes[1]!.text).toEqual(['- a bullet'])
    expect(article.outro).toMatchObject({title: 'Wrap-Up Thoughts', text: ['Good luck.']})
  })

  it('without numbers every section is a fix, except a last one titled like a conclusion', () => {
    const article = extract('Intro.\n\n## Restart the router\n\nDo it.\n\n## Update firmware\n\nDo that.\n\n## Conclusion\n\nDone.\n')
    expect(article.headingTitle).toBeNull()
    expect(article.fixes.map((fix) => [fix.number, fix.title])).toEqual([
      [null, 'Restart the router'],
      [null, 'Update firmware']
    ])
    expect(article.outro?.title).toBe('Conclusion')
  })

  it('assigns a video to the section it stood in', () => {
    const {tree} = clean('## T\n\nIntro\n\n## 1. One\n\ntext\n\n\n\n## 2. Two\n\ntext\n')
    const {article} = extractArticle(tree, [{provider: 'youtube', id: 'abcdefghijk', url: 'https://www.youtube.com/watch?v=abcdefghijk', line: 8}])
    expect(article.fixes[0]!.videos.map((video) => video.id)).toEqual(['abcdefghijk'])
    expect(article.fixes[1]!.videos).toEqual([])
  })

  it('text blocks and steps are cut from the body Markdown itself, so JSON and Markdown agree', () => {
    const {tree} = clean(
      '## 1. Check drivers\n\nOpen **Device Manager**:\n\n1. Press Win+X:\n   - choose _Device Manager_\n   - expand it\n2. Update the `driver`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```sh\nsfc /scannow\n```\n\n- bullet one\n- bullet two\n'
    )
    const {article, body} = extractArticle(tree, [])
    const [fix] = article.fixes
    expect(fix!.steps).toEqual(['Press Win+X:\n- choose _Device Manager_\n- expand it', 'Update the `driver`'])
    expect(fix!.text).toHaveLength(4)
    for (const text of fix!.text) expect(body).toContain(text)
    fix!.steps.forEach((step, index) => expect(body).toContain(`${index + 1}. ${step.replaceAll('\n', '\n   ')}`))
  })

  it('an empty body gives an empty article, not a crash', () => {
    expect(extract('')).toEqual({headingTitle: null, intro: {text: [], steps: [], images: [], videos: []}, fixes: [], outro: null})
  })
})
