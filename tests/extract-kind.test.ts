import {describe, expect, it} from 'vitest'
import {classifyKind, extractArticle, type KindEvidence} from '../src/stages/extract/index.js'
import {clean} from './helpers/run.js'

const evidence = (itemTitles: string[], extra: Partial<KindEvidence> = {}): KindEvidence => ({
  itemTitles,
  itemLabels: itemTitles.map(() => null),
  numberedItems: 0,
  steps: 0,
  headline: null,
  codeBlocks: 0,
  codeSpans: 0,
  itemsNamingCode: 0,
  codeItems: 0,
  weighedWays: 0,
  offersAlternatives: false,
  ...extra
})

describe('kind: what the items and titles say', () => {
  it.each([
    // Awards as items are a "best X" list, even under a "Reviews" title.
    ['Leading Cable Modem Reviews & Comparisons', evidence(['Best Overall', 'Best Performance', 'Best Design', 'What to Look For in a Cable Modem']), 'list'],
    ['Ultimate Selection: Durable Google Pixel Sleeves', evidence(['Best Pixel 7 Cases', 'Best Pixel 7 Pro Cases']), 'list'],
    // A review's sections after the product's name.
    ['Has Dashlane Lost Its Edge?', evidence(['Dashlane Review in Brief', 'Dashlane Features', 'Dashlane Cost: The Price You Pay', 'Ease of Use']), 'review'],
    ['Elevate Your Game Sound with These Speakers', evidence(['ZDNET takeaways', "ZDNET's buying advice", 'When does this deal expire?']), 'review'],
    // Items that read as a sequence are one procedure.
    ['Troubleshooting Guide: Fixing HP Monitor Issues', evidence(['Firstly, uninstall HP My Display', 'Then, update your graphics card driver', 'Last, download the latest version']), 'guide'],
    // A "top N" title over product names is a list, though it says "solutions".
    ['Top 6 Online and Offline Video Stabilizer Solutions', evidence(['CapCut', 'VIDIO.AI', 'Topaz Video AI']), 'list'],
    ['Top Rated Workout Headphones: Professional Testing & Reviews', evidence(['Which headphones are right for you?', 'How we test headphones']), 'list'],
    ['Review of the Best GBA Emulators', evidence(['For iOS Users', 'For Android Users']), 'list'],
    // Sections that weigh one product (its evaluation, a comparison) make a review, though the title calls it a guide.
    [
      'Top-Ranked Shotcut Video Editor: A Comprehensive Guide',
      evidence(['What Are ShotCut Video Editor?', 'Is ShotCut Free?', 'Evaluation of the ShotCut from a Users Perspective', 'Comparison Chat about OpenShot vs. ShotCut', 'For Desktop'], {steps: 7}),
      'review'
    ],
    // A comparison over numbered points is a list of reasons; over numbered sections and questions it stays a review.
    ['Earbuds or Headphones - A Detailed Comparison', evidence(['You like how small they are', 'You have a limited budget', "You don't want to cover your whole ear"], {numberedItems: 3}), 'list'],
    [
      '9 Pros and Cons of the Django Framework',
      evidence(['How do web developers use Python?', 'What is the Django framework?', 'Advantages and disadvantages of Django', 'How to learn Python and the Django framework'], {numberedItems: 4}),
      'review'
    ],
    // A tutorial's unnumbered stages, mostly instructions, are one procedure.
    ['Containerize a .NET application | Docker Docs', evidence(['Get the sample applications', 'Initialize Docker assets', 'Run the application', 'Next steps']), 'guide'],
    // An explainer answering questions is no set of fixes, whatever its title says.
    ['Vulkan Runtime Libraries: Definition, Usage, and Common Issues', evidence(['What is Vulkan RunTime Libraries?', 'What to do with Vulkan Run Time Libraries?'], {steps: 3}), 'news'],
    ['Microsoft Faces a Challenge with Windows 10', evidence(['When does support end?', 'How many PCs run Windows 10 today?', 'Will Microsoft extend the deadline?'], {steps: 3}), 'news'],
    // Numbered instructions that are not troubleshooting are one procedure; troubleshooting actions are fixes.
    ['From LastPass to iCloud', evidence(['Open iCloud for Windows', 'Sign in to your iCloud Passwords', 'Add browser extension', 'Enable Autofill'], {numberedItems: 4}), 'guide'],
    ['Getting your sound back', evidence(['Restart the PC', 'Update the audio driver', 'Run the troubleshooter'], {numberedItems: 3}), 'fixes'],
    // Ways to one goal: the items share their verb.
    ['Step-by-Step Guide to Capturing Bigo Livestreams', evidence(['How to Record BIGO Live on PC', 'How to Record BIGO Live on Android', 'How to Record BIGO Live on iOS']), 'fixes'],
    // A second headline counts as a title.
    ['Discover the Ideal Free PDF Apps', evidence(['JotForm Free PDF Editor', 'PDFescape - Online free PDF editor'], {steps: 8, headline: 'Top 11 Free PDF Editor'}), 'list'],
    // A flat procedure with no sections: its steps are in the intro, and count.
    ['[Update Required] Pixma MP620 Drivers Missing', evidence([], {steps: 5}), 'guide'],
    // A page that shows code is a tutorial or a reference; the same sections without code read as news.
    ['Go For Loops', evidence(['The for Loop', 'The continue Statement', 'Nested Loops'], {codeBlocks: 4, codeItems: 3}), 'guide'],
    ['Go For Loops', evidence(['The for Loop', 'The continue Statement', 'Nested Loops']), 'news'],
    // Code in one section of a README's many describes a project, not a tutorial; two code blocks in a page without sections teach.
    ['responder: a familiar HTTP Service Framework', evidence(['Testimonials', 'More Examples', 'Installing Responder', 'The Basic Idea', 'Ideas', 'Development'], {codeBlocks: 4, codeItems: 1}), 'news'],
    ['Timers', evidence([], {codeBlocks: 2}), 'guide'],
    // A problem title over steps offered as alternatives ("try the steps below in any order") is fixes; the same steps without the offer, a procedure.
    ['Resolved: Laptop Display Flashes Unstably', evidence([], {steps: 6, offersAlternatives: true}), 'fixes'],
    ['Resolved: Laptop Display Flashes Unstably', evidence([], {steps: 6}), 'guide'],
    // Ways to one goal, each weighed (advantages, disadvantages) and each with its procedure, are fixes though they show code.
    ['Add JavaScript to Blazor', evidence(['JavaScript module and standard JavaScript', 'Global standard JavaScript', 'Load JavaScript module on demand'], {codeBlocks: 6, codeItems: 3, steps: 5, weighedWays: 2}), 'fixes'],
    ['Add JavaScript to Blazor', evidence(['JavaScript module and standard JavaScript', 'Global standard JavaScript', 'Load JavaScript module on demand'], {codeBlocks: 6, codeItems: 3, steps: 5, weighedWays: 1}), 'guide'],
    // Pros and cons of one product are a review; a number of scripts is a list.
    ['Python Flask pros and cons', evidence(['Lightweight and easy to learn', 'Few built-in tools']), 'review'],
    ['7 Most Useful Python Scripts', evidence(['Image compression', 'Wikipedia content', 'Text filter']), 'list']
  ])('%s → %s', (title, given, kind) => {
    expect(classifyKind(title, given)).toBe(kind)
  })
})

