/**
 * `fixset eval --gold`: the text comparisons, both output shapes, one
 * annotation against its fix set, the figures, the structural flags and the
 * leftover families, each on hand-made fixtures whose expected values are
 * reasoned in the comments; then the command end to end on a small output
 * folder written by hand.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compareAnnotation, goldFigures, stepStarts, type Found} from '../src/evaluate/compare.js'
import {countFlags} from '../src/evaluate/flags.js'
import {countLeftovers, defaultFamilies, readFamiliesFile} from '../src/evaluate/leftovers.js'
import {jsonStrings, viewOf} from '../src/evaluate/shape.js'
import {jaccard, lettersAndDigits, matchOneToOne, normalisedTitle, plainText, titleTokens} from '../src/evaluate/text.js'
import {runCli, scratchDir} from './helpers/cli.js'
import {fixesGold, fixesV2, fixesV2Markdown, guideGold, guideV1, guideV1Markdown, shellGold} from './helpers/eval-fixtures.js'

const found = (json: unknown, markdown: string, status: Found['status'] = 'canonical'): Found => ({status, fixset: viewOf(json), markdown, json: jsonStrings(json).join('\n')})

describe('text comparisons', () => {
  it('drops numbering words with their number, other numbers, and markup from titles', () => {
    expect(titleTokens('### Fix 3: **Update** your driver')).toEqual(['update', 'your', 'driver'])
    expect(titleTokens('Method Two – Roll back')).toEqual(['roll', 'back'])
    expect(titleTokens('Part IV: On Windows')).toEqual(['on', 'windows'])
    expect(titleTokens('3\\. Use the [Settings](https://example.com) app')).toEqual(['use', 'the', 'settings', 'app'])
    // A numbering word without a number is a word of the title.
    expect(titleTokens('Fix the driver')).toEqual(['fix', 'the', 'driver'])
  })

  it('measures token Jaccard, with two empty titles unrelated', () => {
    expect(jaccard(['run', 'the', 'troubleshooter'], ['run', 'the', 'windows', 'troubleshooter'])).toBe(0.75)
    expect(jaccard([], [])).toBe(0)
  })

  it('matches one to one, best score first, then gold order', () => {
    const score = (a: number, b: number) => 1 - Math.abs(a - b) / 10
    // 5 is nearest to both 4 and 6; 4 comes first in the gold, and 6 takes what is left within 0.8.
    expect(matchOneToOne([4, 6], [5, 8], score, 0.8)).toEqual([0, 1])
    expect(matchOneToOne([4, 6], [5], score, 0.8)).toEqual([0, -1])
  })

  it('keeps block syntax at the start of a title as text, so a `1. ` prefix is a difference', () => {
    expect(plainText('1. Intro')).toBe('1. Intro')
    expect(normalisedTitle('**Fix** the error fast')).toBe(normalisedTitle('Fix the Error Fast'))
    expect(normalisedTitle('1. Fix the Error Fast')).not.toBe(normalisedTitle('Fix the Error Fast'))
  })

  it('compares letters and digits only, so glued markup does not matter', () => {
    expect(lettersAndDigits('Type**control** and press')).toBe(lettersAndDigits('Type control and press'))
  })
})

describe('output shapes', () => {
  it('reads schema 1: no kind, no FAQ, one step group', () => {
    const view = viewOf(guideV1)
    expect(view).toMatchObject({schemaVersion: 1, kind: null, faq: []})
    expect(view.fixes[0]!.stepGroups).toEqual([guideV1.fixes[0]!.steps])
    expect(view.fixes[0]!.prose).toEqual(['Get the app.', '### Step 1 Download'])
    expect(view.fixes[1]!.hasContent).toBe(false)
  })

  it('reads schema 2: kind, FAQ, groups, and the prose of paragraph blocks', () => {
    const view = viewOf(fixesV2)
    expect(view).toMatchObject({schemaVersion: 2, kind: 'fixes'})
    expect(view.faq.map((entry) => entry.question)).toEqual(['Why does the error come back after a restart?', 'Where can I download drivers?'])
    expect(view.fixes[1]!.prose).toEqual(['### Fix 3: Something else'])
    expect(view.fixes[2]!.hasContent).toBe(false)
  })

  it('derives step groups from the steps blocks when a schema 2 fix has no `steps`', () => {
    const fix = {number: 1, title: 'A', group: 'On Windows', blocks: [{type: 'steps', start: 1, steps: ['One.', 'Two.']}, {type: 'paragraph', markdown: 'Note.'}, {type: 'steps', start: 1, steps: ['Three.']}]}
    const view = viewOf({schemaVersion: 2, id: 'x', title: 'X', fixes: [fix]})
    expect(view.fixes[0]).toMatchObject({group: 'On Windows', stepGroups: [['One.', 'Two.'], ['Three.']]})
  })

  it('reads a flat schema 2 `steps` view as one group, and `text` when a fix has no blocks', () => {
    const view = viewOf({schemaVersion: 2, id: 'x', title: 'X', fixes: [{number: 1, title: 'A', group: null, steps: ['One.', 'Two.'], text: ['Step 3: more']}]})
    expect(view.fixes[0]).toMatchObject({stepGroups: [['One.', 'Two.']], prose: ['Step 3: more'], hasContent: true})
  })
})

describe('one annotation against its fix set', () => {
  it('counts items, numbers, steps, title, kind, FAQ, keep and junk (schema 2)', () => {
    const result = compareAnnotation(fixesGold, found(fixesV2, fixesV2Markdown))
    expect(result.counts).toEqual({
      goldItems: 3,
      outputFixes: 3,
      // "Update the graphics driver" = "Method 1: Update the Graphics Driver" (Jaccard 1);
      // "Run the troubleshooter" ~ "Fix Two – Run the Windows troubleshooter" (3 of 4 tokens); "Newsletter" matches nothing.
      matched: 2,
      // 1 = 1; null ≠ 3.
      numberRight: 1,
      // Both matched items have steps; 2 = 2, but 2 ≠ 4.
      withSteps: 2,
      stepsExact: 1,
      // 2 + 4 gold steps; both of the first item's start its steps (link target and bold gone), 2 of the second's.
      goldSteps: 6,
      stepStartsFound: 4,
      titleChecked: 1,
      titleRight: 1,
      kindRight: 1,
      // "Why does the error come back?" is 6 of the 9 words of the first output question (0.67); the second has no match.
      faqQuestions: 2,
      faqFound: 1,
      // The first keep string is in the Markdown with bold markup inside; the second is not.
      keep: 2,
      keepFound: 1,
      junk: 2,
      junkLeft: 1
    })
    expect(result.differences).toEqual([
      '1 missing "Restart your computer"',
      '1 extra "Newsletter"',
      'number null for 3 "Run the troubleshooter"',
      '2 steps for 4 "Run the troubleshooter"',
      '2 of 4 step starts not found "Run the troubleshooter"',
      'faq 1 of 2 questions',
      'keep missing "a sentence that the build lost"',
      'junk left "Subscribe to our newsletter"'
    ])
  })

  it('takes the copy\'s own title for a duplicate, and has no kind for schema 1', () => {
    const result = compareAnnotation(guideGold, found(guideV1, guideV1Markdown, 'duplicate'))
    expect(result.counts).toMatchObject({matched: 1, outputFixes: 2, numberRight: 1, withSteps: 1, stepsExact: 0, goldSteps: 2, stepStartsFound: 2, titleRight: 1, kindRight: 0, keepFound: 1})
    expect(result.differences).toContain('kind none for guide')
    // As the canonical copy, the fix set's title would have to be the gold's.
    expect(compareAnnotation(guideGold, found(guideV1, guideV1Markdown, 'canonical')).counts.titleRight).toBe(0)
  })

  it("takes the alias that is one of a duplicate's own headings, not another copy's alias", () => {
    // The copy's frontmatter title is another article's; the build gave it its heading, which is an alias of the fix set.
    const fixset = {...guideV1, title: 'Installing the App on Windows', aliases: ['Set Up the App in Minutes', 'How to Install the App'], sources: [{path: 'site/original.md', title: null}, {path: 'site/copy.md', title: 'Best Phones of 2024'}]}
    const gold = {...guideGold, title: 'How to Install the App'}
    const withHeadings = (headings: string[]) => ({...found(fixset, guideV1Markdown, 'duplicate'), copyHeadings: headings})
    expect(compareAnnotation(gold, withHeadings(['How to Install the App'])).counts.titleRight).toBe(1)
    expect(compareAnnotation(gold, withHeadings(['Set Up the App in Minutes'])).counts.titleRight).toBe(0)
  })

  it('counts a not-an-article in kind only: right when the file was rejected, wrong when it became a fix set', () => {
    const rejected = compareAnnotation(shellGold, {status: 'rejected', fixset: null, markdown: '', json: ''})
    const nothingElse = {goldItems: 0, outputFixes: 0, titleChecked: 0, faqQuestions: 0, keep: 0, junk: 0}
    expect(rejected.counts).toMatchObject({kindRight: 1, ...nothingElse})
    expect(rejected.differences).toEqual([])
    const kept = compareAnnotation(shellGold, found({id: 'shell', title: 'Shell', fixes: [{number: 1, title: 'Discount information', text: ['x'], steps: []}]}, '# Shell\n\n{{post-main-content}}\n'))
    expect(kept.counts).toMatchObject({kindRight: 0, ...nothingElse})
    expect(kept.differences).toEqual(['not rejected: a fix set of 1 fixes, kind none'])
  })

  it('finds a step start only at the start of an output step, past its numbering', () => {
    const item = {title: 'A', number: null, group: null, steps: [['Click Start and type'], ['Press Enter']]}
    const fix = viewOf({id: 'x', title: 'X', fixes: [{number: null, title: 'A', text: [], steps: ['Step 1: Click **Start** and type cmd.', 'Then press Enter.'], images: [], videos: []}]}).fixes[0]!
    expect(stepStarts(item, fix)).toBe(1)
  })
})

describe('figures over annotations', () => {
  it('sums the counts before dividing (micro-averaged)', () => {
    const results = [compareAnnotation(fixesGold, found(fixesV2, fixesV2Markdown)), compareAnnotation(shellGold, {status: 'rejected', fixset: null, markdown: '', json: ''})]
    const figures = goldFigures(results)
    expect(figures.items).toEqual({precision: 2 / 3, recall: 2 / 3, f1: 2 / 3})
    expect(figures).toMatchObject({annotations: 2, number: 0.5, stepsExact: 0.5, stepStarts: 4 / 6, title: 1, kind: 1, faq: 0.5, keep: 0.5, junkLeft: 1 / 2})
  })
})

describe('structural flags', () => {
  it('counts each flag on both shapes', () => {
    const flags = countFlags([
      {view: viewOf(fixesV2), source: () => ''},
      {view: viewOf(guideV1), source: () => ''},
      {view: viewOf({id: 'methods', title: 'M', fixes: []}), source: () => 'Intro.\n\n**Way 1: Update the driver**\n\nText.\n'},
      {view: viewOf({id: 'plain', title: 'P', fixes: []}), source: () => 'A way to fix it.\n'}
    ])
    const counts = Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, flag.count]))
    expect(counts).toEqual({
      'empty fix title': 1, // guideV1's second fix
      'empty fix': 2, // "Newsletter" (no blocks) and guideV1's second fix
      'chrome fix title': 1, // "Newsletter"
      'numbered unit in text': 2, // "### Fix 3: Something else" and "### Step 1 Download"
      'anchor-link step': 2, // "[Display adapters](#display)" and "[Fix 1](#fix-1)"
      'image in step': 1, // "![shot](…) Restart."
      'methods but no fixes': 1, // the source with "**Way 1: …**"
      'markup in title': 1 // "**Fix** the error fast"
    })
    expect(flags['methods but no fixes']!.examples).toEqual(['methods'])
  })
})

describe('leftover families', () => {
  // Short excerpts in the shapes the shared corpus's sources have, and prose that must not count.
  const cases: Record<string, {left: string[]; prose: string[]}> = {
    'tag-link list': {left: ['Hope this helps.\n\n- printer\n', 'Done.\n\n* [Windows](https://example.com/tag/windows)\n* [Drivers](https://example.com/tag/drivers)\n'], prose: ['- printer\n\nMore text after the list.\n', 'Specs:\n\n- Warranty  1 year\n']},
    'affiliate or tracking link': {left: ['Buy it [at Amazon](https://shop-links.co/link/?url=x) now.'], prose: ['See [Microsoft](https://support.microsoft.com/help) for help.']},
    'empty link': {left: ['[](https://www.facebook.com/aiseesoft)'], prose: ['![](https://example.com/shot.png)']},
    'photo credit': {left: ['(Image credit: Tom\'s Hardware)', 'Hannah Stryker / How-To Geek', '_Justin Duino / How-To Geek_', 'Featured image by rawpixel.com from Pexels'], prose: ['Go to Settings / Display and pick a size.']},
    'bare rating line': {left: ['Specs\n\n4.2\n\nDesign'], prose: ['Version 4.2 fixes the bug.']},
    'newsletter widget': {left: ["ZDNET's Tech Today newsletter is a daily briefing", 'Get the Latest Tech News Delivered Every Day'], prose: ['Subscribe to a channel to get its videos.']},
    price: {left: ['$130 $180 Save $50', '$160 at Amazon', 'Dashlane password manager $1 at Dashlane'], prose: ['It costs $29.99 at launch, which is fair.']},
    'deal, download or read-more button': {left: ['[View Deal](https://example.com/deal)', 'View On Amazon $324'], prose: ['You can see at a glance which apps use the most battery.']},
    'promo or rating card': {left: ['Rating: 4.8 / 5 (based on 98 ratings)', 'Keep reading for our full product review.'], prose: ['The phone has a 4.8 rating on the store.']},
    'comment-form debris': {left: ['Save my name, email, and website in this browser for the next time I comment.', '### Leave a Reply'], prose: ['Leave the defaults as they are.']},
    'byline heading': {left: ['###  UPDATE: 2024/05/09 BY CORBIN DAVENPORT', '###### [Read update](https://example.com/x)', '## By Jane Doe'], prose: ['### Update your BIOS', 'Read updates from the vendor first.']},
    'Show less': {left: ['Show Expert Take Show less'], prose: ['Show the hidden files.']},
    'Was this page helpful?': {left: ['Was this page helpful?'], prose: ['Was this fix helpful to you? Try the next one.']}
  }

  it('has a case for every built-in family', () => {
    expect(Object.keys(cases).sort()).toEqual(defaultFamilies().map((family) => family.family).sort())
  })

  it.each(Object.entries(cases))('%s: found in its shapes, not in prose', (family, {left, prose}) => {
    const definition = defaultFamilies().filter((candidate) => candidate.family === family)
    const texts = [...left, ...prose].map((markdown, index) => ({id: `f${index}`, markdown, json: ''}))
    const [count] = countLeftovers(definition, texts)
    expect(count!.examples).toEqual(left.map((_, index) => `f${index}`))
    expect(count!.share).toBe(left.length / texts.length)
  })

  it('reads a families file and counts fix sets holding each family, in the Markdown or the JSON', async () => {
    const file = path.join(scratchDir(), 'families.json')
    writeFileSync(file, JSON.stringify({families: [{family: 'excerpt header', regex: '^>\\s*#*\\s*Excerpt\\s*$', flags: 'im'}]}))
    const families = await readFamiliesFile(file)
    const [count] = countLeftovers(families, [
      {id: 'a', markdown: '> ## Excerpt\n> Text', json: ''},
      {id: 'b', markdown: '', json: 'intro\n> excerpt'},
      {id: 'c', markdown: 'An excerpt of the book.', json: ''},
      {id: 'd', markdown: '', json: ''}
    ])
    expect(count).toEqual({family: 'excerpt header', origin: file, fixsets: 2, share: 0.5, examples: ['a', 'b']})
  })
})

/** A small build output written by hand: the three annotations' articles, and a rejected shell. */
function handMadeOutput(): {input: string; output: string; gold: string} {
  const dir = scratchDir('fixset-eval-gold-')
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true})
    writeFileSync(path.join(dir, relative), text)
  }
  write('input/site/error-fixes.md', '---\ntitle: Fix the Error Fast\n---\n\nSubscribe to our newsletter today.\n')
  write('input/site/shell.md', '{{post-main-content}}\n')
  write('input/site/original.md', '# Installing the App on Windows\n\nDownload the installer from the site.\n')
  write('input/site/copy.md', '# How to Install the App\n\nDownload the installer from the site.\n')
  const row = (file: string, status: string, fixset: string | null, duplicateOf: string | null = null) => ({path: file, sha256: '', status, fixset, duplicateOf, similarity: status === 'rejected' ? null : 1, reason: status === 'rejected' ? 'no article text' : null})
  write(
    'output/manifest.json',
    JSON.stringify({
      files: [row('site/copy.md', 'duplicate', 'install-app', 'site/original.md'), row('site/error-fixes.md', 'canonical', 'error-fixes'), row('site/original.md', 'canonical', 'install-app'), row('site/shell.md', 'rejected', null)]
    })
  )
  write('output/fixsets/error-fixes.json', JSON.stringify(fixesV2))
  write('output/fixsets/error-fixes.md', fixesV2Markdown)
  write('output/fixsets/install-app.json', JSON.stringify(guideV1))
  write('output/fixsets/install-app.md', guideV1Markdown)
  for (const gold of [fixesGold, shellGold, guideGold]) write(`gold/${gold.path.replaceAll('/', '__')}.json`, JSON.stringify(gold))
  return {input: path.join(dir, 'input'), output: path.join(dir, 'output'), gold: path.join(dir, 'gold')}
}

