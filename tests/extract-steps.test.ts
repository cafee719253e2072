import {describe, expect, it} from 'vitest'
import {extractArticle} from '../src/stages/extract/index.js'
import {clean} from './helpers/run.js'

/** The first fix of `## 1. Fix` followed by the excerpt. */
const fixOf = (markdown: string) => extractArticle(clean(`# Title\n\n## 1. Fix\n\n${markdown}`).tree, []).article.fixes[0]!
const stepsOf = (markdown: string) => fixOf(markdown).steps
const typesOf = (markdown: string) => fixOf(markdown).blocks.map((block) => block.type)

describe('steps written as lines of one paragraph', () => {
  it('`Step N:` lines joined by line breaks are one step each', () => {
    expect(stepsOf('Step 1: Open Apple Music first.  \nStep 2: Change the import settings.  \nStep 3: Click **OK** to confirm.\n')).toEqual([
      ['Open Apple Music first.', 'Change the import settings.', 'Click **OK** to confirm.']
    ])
  })

  it('a step glued to the note before it (`…manual.␤4\\. Restart`) carries on the list, the note stays in place', () => {
    const markdown = '1. Download the tool.\n2. Run it.\n3. Click Update All.\n\nYou can also click Update, but it is partly manual.\n4. Restart your computer.\n'
    expect(stepsOf(markdown)).toEqual([['Download the tool.', 'Run it.', 'Click Update All.', 'Restart your computer.']])
    expect(typesOf(markdown)).toEqual(['steps', 'paragraph', 'steps'])
  })

  it('a bold tip line then numbered lines: the tip is text, the lines a procedure of their own', () => {
    const fix = fixOf('1. Open iMovie.\n2. Export the clip.\n\n**Tip. How to mute part of a video?**  \n1\\. Detach the audio.  \n2\\. Delete the clip.\n')
    expect(fix.steps).toEqual([['Open iMovie.', 'Export the clip.'], ['Detach the audio.', 'Delete the clip.']])
    expect(fix.blocks.map((block) => block.type)).toEqual(['steps', 'paragraph', 'steps'])
  })

  it('lines that are in-page anchor links are a table of contents, not steps', () => {
    expect(stepsOf('Two methods work.\n\nStep 1: [Perform a hard reset](#m2)  \nStep 2: [Update the drivers](#m3)\n')).toEqual([])
    expect(stepsOf('Try these fixes in order.\n\n1. [Run as admin](#fix1)\n2. [Update your graphics driver](#fix2)\n')).toEqual([])
  })
})

describe('step markers', () => {
  it('`N:` paragraphs are steps (not a time such as 10:30)', () => {
    expect(stepsOf('1: Sign in to the account.\n\n2: Choose Manage Account.\n\nIt closes at 10:30 every day.\n')).toEqual([['Sign in to the account.', 'Choose Manage Account.']])
  })

  it('`Step one:` numbers written as words', () => {
    expect(stepsOf('Step one: press the **Scan Now** button.\n\nStep two: press the **Update** button.\n')).toEqual([['press the **Scan Now** button.', 'press the **Update** button.']])
  })

  it('bare numbers under `Step N` headings are each heading step’s own sub-procedure; a `Step N:` paragraph carries on the headings', () => {
    const markdown =
      '### Step 1: Remove associated devices\n\n1: Back up your files.\n\n2: Sign in to the website.\n\n### Step 2: Delete the account\n\n1: Sign in again.\n\nStep 3:\n\nRead the terms and confirm.\n'
    expect(stepsOf(markdown)).toEqual([
      ['Remove associated devices', 'Delete the account', 'Read the terms and confirm.'],
      ['Back up your files.', 'Sign in to the website.'],
      ['Sign in again.']
    ])
  })

  it('a step the page printed twice (same number, same words) is kept once', () => {
    const markdown = '1. Download it.\n2. Run it.\n3. Click Update.\n4. Restart your computer.\n\nIf you need help, contact support.\n\n4) Restart your computer.\n'
    expect(stepsOf(markdown)).toEqual([['Download it.', 'Run it.', 'Click Update.', 'Restart your computer.']])
  })
})

describe('bullet procedures', () => {
  it('one-item bullet lists between screenshots are read together as one procedure', () => {
    const markdown = '- Open Safari and tap Preferences\n\n![a](https://x.test/a.png)\n\n- Now select Extensions\n\n![b](https://x.test/b.png)\n\n- Look for odd extensions and uninstall them.\n'
    expect(stepsOf(markdown)).toEqual([['Open Safari and tap Preferences', 'Now select Extensions', 'Look for odd extensions and uninstall them.']])
    expect(typesOf(markdown)).toEqual(['steps', 'image', 'steps', 'image', 'steps'])
  })

  it('a lead-in that announces steps lets half the items be imperative; without it two thirds are needed', () => {
    const bullets = '▪ Open VLC.  \n▪ The Effects window opens.  \n▪ Click **Save**.  \n▪ As you alter settings, a preview shows.\n'
    expect(stepsOf(`Here are the steps:\n\n${bullets}`)).toEqual([['Open VLC.', 'The Effects window opens.', 'Click **Save**.', 'As you alter settings, a preview shows.']])
    expect(stepsOf(`VLC is a player.\n\n${bullets}`)).toEqual([])
  })

  it('"the following" announces steps only as "do the following" or "the following steps", not things to have', () => {
    expect(stepsOf('You need the following two software available on your computer −\n\n- A text editor\n- Go compiler\n')).toEqual([])
    expect(stepsOf('Do the following:\n\n- Open the archive.\n- The installer starts.\n')).toEqual([['Open the archive.', 'The installer starts.']])
  })

  it('an imperative after a short opening clause counts ("On the left panel, click")', () => {
    expect(stepsOf('- Start VLC\n- On the left panel, click Video\n- In the pop-up menu, tap Develop\n')).toEqual([['Start VLC', 'On the left panel, click Video', 'In the pop-up menu, tap Develop']])
  })

  it('items that define terms are no procedure, even when they open with a verb', () => {
    expect(stepsOf('- Install for User or System: This setting decides who gets the app.\n- Allow Users to Interact with the Installation: Allows prompts.\n')).toEqual([])
    expect(stepsOf('- **Install a non-Microsoft operating system.** Maybe this is the year.\n- **Keep running Windows 10.** Hope for the best.\n')).toEqual([])
  })
})