describe('items: Part N sections that are groups', () => {
  it('a Part section that is an item itself, after Part groups, has no item number', () => {
    const markdown =
      '# Best AI Video Stabilizers\n\nIntro.\n\n## Part 1. Best Stabilizers Online\n\n### CapCut\n\nA.\n\n### VIDIO.AI\n\nB.\n\n## Part 2. Best Stabilizers for PC\n\n### Topaz Video AI\n\nC.\n\n### Winxvideo AI\n\nD.\n\n## Part 3. Bonus: Best Video Enhancer Software\n\n1. Open it.\n2. Run it.\n'
    const article = extractArticle(clean(markdown).tree, []).article
    expect(article.fixes.map((fix) => [fix.number, fix.title, fix.group])).toEqual([
      [null, 'CapCut', 'Best Stabilizers Online'],
      [null, 'VIDIO.AI', 'Best Stabilizers Online'],
      [null, 'Topaz Video AI', 'Best Stabilizers for PC'],
      [null, 'Winxvideo AI', 'Best Stabilizers for PC'],
      [null, 'Bonus: Best Video Enhancer Software', null]
    ])
  })
})

/** The kind evidence extraction reads from an excerpt. */
const evidenceOf = (markdown: string) => extractArticle(clean(markdown).tree, []).article.evidence