describe('fixset eval --gold', () => {
  it('prints the figures over all annotations, and the flags and leftovers, as JSON', async () => {
    const {input, output, gold} = handMadeOutput()
    const run = await runCli(['eval', '--gold', gold, '--input', input, '--output', output, '--json'])
    expect(run.status, run.stderr).toBe(0)
    const figures = JSON.parse(run.stdout)
    // Items: 3 + 0 + 1 gold, 3 + 2 output fixes (the shell was rejected), 2 + 1 matched.
    expect(figures.gold.figures.items.precision).toBeCloseTo(3 / 5)
    expect(figures.gold.figures.items.recall).toBeCloseTo(3 / 4)
    expect(figures.gold.figures).toMatchObject({
      annotations: 3,
      number: 2 / 3, // 1 of 2, and null = null
      stepsExact: 1 / 3, // 1 of 2 items with steps, and 4 ≠ 2
      stepStarts: 6 / 8, // 4 of 6, and 2 of 2
      title: 1, // the fixes title, and the copy's own title
      kind: 2 / 3, // fixes; the rejected shell; schema 1 has no kind
      faq: 1 / 2,
      keep: 2 / 3, // 1 of 2, and 1 of 1 (the shell counts in kind only)
      junkLeft: 1 / 2 // 1 of 2, the guide has none
    })
    expect(figures.gold.annotations.map((result: {path: string}) => result.path)).toEqual(['site/copy.md', 'site/error-fixes.md', 'site/shell.md'])
    expect(figures.flags['empty fix'].count).toBe(2)
    // "Subscribe to our newsletter today." in the fixes' intro.
    expect(figures.leftovers.find((row: {family: string}) => row.family === 'newsletter widget').fixsets).toBe(1)
  })

  it('prints one line per annotation, then the figures, as text', async () => {
    const {input, output, gold} = handMadeOutput()
    const run = await runCli(['eval', '--gold', gold, '--input', input, '--output', output])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('site/shell.md: as the gold\n')
    expect(run.stdout).toMatch(/^site\/error-fixes\.md: 1 missing "Restart your computer"; 1 extra "Newsletter";/m)
    expect(run.stdout).toMatch(/^items +precision 0\.60, recall 0\.75, F1 0\.67$/m)
    expect(run.stdout).toMatch(/^structural flags:$/m)
  })

  it('refuses an annotation that does not follow the guidelines, before reading the build', async () => {
    const {input, gold} = handMadeOutput()
    writeFileSync(path.join(gold, 'bad.json'), JSON.stringify({path: 'x.md', kind: 'essay', title: 'X'}))
    const run = await runCli(['eval', '--gold', gold, '--input', input, '--output', path.join(input, 'nowhere')])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/bad\.json is not a gold annotation: kind/)
  })
})
