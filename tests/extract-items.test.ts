import {describe, expect, it} from 'vitest'
import {classifyKind, extractArticle} from '../src/stages/extract/index.js'
import {clean} from './helpers/run.js'

const extract = (markdown: string) => extractArticle(clean(markdown).tree, []).article
const titles = (markdown: string) => extract(markdown).fixes.map((fix) => fix.title)
const sections = (markdown: string) => extract(markdown).sections.map((section) => [section.title, section.role])

describe('items: a tutorial\'s side sections', () => {
  it('Prerequisites and Completed code sit beside the stages, not among them', () => {
    const markdown =
      '# Tutorial: Generics\n\nThis tutorial introduces generics.\n\n## Prerequisites\n\n- An installation of Go 1.18.\n\n## Create a folder\n\n1. Open a terminal.\n2. Make a folder.\n\n## Add a function\n\nWrite the code.\n\n## Completed code\n\n```go\npackage main\n```\n'
    expect(titles(markdown)).toEqual(['Create a folder', 'Add a function'])
    expect(sections(markdown)).toEqual([
      ['Prerequisites', 'other'],
      ['Completed code', 'other']
    ])
  })

  it('with a single stage, Prerequisites still sits beside it', () => {
    const markdown = '# Create a module\n\nIntro.\n\n## Prerequisites\n\nSome experience.\n\n## Start a module\n\n1. Open a terminal.\n2. Run go mod init.\n'
    expect(titles(markdown)).toEqual(['Start a module'])
  })

  it('a section titled Next steps after the summary is no stage', () => {
    const markdown = '# Containerize an app\n\n## Get the sample\n\nClone it.\n\n## Run it\n\nRun it.\n\n## Summary\n\nYou ran it.\n\n## Next steps\n\nRead the next guide.\n'
    expect(titles(markdown)).toEqual(['Get the sample', 'Run it'])
    expect(sections(markdown)).toEqual([['Next steps', 'other']])
  })

  it('a "Benefits of …" section before the entries is background', () => {
    const markdown =
      '# Static analysis tools\n\n## Benefits of Using Static Analysis\n\n### Finds bugs early\n\nText.\n\n### Enforces standards\n\nText.\n\n## Top 3 Static Analysis Tools\n\n### Codiga\n\nA.\n\n### Pylint\n\nB.\n\n### Prospector\n\nC.\n'
    expect(titles(markdown)).toEqual(['Codiga', 'Pylint', 'Prospector'])
    expect(sections(markdown)).toEqual([['Benefits of Using Static Analysis', 'background']])
  })

  it('"Top 3 X" over three sub-sections holds them as its entries; over other sub-sections it is an entry itself', () => {
    expect(titles('# T\n\n## Top 3 Tools\n\n### Codiga\n\nA.\n\n### Pylint\n\nB.\n\n### Prospector\n\nC.\n\n## More\n\nD.\n')).toEqual(['Codiga', 'Pylint', 'Prospector', 'More'])
    expect(titles('# T\n\n## Top 1: Pandora\n\n### Pros\n\nA.\n\n### Cons\n\nB.\n\n## Top 2: Spotify\n\nC.\n')).toEqual(['Pandora', 'Spotify'])
  })
})

describe('items: a wrapper at the level of its fixes', () => {
  it('"Try these fixes" right before `## 1.` and `## 2.` introduces them: its lead goes to the intro', () => {
    const markdown =
      '# Printer offline\n\nYour printer shows offline.\n\n## Try these fixes\n\nYou don’t have to try them all.\n\n## 1. Check the cable\n\nPlug it in.\n\n## 2. Restart the spooler\n\nRestart it.\n'
    const article = extract(markdown)
    expect(article.fixes.map((fix) => [fix.number, fix.title])).toEqual([
      [1, 'Check the cable'],
      [2, 'Restart the spooler']
    ])
    expect(article.intro.blocks.map((block) => block.type === 'paragraph' && block.markdown)).toEqual(['Your printer shows offline.', 'You don’t have to try them all.'])
  })

  it('the numbering may start in its own sub-section (`### Way 1` under it, `## Way 2` after it)', () => {
    const markdown = '# Scanner error\n\n## Fixes for the scanner error\n\nTwo ways.\n\n### Way 1: Install the driver manually\n\nA.\n\n## Way 2: Install the driver automatically\n\nB.\n'
    expect(titles(markdown)).toEqual(['Install the driver manually', 'Install the driver automatically'])
  })

  it('a wrapper-like title before items that are not numbered from 1 is an item of its own', () => {
    expect(titles('# T\n\n## Method: Update your graphics card\n\nA.\n\n## 4. Use the integrated card\n\nB.\n\n## 5. Reset\n\nC.\n')).toEqual(['Method: Update your graphics card', 'Use the integrated card', 'Reset'])
    expect(titles('# T\n\n## Extra tips\n\nA.\n\n## More\n\nB.\n')).toEqual(['Extra tips', 'More'])
  })
})