describe('kind: pages that teach by code', () => {
  it('a reference page whose sections hold Syntax and Example sub-headings over unfenced code is a guide', () => {
    const markdown =
      '# Go For Loops\n\nThe for loop loops through a block of code.\n\n## Go for Loop\n\nEach execution of the loop is an iteration.\n\n### Syntax\n\nfor statement1; statement2; statement3 {  \n   // code to be executed  \n}\n\n## The continue Statement\n\nThe continue statement skips one iteration.\n\n### Example\n\npackage main  \nfunc main() {  \n}\n\n## The break Statement\n\nThe break statement ends the loop.\n\n### Example 1\n\nfor i:=0; i < 5; i++ {  \n}\n\n#### Example 1 explained\n\n- i:=0 initialises the counter.\n'
    const found = evidenceOf(markdown)
    expect(found.codeItems).toBe(3)
    expect(classifyKind('Go For Loops', found)).toBe('guide')
  })

  it("a README whose code sits in one section among testimonials and ideas is not a guide", () => {
    const markdown =
      '# responder\n\nA familiar HTTP service framework.\n\n## Testimonials\n\nPeople say it is nice to use for web services.\n\n## Installing Responder\n\n```shell\n$ pip install responder\n```\n\nOr from the repository:\n\n```shell\n$ pip install -e .\n```\n\n## Ideas\n\nFlask-style route expression, with new-style string formatting.\n\n## Supported by\n\nA company that sponsors the project with licences.\n'
    const found = evidenceOf(markdown)
    expect(found).toMatchObject({codeBlocks: 2, codeItems: 1})
    expect(classifyKind('responder', found)).toBe('news')
  })
})

describe('kind: ways to one goal, each weighed', () => {
  it('counts the items with an Advantages or Disadvantage sub-heading and steps of their own, not a section weighed without steps', () => {
    const found = evidenceOf(
      '# Add JavaScript to Blazor\n\nBefore you can use a library, add it.\n\n## JavaScript module and standard JavaScript\n\nThere are 2 types of JavaScript.\n\n### Advantages\n\nA module keeps its names apart.\n\n## Global standard JavaScript\n\nThe script loads with the page.\n\n### Advantages\n\nIt is loaded once.\n\n### Disadvantages\n\nIt blocks the render thread.\n\n### Implementation\n\n1. Put your standard JavaScript file in the wwwroot folder.\n2. In your wwwroot/index.html, add the script tag.\n\n## Load JavaScript module on demand\n\nThe module loads when a component needs it.\n\n### Disadvantage\n\nIt cannot be global.\n\n### Implementation\n\n1. In your component, inject the IJSRuntime.\n2. Declare a Lazy reference for each module.\n'
    )
    expect(found.weighedWays).toBe(2)
    expect(classifyKind('Add JavaScript to Blazor', found)).toBe('fixes')
  })
})

describe('kind: alternatives offered in the intro', () => {
  it('reads "try the steps below in any order" from the intro paragraph', () => {
    const found = evidenceOf('# Resolved: Laptop Display Flashes Unstably\n\nIf your laptop screen keeps flickering, you may try the steps below in any order to troubleshoot the problems.\n\n1. Update the graphics card driver.\n2. Change the refresh rate to match your monitor.\n3. Run an antivirus scan.\n')
    expect(found).toMatchObject({offersAlternatives: true, steps: 3})
    expect(classifyKind('Resolved: Laptop Display Flashes Unstably', found)).toBe('fixes')
  })
})

describe('kind: a reference that names code', () => {
  it("a man page's options (code in its lists, no procedure) is a guide; an essay that sets two words as code stays news", () => {
    const options = ['--dev', '--build', '--target', '--dry-run', '--verbose', '--quiet', '--color', '--manifest-path', '--locked', '--offline']
    const reference = evidenceOf(`# cargo-add(1)\n\n## DESCRIPTION\n\nAdd dependencies to a \`Cargo.toml\` manifest.\n\n## OPTIONS\n\n${options.map((option) => `- \`${option}\`\n\n  What ${option} does.`).join('\n\n')}\n\n## EXIT STATUS\n\nZero on success.\n`)
    expect(reference).toMatchObject({codeSpans: 11, itemsNamingCode: 2})
    expect(classifyKind('cargo-add(1)', reference)).toBe('guide')
    // The same code in one section of a project's README of four: the README describes the project.
    const readme = evidenceOf(`# Responder\n\n## Features\n\nA familiar HTTP framework.\n\n## Testimonials\n\nPeople like it.\n\n## Installing\n\n${options.map((option) => `- \`${option}\``).join('\n')}\n\n## Ideas\n\nMore to come.\n`)
    expect(readme).toMatchObject({codeSpans: 10, itemsNamingCode: 1})
    expect(classifyKind('Responder', readme)).toBe('news')
    const essay = evidenceOf('# Why the old web was better\n\n## Pages\n\nPages were small, and `<blink>` was the worst of it.\n\n## Now\n\nNow every page ships a `bundle.js` of megabytes.\n')
    expect(essay.codeSpans).toBe(2)
    expect(classifyKind('Why the old web was better', essay)).toBe('news')
  })
})
