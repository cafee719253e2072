import {describe, expect, it} from 'vitest'
import {classifyKind, extractArticle} from '../src/stages/extract/index.js'
import {readLabel} from '../src/stages/extract/labels.js'
import {clean} from './helpers/run.js'

const extract = (markdown: string) => extractArticle(clean(markdown).tree, []).article
const outline = (markdown: string) => extract(markdown).fixes.map((fix) => [fix.number, fix.title, fix.group])
const stepsOf = (markdown: string) => extract(`# Title\n\n${markdown}`).fixes.map((fix) => fix.steps)

describe('labels: numbers as articles write them', () => {
  it.each([
    ['Fix 3: Update the driver', 'fix', 3, 'Update the driver'],
    ['Method Two - Reset the app', 'method', 2, 'Reset the app'],
    ['Way IV. Use a VPN', 'way', 4, 'Use a VPN'],
    ['Fix-1 Restart', 'fix', 1, 'Restart'],
    ['Step 1 Download the tool', 'step', 1, 'Download the tool'],
    ['Part 2: On Windows', 'part', 2, 'On Windows'],
    ['3. Check the cable', null, 3, 'Check the cable'],
    ['XII) Twelve', null, 12, 'Twelve'],
    ['Solution Five', 'solution', 5, '']
  ])('%s', (text, kind, number, title) => {
    expect(readLabel(text)).toEqual({kind, number, title})
  })

  it('a number without a delimiter is part of the title', () => {
    expect(readLabel('10 Best Apps for Notes')).toEqual({kind: null, number: null, title: '10 Best Apps for Notes'})
    expect(readLabel('Tips civil servants like')).toMatchObject({number: null})
  })
})