describe('steps: a list that restates the items is their table of contents', () => {
  const steps = (markdown: string) => {
    const article = extract(markdown)
    return [article.intro, ...article.fixes].map((part) => part.steps)
  }

  it('a numbered list of the fix titles before the fixes, worded a little apart (so cleaning kept it), is a list, not a procedure', () => {
    const markdown =
      '# Valorant won’t start\n\n## Try these fixes\n\nWork down the list.\n\n1. **Change your computer resolution**\n2. **Update your graphics driver**\n3. **Reinstall Valorant**\n\n## 1. Change your resolution\n\n1. Right-click the desktop.\n2. Click Display settings.\n\n## 2. Update your graphics driver\n\nUpdate it.\n\n## 3. Reinstall Valorant\n\nReinstall it.\n'
    expect(steps(markdown)).toEqual([[], [['Right-click the desktop.', 'Click Display settings.']], [], []])
    expect(extract(markdown).intro.blocks.at(-1)).toMatchObject({type: 'list', ordered: true})
  })

  it('one entry of three may be worded apart from its heading; a list that names other things stays a procedure', () => {
    const toc = '# Lag\n\n1. Reboot your network\n2. Use an wired connection\n3. Update your driver\n\n## 1. Reboot your network\n\nA.\n\n## 2. Use a wire connection\n\nB.\n\n## 3. Update your driver\n\nC.\n'
    expect(steps(toc)[0]).toEqual([])
    const procedure = '# Lag\n\n1. Open Settings\n2. Click Network\n3. Update your driver\n\n## 1. Reboot your network\n\nA.\n\n## 2. Update your driver\n\nC.\n'
    expect(steps(procedure)[0]).toEqual([['Open Settings', 'Click Network', 'Update your driver']])
  })
})

describe('steps: a walk through code is no procedure', () => {
  it('bullets after "In this code, you:" say what the code does; the numbered steps around them stay', () => {
    const markdown =
      '# Getting started\n\n## Add a generic function\n\n1.  Beneath the two functions, paste the following function.\n\n    ```\n    func Sum() {}\n    ```\n\n    In this code, you:\n\n    -   Declare a `Sum` function with two type parameters (inside the square brackets), `K` and `V`.\n    -   Specify for the `K` type parameter the type constraint `comparable`. Go requires that map keys be comparable.\n    -   Specify that the `m` argument is of type `map[K]V`, where `K` and `V` are the types already specified.\n2.  In main.go, paste the following code.\n\n## Run it\n\nRun it.\n'
    const [fix] = extract(markdown).fixes
    expect(fix!.steps).toEqual([['Beneath the two functions, paste the following function.', 'In main.go, paste the following code.']])
  })

  it('the same bullets after a lead-in that announces steps are steps', () => {
    const markdown = '# Getting started\n\n## Add a generic function\n\nDo the following:\n\n- Declare a `Sum` function.\n- Specify the type constraint.\n\n## Run it\n\nRun it.\n'
    expect(extract(markdown).fixes[0]!.steps).toEqual([['Declare a `Sum` function.', 'Specify the type constraint.']])
  })
})

describe('items: "Pick the way you prefer" introduces the ways', () => {
  it('right before `## Method 1` and `## Method 2` it is a wrapper, no fix', () => {
    const markdown = '# Audio driver\n\nNo sound.\n\n## Pick the way you prefer\n\nBoth work.\n\n## Method 1: Update the driver automatically\n\nA.\n\n## Method 2: Update the driver manually\n\nB.\n'
    expect(titles(markdown)).toEqual(['Update the driver automatically', 'Update the driver manually'])
  })
})