describe('one bullet that is an instruction with its code', () => {
  it('a bullet announcing the code after it is a one-step procedure; the code and its recap follow as blocks', () => {
    const markdown = '#### Write the code\n\n-   In main.go, beneath the code you already have, paste the following code.\n    \n    ```\n    fmt.Println(SumIntsOrFloats(ints))\n    ```\n    \n    In this code, you:\n    \n    -   Call the generic function, omitting the type arguments.\n'
    expect(stepsOf(markdown)).toEqual([['In main.go, beneath the code you already have, paste the following code.']])
    expect(typesOf(markdown)).toEqual(['heading', 'steps', 'code', 'paragraph', 'list'])
  })

  it('a bullet that only describes code, or names none, is no step', () => {
    expect(stepsOf('-   The result of the sum is printed:\n    \n    ```\n    46\n    ```\n')).toEqual([])
    expect(stepsOf('-   Paste the following code.\n')).toEqual([])
  })
})

describe('numbered lists that are not procedures', () => {
  it('bullets that recap the code just shown ("In this code, you:") are no procedure, though they open with verbs', () => {
    expect(stepsOf('In this code, you:\n\n- Declare a function with two type parameters.\n- Specify the type constraint for the key.\n- Specify that the argument is a map.\n')).toEqual([])
    // The same verbs led in as things to do are a procedure.
    expect(stepsOf('To finish, you should:\n\n- Declare a function with two type parameters.\n- Specify the type constraint for the key.\n')).toHaveLength(1)
  })

  it('a list led in as features (numbered list, bullets or numbered lines) is no procedure', () => {
    expect(stepsOf('Editor features:\n\n1. Rotate PDF pages.\n2. Convert to PDF from Word.\n')).toEqual([])
    expect(stepsOf('Editor features:\n\n- Rotate PDF pages.\n- Convert to PDF from Word.\n')).toEqual([])
    expect(stepsOf('Main features of the converter:\n\n1\\. Convert videos in bulk.  \n2\\. Remove audio tracks.\n')).toEqual([])
  })

  it('items that are a plain term and its definition', () => {
    expect(stepsOf('1. It also offers real-time protection.\n2. Ransomware Protection – Protect yourself from ransomware.\n3. Zero Day Protection – Protect yourself from exploits.\n')).toEqual([])
  })

  it('numbered steps written `action – action` stay steps', () => {
    expect(stepsOf('1. Open Settings – Click Update.\n2. Go to Privacy – Select Camera.\n')).toEqual([['Open Settings – Click Update.', 'Go to Privacy – Select Camera.']])
  })

  it('items that say what one can do, not what to do', () => {
    expect(stepsOf('1. You are allowed to define the video quality.\n2. You can cut the video by its start and end.\n')).toEqual([])
  })
})

describe('images inside a step', () => {
  it('an icon inside a sentence leaves the words whole and follows the step', () => {
    const fix = fixOf('1. On your keyboard, press the **Windows logo** ![win](https://x.test/w.png) key and **R** at the same time.\n2. Type **cmd**.\n')
    expect(fix.steps[0]![0]).toMatch(/^On your keyboard, press the \*\*Windows logo\*\* +key and \*\*R\*\* at the same time\.$/)
    expect(fix.blocks.map((block) => block.type)).toEqual(['steps', 'image', 'steps'])
    expect(fix.images).toEqual([{url: 'https://x.test/w.png', alt: 'win'}])
  })

  it('an image inside bold words is brought out of them (`**Windows logo key ![](win.png)**`)', () => {
    const fix = fixOf('1. On your keyboard, press the **Windows logo key ![](https://x.test/w.png)** and **R** together.\n2. Type **cmd**.\n')
    expect(fix.steps[0]![0]).toMatch(/^On your keyboard, press the \*\*Windows logo key\*\* +and \*\*R\*\* together\.$/)
    expect(fix.images).toEqual([{url: 'https://x.test/w.png', alt: null}])
  })

  it('a linked screenshot between bullet steps does not end their procedure', () => {
    const markdown = '- Open Safari and tap Preferences\n\n[![a](https://x.test/a.png)](https://x.test/a.png)\n\n- Now select Extensions\n'
    expect(stepsOf(markdown)).toEqual([['Open Safari and tap Preferences', 'Now select Extensions']])
  })
})