describe('extract: items at their true level', () => {
  it('numbered H3 fixes under one wrapper H2 are the fixes; the wrapper lead goes to the intro', () => {
    const article = extract(
      '## The Title\n\nIntro.\n\n## Fixes for err12\n\nTry these in order.\n\n### Fix 1: Update driver\n\n1. Open it.\n2. Click it.\n\n### Fix 2: Roll back\n\n1. Do this.\n\n### Fix 3: Repair files\n\nText.\n'
    )
    expect(article.fixes.map((fix) => [fix.number, fix.title, fix.group])).toEqual([
      [1, 'Update driver', null],
      [2, 'Roll back', null],
      [3, 'Repair files', null]
    ])
    expect(article.intro.blocks).toEqual([
      {type: 'paragraph', markdown: 'Intro.'},
      {type: 'paragraph', markdown: 'Try these in order.'}
    ])
  })

  it('Part N groups carry their title as the group of their methods', () => {
    expect(outline('## Part 1: On Windows\n\n### Method 1: A\n\nx\n\n### Method 2: B\n\ny\n\n## Part 2: On Mac\n\n### Method 1: C\n\nz\n\n### Method 2: D\n\nw\n')).toEqual([
      [1, 'A', 'On Windows'],
      [2, 'B', 'On Windows'],
      [1, 'C', 'On Mac'],
      [2, 'D', 'On Mac']
    ])
  })

  it('a numbered fix keeps its own sub-sections as content', () => {
    const article = extract('## 1. Repair files\n\n### With the tool\n\n1. a\n2. b\n\n### With SFC\n\n1. c\n\n## 2. Reinstall\n\nDo it.\n')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Repair files', 'Reinstall'])
    expect(article.fixes[0]!.steps).toEqual([['a', 'b'], ['c']])
    expect(article.fixes[0]!.blocks.filter((block) => block.type === 'heading')).toEqual([
      {type: 'heading', depth: 3, text: 'With the tool'},
      {type: 'heading', depth: 3, text: 'With SFC'}
    ])
  })

  it('bold method paragraphs become the fixes when the article has no better level', () => {
    const article = extract('Intro.\n\n**Method 1: Reset the app**\n\nReset it.\n\n**Method 2: Reinstall the app**\n\n1. Delete it.\n2. Install it.\n')
    expect(article.fixes.map((fix) => [fix.number, fix.title])).toEqual([
      [1, 'Reset the app'],
      [2, 'Reinstall the app']
    ])
    expect(article.fixes[1]!.steps).toEqual([['Delete it.', 'Install it.']])
  })

  it('one bold line is emphasis, not a method', () => {
    expect(extract('Intro.\n\n**Method 1: Reset the app**\n\nReset it.\n').fixes).toEqual([])
  })

  it('Step N headings inside a fix are its steps; at the top level they are the items', () => {
    expect(stepsOf('## Fix 1: Use the tool\n\n### Step 1: Download it\n\nFrom the site.\n\n### Step 2: Run it\n\n## Fix 2: Other\n\nx\n')[0]).toEqual([['Download it', 'Run it']])
    expect(outline('## Step 1: Download it\n\nFrom the site.\n\n## Step 2: Run it\n\nGo.\n')).toEqual([
      [1, 'Download it', null],
      [2, 'Run it', null]
    ])
  })

  it('an empty numbered heading takes the short line after it', () => {
    expect(outline('## Fix 1\n\nUpdate the driver\n\nWhy.\n\n## Fix 2\n\nRestart\n\nNow.\n')).toEqual([
      [1, 'Update the driver', null],
      [2, 'Restart', null]
    ])
  })

  it('a numbered opening heading that no other heading of its level shares is the title', () => {
    const article = extract('## 1. How to fix the printer\n\nIntro.\n\n### Restart it\n\nx\n\n### Update it\n\ny\n')
    expect(article.headingTitle).toBe('How to fix the printer')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Restart it', 'Update it'])
  })

  it('FAQ sections become questions and answers, conclusions the outro, causes a background section', () => {
    const article = extract(
      'Intro.\n\n## What causes the error?\n\nOld drivers.\n\n## 1. Update\n\nx\n\n## 2. Restart\n\ny\n\n## FAQs\n\n### Why does it come back?\n\nBecause.\n\n### Is it safe?\n\nYes.\n\n## Conclusion\n\nDone.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Update', 'Restart'])
    expect(article.sections).toMatchObject([{title: 'What causes the error?', role: 'background', blocks: [{type: 'paragraph', markdown: 'Old drivers.'}]}])
    expect(article.faq).toEqual([
      {question: 'Why does it come back?', answer: 'Because.'},
      {question: 'Is it safe?', answer: 'Yes.'}
    ])
    expect(article.outro).toMatchObject({title: 'Conclusion', blocks: [{type: 'paragraph', markdown: 'Done.'}]})
  })

  it('bold FAQ questions without sub-headings', () => {
    expect(extract('## 1. A\n\nx\n\n## 2. B\n\ny\n\n## Frequently Asked Questions\n\n**Can I undo it?**\n\nNo.\n\nReally.\n\n**Q: Does it cost?**\n\nFree.\n').faq).toEqual([
      {question: 'Can I undo it?', answer: 'No.\n\nReally.'},
      {question: 'Does it cost?', answer: 'Free.'}
    ])
  })

  it('unnumbered closing remarks after numbered fixes are the outro, unless they hold a procedure', () => {
    const article = extract('## 1. A\n\nx\n\n## 2. B\n\ny\n\n## Other options\n\n1. Try this.\n\n## Peace of mind at last\n\nGood luck.\n')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['A', 'B', 'Other options'])
    expect(article.outro?.title).toBe('Peace of mind at last')
  })
})

