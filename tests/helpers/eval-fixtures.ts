/**
 * Hand-made gold annotations and fix sets of both output shapes, for the
 * tests of `fixset eval --gold`. The expected figures in the tests are
 * reasoned from these, item by item (see the comments there).
 */
import type {Gold} from '../../src/evaluate/gold.js'

/** A `fixes` article with three fixes, an FAQ, strings to keep and boilerplate to lose. */
export const fixesGold: Gold = {
  path: 'site/error-fixes.md',
  kind: 'fixes',
  title: 'Fix the Error Fast',
  title_source: 'frontmatter',
  items: [
    {title: 'Update the graphics driver', number: 1, group: null, steps: [['Press Windows + X and', 'Expand Display adapters and right-click']]},
    {title: 'Restart your computer', number: 2, group: null, steps: []},
    {
      title: 'Run the troubleshooter',
      number: 3,
      group: null,
      steps: [
        ['Open Settings and go to', 'Click Troubleshoot'],
        ['Select Other troubleshooters', 'Click Run next to']
      ]
    }
  ],
  faq: ['Why does the error come back?', 'Is it safe to update drivers?'],
  other_sections: [],
  keep: ['Press Windows + X and choose Device Manager', 'a sentence that the build lost'],
  junk: ['Subscribe to our newsletter', 'Save my name, email, and website'],
  notes: 'test fixture'
}

/** Schema 2: blocks, step groups, kind and FAQ. */
export const fixesV2 = {
  schemaVersion: 2,
  id: 'error-fixes',
  title: '**Fix** the error fast',
  kind: 'fixes',
  aliases: [],
  sources: [{path: 'site/error-fixes.md', sha256: '', title: 'Fix the Error Fast', date: null}],
  intro: {blocks: [{type: 'paragraph', markdown: 'Subscribe to our newsletter today.'}], steps: [], images: [], videos: []},
  sections: [],
  faq: [
    {question: 'Why does the error come back after a restart?', answer: 'A driver update undoes it.'},
    {question: 'Where can I download drivers?', answer: 'From the maker.'}
  ],
  fixes: [
    {
      number: 1,
      title: 'Method 1: Update the Graphics Driver',
      group: null,
      blocks: [
        {type: 'paragraph', markdown: 'Drivers go stale.'},
        {type: 'steps', start: 1, steps: ['Press **Windows + X** and choose **Device Manager**.', 'Expand [Display adapters](#display) and right-click your card.']}
      ],
      steps: [['Press **Windows + X** and choose **Device Manager**.', 'Expand [Display adapters](#display) and right-click your card.']],
      images: [],
      videos: []
    },
    {
      number: null,
      title: 'Fix Two – Run the Windows troubleshooter',
      group: null,
      blocks: [
        {type: 'steps', start: 1, steps: ['Open **Settings** and go to System.', 'Click Troubleshoot.']},
        {type: 'paragraph', markdown: '### Fix 3: Something else'},
        {type: 'image', url: 'https://example.com/a.png', alt: null}
      ],
      steps: [['Open **Settings** and go to System.', 'Click Troubleshoot.']],
      images: [{url: 'https://example.com/a.png', alt: null}],
      videos: []
    },
    {number: 3, title: 'Newsletter', group: null, blocks: [], steps: [], images: [], videos: []}
  ],
  outro: null
}

export const fixesV2Markdown = [
  '# Fix the error fast',
  '',
  'Subscribe to our newsletter today.',
  '',
  '## Method 1: Update the Graphics Driver',
  '',
  'Drivers go stale.',
  '',
  '1. Press **Windows + X** and choose **Device Manager**.',
  '2. Expand [Display adapters](#display) and right-click your card.',
  ''
].join('\n')

/** A template shell, rejected by the build. */
export const shellGold: Gold = {
  path: 'site/shell.md',
  kind: 'not-an-article',
  title: 'Shell',
  items: [],
  faq: [],
  other_sections: [],
  keep: [],
  junk: ['{{post-main-content}}']
}

/** A guide whose copy is a duplicate: the fix set has the canonical's title, the copy's own title is recorded in `sources`. */
export const guideGold: Gold = {
  path: 'site/copy.md',
  kind: 'guide',
  title: 'How to Install the App',
  items: [{title: 'Install the app', number: null, group: null, steps: [['Download the installer from', 'Run the installer and']]}],
  faq: [],
  other_sections: [],
  keep: ['Download the installer from the site'],
  junk: []
}

/** Schema 1: `text` and one flat `steps` array per fix, no kind, no FAQ. */
export const guideV1 = {
  id: 'install-app',
  title: 'Installing the App on Windows',
  aliases: ['How to Install the App'],
  description: null,
  sources: [
    {path: 'site/original.md', sha256: '', title: 'Installing the App on Windows', date: null},
    {path: 'site/copy.md', sha256: '', title: 'How to Install the App', date: null}
  ],
  intro: {text: [], steps: [], images: [], videos: []},
  fixes: [
    {
      number: null,
      title: 'Install the App',
      text: ['Get the app.', '### Step 1 Download'],
      steps: ['Download the installer from the site.', 'Run the installer and follow the prompts.', '![shot](https://example.com/s.png) Restart.', '[Fix 1](#fix-1)'],
      images: [],
      videos: []
    },
    {number: null, title: '', text: [], steps: [], images: [], videos: []}
  ],
  outro: null
}

export const guideV1Markdown = '# Installing the App on Windows\n\n## Install the App\n\n1. Download the installer from the site.\n'
