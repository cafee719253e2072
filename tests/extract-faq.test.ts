import {describe, expect, it} from 'vitest'
import {extractArticle} from '../src/stages/extract/index.js'
import {clean} from './helpers/run.js'

const extract = (markdown: string) => extractArticle(clean(markdown).tree, []).article

describe('faq: shapes without an FAQ heading of their own', () => {
  it('an FAQ label paragraph over a list whose items open with a question line is the FAQ, not text of the last item', () => {
    const article = extract(
      [
        '## Best Cable Modems',
        '',
        '## Best Overall',
        '',
        'The Arris S33.',
        '',
        '## What to Look For in a Cable Modem',
        '',
        'Buy rather than rent.',
        '',
        ' FAQ',
        '',
        '* What happens if your cable modem breaks down?  ',
        '  Modern modems rarely fail.',
        '* What about cable modem/router combos?  ',
        '  They save money.',
        ''
      ].join('\n')
    )
    expect(article.faq).toEqual([
      {question: 'What happens if your cable modem breaks down?', answer: 'Modern modems rarely fail.'},
      {question: 'What about cable modem/router combos?', answer: 'They save money.'}
    ])
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Best Overall', 'What to Look For in a Cable Modem'])
    expect(article.fixes[1]!.blocks).toEqual([{type: 'paragraph', markdown: 'Buy rather than rent.'}])
  })

  it('an FAQ written as a sub-section of the conclusion is the article FAQ; the conclusion stays the outro', () => {
    const article = extract(
      '# Remove the Gstatic virus\n\n## For Windows 11\n\nScan it.\n\n## For Mac\n\nScan it too.\n\n## **Conclusion**\n\nStay safe.\n\n### FAQs\n\n**What do you mean by Gstatic virus?**\n\nA Google domain.\n\n**How do adware developers earn money?**\n\nFrom ads.\n'
    )
    expect(article.faq.map((entry) => entry.question)).toEqual(['What do you mean by Gstatic virus?', 'How do adware developers earn money?'])
    expect(article.outro?.blocks).toEqual([{type: 'paragraph', markdown: 'Stay safe.'}])
  })
})

describe('items: a heading that names a list', () => {
  it('"The best X of 2024" holds its entries as sub-sections: the products are the items', () => {
    const article = extract(
      '# Top Rated Workout Headphones\n\n## The best workout headphones of 2024\n\n### Shokz OpenRun Pro\n\nA.\n\n### Nothing Ear (a)\n\nB.\n\n### Bose Ultra Open Earbuds\n\nC.\n\n## How we test headphones\n\nWe run.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Shokz OpenRun Pro', 'Nothing Ear (a)', 'Bose Ultra Open Earbuds', 'How we test headphones'])
  })
})

describe('items: kinds, causes and empty headings', () => {
  it('a "Types of X" section over numbered sub-sections is background, not a wrapper of fixes', () => {
    const article = extract(
      '# Remove malware on Android\n\nIntro.\n\n## Types of Android Malware\n\n### 1. Adware\n\nAds.\n\n### 2. Spyware\n\nSpies.\n\n## How to Remove Malware\n\n### Clear the browser cache\n\nOpen Chrome.\n\n### Boot in safe mode\n\nHold power.\n'
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Clear the browser cache', 'Boot in safe mode'])
    expect(article.sections.map((section) => [section.title, section.role])).toEqual([['Types of Android Malware', 'background']])
  })

  it('a trailing empty heading does not hide the question sections before it from the FAQ', () => {
    const article = extract(
      '# Workout headphones\n\n## Shokz OpenRun Pro\n\nA.\n\n## How we test headphones\n\nWe run.\n\n## Are AirPods good for working out?\n\nYes.\n\n## Are bone conduction headphones good?\n\nSome.\n\n##\n'
    )
    expect(article.faq.map((entry) => entry.question)).toEqual(['Are AirPods good for working out?', 'Are bone conduction headphones good?'])
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Shokz OpenRun Pro', 'How we test headphones'])
  })
})

describe('items: product cards of a list with no heading per product', () => {
  it('shop-link paragraphs "<name> Best <award>" become the items, titled by the name', () => {
    const card = (name: string, award: string) => `[${name} Best ${award}](https://buy.example/${name.length})\n\nAmazon\n\n**Pros**\n\n* Sturdy\n`
    const article = extract(
      `# Top-Rated Standing Desk Chairs\n\nWe tested five.\n\n${card('Varier Move Tilting Saddle Stool', 'standing desk chair overall')}\n${card('Songmics Standing Desk Chair', 'for adjustable height')}\n${card('Gaiam Balance Ball Chair', 'budget pick')}\n## How did I choose these chairs?\n\nBy testing.\n`
    )
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Varier Move Tilting Saddle Stool', 'Songmics Standing Desk Chair', 'Gaiam Balance Ball Chair', 'How did I choose these chairs?'])
    expect(article.fixes[0]!.blocks[0]).toEqual({type: 'paragraph', markdown: 'Best standing desk chair overall'})
  })

  it('a lone shop link, or "View On Best Buy" buttons, are no cards', () => {
    const article = extract('# Desks\n\n## Vari Desk\n\nA sturdy desk.\n\n[View On Best Buy](https://x.example/1)\n\n[View On Best Buy](https://x.example/2)\n\n[View On Best Buy](https://x.example/3)\n')
    expect(article.fixes.map((fix) => fix.title)).toEqual(['Vari Desk'])
  })
})