describe('items: an opening `Top N` heading counts the entries', () => {
  it('`## Top 3 Common Errors …` opening the body is its title, not item 3', () => {
    const article = extract('---\ntitle: Writing better prompts\n---\n\n## Top 3 Common Errors in Prompts\n\nAvoid these.\n\n## 1. Mixing topics\n\nA.\n\n## 2. Too many instructions\n\nB.\n\n## 3. No context\n\nC.\n')
    expect(article.headingTitle).toBe('Top 3 Common Errors in Prompts')
    expect(article.fixes.map((fix) => [fix.number, fix.title])).toEqual([
      [1, 'Mixing topics'],
      [2, 'Too many instructions'],
      [3, 'No context']
    ])
  })

  it('`## Top 1: Pandora` before `## Top 2: Spotify` is an entry', () => {
    expect(extract('---\ntitle: Music apps\n---\n\n## Top 1: Pandora\n\nA.\n\n## Top 2: Spotify\n\nB.\n').fixes.map((fix) => fix.title)).toEqual(['Pandora', 'Spotify'])
  })
})

describe('items: an ordered list of bold-titled fixes', () => {
  const entries = [
    '1. **Disable startup apps.** Open Task Manager, go to the Startup apps tab and disable what you do not need.',
    '2. **Turn off Fast Startup.** It causes trouble on some laptops.\n   1. Open Control Panel.\n   2. Click Choose what the power buttons do.\n   3. Untick Turn on fast startup.',
    '3. **Update your drivers:** install the latest chipset driver from the maker.'
  ].join('\n')
  const steps = (markdown: string) => extract(markdown).fixes.map((fix) => [fix.number, fix.title, fix.steps])

  it('under a heading that counts them, each entry is a fix with its number and its own procedure', () => {
    expect(steps(`Startup is slow.\n\n## 3 fixes for slow startup\n\n${entries}\n`)).toEqual([
      [1, 'Disable startup apps', []],
      [2, 'Turn off Fast Startup', [['Open Control Panel.', 'Click Choose what the power buttons do.', 'Untick Turn on fast startup.']]],
      [3, 'Update your drivers', []]
    ])
  })

  it("the article's title may give the count, or the sentence before the list offer them as alternatives", () => {
    expect(titles(`# Slow Startup? 3 Fixes That Work\n\nStartup is slow.\n\n${entries}\n`)).toEqual(['Disable startup apps', 'Turn off Fast Startup', 'Update your drivers'])
    expect(titles(`## Slow startup\n\nTry these fixes in any order:\n\n${entries}\n`)).toEqual(['Disable startup apps', 'Turn off Fast Startup', 'Update your drivers'])
  })

  it('bold-led steps stay steps: without a count or an offer, inside a numbered fix, or when the bold is a word of the sentence', () => {
    const procedure = '1. **Open Settings.** Press Win+I.\n2. **Go to Windows Update.** It is in the sidebar.\n3. **Check for updates.** Click the button.\n'
    const updates = extract(`# Slow updates\n\nUpdates are slow.\n\n## How to fix slow updates\n\n${procedure}`)
    expect([updates.fixes.length, updates.intro.steps.flat().length]).toEqual([0, 3])
    expect(extract(`# Slow PC\n\nThe PC is slow.\n\n## Fix 3: Reset the PC\n\nDo this:\n\n${entries}\n`).fixes.map((fix) => fix.title)).toEqual(['Reset the PC'])
    const sentences = '1. **Restart** your computer.\n2. **Open** Device Manager.\n'
    const driver = extract(`# Driver error\n\nThe driver fails.\n\n## 2 fixes for the driver\n\n${sentences}`)
    expect([driver.fixes.length, driver.intro.steps.flat().length]).toEqual([0, 2])
  })
})