describe('extract: steps as written', () => {
  it('a list interrupted by a screenshot carries on in one group; a restart opens another', () => {
    const [steps] = stepsOf('## 1. Fix\n\n1. One.\n2. Two.\n\n![shot](https://x.test/a.png)\n\n3. Three.\n\nThen check the size:\n\n1. Again one.\n')
    expect(steps).toEqual([['One.', 'Two.', 'Three.'], ['Again one.']])
  })

  it('paragraph steps: `1)`, `1\\.`, `**1.**`, `Step 1:`', () => {
    const [steps] = stepsOf('## 1. Fix\n\n1)Download the tool.\n\n2\\. Run it.\n\n**3.** Click **Scan**.\n\nStep 4: Restart.\n')
    expect(steps).toEqual([['Download the tool.', 'Run it.', 'Click **Scan**.', 'Restart.']])
  })

  it('a step glued to the screenshot before it is split from the image', () => {
    const article = extract('# T\n\n## 1. Fix\n\n1. One.\n2. Two.\n\n![shot](https://x.test/a.png) 3\\. Three.\n')
    expect(article.fixes[0]!.steps).toEqual([['One.', 'Two.', 'Three.']])
    expect(article.fixes[0]!.blocks.map((block) => block.type)).toEqual(['steps', 'image', 'steps'])
  })

  it('steps carry no images: an image inside a step follows it as an image block, in place', () => {
    const article = extract('# T\n\n## 1. Fix\n\n1. Open **Settings**.\n\n   ![gear](https://x.test/g.png)\n2. Tap Save.\n')
    const [fix] = article.fixes
    expect(fix!.steps).toEqual([['Open **Settings**.', 'Tap Save.']])
    expect(fix!.blocks).toEqual([
      {type: 'steps', group: 0, start: 1, steps: ['Open **Settings**.']},
      {type: 'image', url: 'https://x.test/g.png', alt: 'gear'},
      {type: 'steps', group: 0, start: 2, steps: ['Tap Save.']}
    ])
    expect(fix!.images).toEqual([{url: 'https://x.test/g.png', alt: 'gear'}])
  })

  it('a procedure nested in a step is a group of its own, after the outer one', () => {
    const [steps] = stepsOf('## 1. Fix\n\n1. Open the menu:\n   1. Press Win.\n   2. Type cmd.\n2. Run it.\n')
    expect(steps).toEqual([['Open the menu:', 'Run it.'], ['Press Win.', 'Type cmd.']])
  })

  it('a note between steps keeps its place', () => {
    const article = extract('# T\n\n## 1. Fix\n\n1. One.\n\nNote: be careful.\n\n2. Two.\n')
    expect(article.fixes[0]!.blocks.map((block) => block.type)).toEqual(['steps', 'paragraph', 'steps'])
    expect(article.fixes[0]!.steps).toEqual([['One.', 'Two.']])
  })

  it('numbers that are not step markers stay text', () => {
    expect(extract('# T\n\n## 1. Fix\n\n1.5 GB is needed.\n\n2019 was a year.\n').fixes[0]!.steps).toEqual([])
  })
})

describe('extract: Markdown and JSON agree', () => {
  it('text blocks and simple steps are cut from the body Markdown itself', () => {
    const {tree} = clean('# T\n\n## 1. Check drivers\n\nOpen **Device Manager**:\n\n1. Press Win+X\n2. Update the `driver`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```sh\nsfc /scannow\n```\n\n- bullet one\n- bullet two\n')
    const {article, body} = extractArticle(tree, [])
    const [fix] = article.fixes
    expect(fix!.blocks.map((block) => block.type)).toEqual(['paragraph', 'steps', 'table', 'code', 'list'])
    for (const block of fix!.blocks) if ('markdown' in block) expect(body).toContain(block.markdown)
    expect(fix!.blocks[3]).toEqual({type: 'code', lang: 'sh', value: 'sfc /scannow'})
    fix!.steps[0]!.forEach((step, index) => expect(body).toContain(`${index + 1}. ${step}`))
  })

  it('assigns a video to the part it stood in, in place', () => {
    const {tree} = clean('## T\n\nIntro\n\n## 1. One\n\ntext\n\n\n\nafter\n\n## 2. Two\n\ntext\n')
    const {article} = extractArticle(tree, [{provider: 'youtube', id: 'abcdefghijk', url: 'https://www.youtube.com/watch?v=abcdefghijk', line: 8}])
    expect(article.fixes[0]!.blocks.map((block) => block.type)).toEqual(['paragraph', 'video', 'paragraph'])
    expect(article.fixes[0]!.videos.map((video) => video.id)).toEqual(['abcdefghijk'])
    expect(article.fixes[1]!.videos).toEqual([])
  })

  it('an empty body gives an empty article, not a crash', () => {
    expect(extract('')).toMatchObject({headingTitle: null, intro: {blocks: [], steps: [], images: [], videos: []}, sections: [], fixes: [], faq: [], outro: null})
  })
})