describe('items: paragraphs opened by a bold number, offered as alternatives', () => {
  // Excerpt shape of a driver site's flicker page: `**N.**` statements, some with an explanation under them.
  const causes = [
    '**1.** The problem may be an outdated driver. Update the graphics driver.',
    'Driver Easy can do it for you.',
    '**2.** Change the refresh rate to match your monitor.',
    '**3.** The problem can be a virus. Run an antivirus scan.'
  ].join('\n\n')
  const items = (markdown: string) => extract(markdown).fixes.map((fix) => [fix.number, fix.title, fix.blocks.length])

  it('after "try … in any order" each is a fix, its text the title, its explanation its content; one with none still stands', () => {
    expect(items(`# Flickering screen\n\nYou may try the steps below in any order.\n\n${causes}\n`)).toEqual([
      [1, 'The problem may be an outdated driver. Update the graphics driver.', 1],
      [2, 'Change the refresh rate to match your monitor.', 0],
      [3, 'The problem can be a virus. Run an antivirus scan.', 0]
    ])
  })

  it('without an offer, out of order or inside a numbered fix they stay step paragraphs', () => {
    const procedure = extract(`# Flickering screen\n\nDo this:\n\n${causes}\n`)
    expect([procedure.fixes.length, procedure.intro.steps.flat().length]).toEqual([0, 3])
    expect(items(`# Flickering screen\n\nTry these in any order.\n\n${causes.replace('**2.**', '**5.**')}\n`)).toEqual([])
    expect(items(`# Flickering screen\n\nIntro.\n\n## Fix 1: Check the screen\n\nTry these in any order.\n\n${causes}\n`).map(([number]) => number)).toEqual([1])
  })
})

describe('items: headings that number themselves in words', () => {
  const numbered = (markdown: string) => extract(markdown).fixes.map((fix) => [fix.number, fix.title])
  // Excerpt shape of a driver site's repair guide: three sibling headings led by `Firstly,` / `Then,` / `Last,`.
  const guide = '# Fix the monitor\n\nIntro.\n\n## Here’s how\n\n### Firstly, uninstall HP My Display on your computer\n\n1. Open Control Panel.\n2. Uninstall it.\n\n### Then, update your graphics card driver\n\nRun the updater.\n\n### Last, reinstall HP My Display\n\nInstall it again.\n'

  it('`Firstly, …`, `Then, …`, `Last, …` are items 1, 2, 3, titled without the words, and the article is a guide', () => {
    expect(numbered(guide)).toEqual([
      [1, 'uninstall HP My Display on your computer'],
      [2, 'update your graphics card driver'],
      [3, 'reinstall HP My Display']
    ])
    const {evidence} = extract(guide)
    // Without their words the titles are repair actions (Uninstall, Update): the labels keep that they are a sequence.
    expect(evidence.itemLabels).toEqual(['sequence', 'sequence', 'sequence'])
    expect(classifyKind('Fix the monitor', evidence)).toBe('guide')
    expect(numbered('# T\n\n## First, back up\n\nA.\n\n## Second, reset\n\nB.\n')).toEqual([[1, 'back up'], [2, 'reset']])
  })

  it('no numbers without a comma after the word, without a first, with a number of their own or an ordinal out of place', () => {
    expect(numbered('# T\n\n## First Things to Check\n\nA.\n\n## Then Reset It\n\nB.\n').map(([number]) => number)).toEqual([null, null])
    expect(numbered('# T\n\n## Then, reset\n\nA.\n\n## Finally, reboot\n\nB.\n').map(([number]) => number)).toEqual([null, null])
    expect(numbered('# T\n\n## First, back up\n\nA.\n\n## Third, reset\n\nB.\n').map(([number]) => number)).toEqual([null, null])
    expect(numbered('# T\n\n## Fix 1: Firstly, back up\n\nA.\n\n## Then, reset\n\nB.\n')[0]).toEqual([1, 'Firstly, back up'])
  })

  it('a step that holds numbered ways of its own keeps them as the items', () => {
    const ways = '# T\n\n## First, uninstall the driver\n\nA.\n\n## Then, install the new driver\n\n### Way 1: Manually\n\n1. Download it.\n2. Run it.\n\n### Way 2: Automatically\n\n1. Open the tool.\n2. Click Update.\n'
    expect(numbered(ways).filter(([number]) => number !== null)).toEqual([[1, 'Manually'], [2, 'Automatically']])
  })
})