describe('kind', () => {
  const evidence = (itemTitles: string[], itemLabels: Array<string | null> = itemTitles.map(() => null), steps = 0) => ({itemTitles, itemLabels, numberedItems: 0, steps, headline: null, codeBlocks: 0, codeSpans: 0, itemsNamingCode: 0, codeItems: 0, weighedWays: 0, offersAlternatives: false})
  it.each([
    ['How to Fix Error 43 on Windows', evidence(['Update the driver', 'Reinstall']), 'fixes'],
    ['Getting more from your phone', evidence(['A', 'B'], ['method', 'method']), 'fixes'],
    ['Galaxy Tab S6 review', evidence(['Display', 'Performance', 'Battery']), 'review'],
    ['The 10 Best Phone Cases of 2024', evidence(['Case A', 'Case B']), 'list'],
    ['How to download trailers', evidence(['Paste the link'], [null], 4), 'guide'],
    ['Microsoft ends support for Windows 10', evidence([]), 'news']
  ])('%s → %s', (title, given, kind) => {
    expect(classifyKind(title, given)).toBe(kind)
  })
})

describe('extract: procedures and what is not one', () => {
  it('a bullet list that reads as a procedure is a step group; after a screenshot it carries on', () => {
    const article = extract('# T\n\n## 1. Fix\n\n**Step 1**: Remove the extensions –\n\n- Click the menu\n- Move to Extensions\n\n![x](https://x.test/a.png)\n\n- Look for odd ones\n\n**Step 2**: Clear the data.\n\n- Then click Settings\n- Select Clear\n')
    expect(article.fixes[0]!.steps).toEqual([
      ['Remove the extensions –', 'Clear the data.'],
      ['Click the menu', 'Move to Extensions', 'Look for odd ones'],
      ['Then click Settings', 'Select Clear']
    ])
  })

  it('typed bullets (`▪`) that read as a procedure are steps', () => {
    expect(stepsOf('## 1. Fix\n\nTo keep them:\n\n▪ Open VLC.\n▪ Click **Save**.\n')[0]).toEqual([['Open VLC.', 'Click **Save**.']])
  })

  it('a bullet list of facts is no procedure', () => {
    expect(stepsOf('## 1. Fix\n\n- The screen is small\n- Battery lasts long\n')[0]).toEqual([])
  })

  it('a numbered list of options (bold terms) is a list, not steps', () => {
    const article = extract('# T\n\n## 1. Fix\n\n1. **Standard –** It blocks trackers.\n2. **Strict –** It blocks all.\n3. **Custom –** Choose.\n')
    expect(article.fixes[0]!.steps).toEqual([])
    expect(article.fixes[0]!.blocks.map((block) => block.type)).toEqual(['list'])
  })

  it('bold method lines one after another are a table of contents, not methods', () => {
    expect(extract('Intro.\n\n**Option 1: Reinstall**\n\n**Option 2: Update**\n\nMore intro.\n').fixes).toEqual([])
  })
})

describe('extract: an FAQ heading at the level of its questions', () => {
  it('takes the sibling sections after it as its questions, up to a conclusion', () => {
    const article = extract('# T\n\n### Step 1 Open it\n\nx\n\n### Step 2 Run it\n\ny\n\n### Frequently Asked Questions\n\n### Can I download to a drive?\n\nYes.\n\n### Where are the videos?\n\nIn Downloads.\n\n### Conclusion\n\nDone.\n')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Open it', 'Run it'])
    expect(article.faq).toEqual([
      {question: 'Can I download to a drive?', answer: 'Yes.'},
      {question: 'Where are the videos?', answer: 'In Downloads.'}
    ])
    expect(article.outro?.title).toBe('Conclusion')
  })
})
