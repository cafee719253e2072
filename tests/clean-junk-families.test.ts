/**
 * Boilerplate families the gold annotations found left (webclips and the
 * shared corpus): one fixture per mechanism, a short excerpt of the shape
 * seen in the corpora, with what must be left of it and what must stay.
 */
import {describe, expect, it} from 'vitest'
import {clean} from './helpers/run.js'
import {isBadgeUrl} from '../src/stages/clean/rules/drop-badges.js'

const rules = (markdown: string) => (clean(markdown).file.data.changes ?? []).map((change) => change.ruleId)

describe('badge-image', () => {
  it("a README's row of status badges goes with its links; a screenshot stays", () => {
    const input = [
      '[![ci-tests](https://github.com/kennethreitz/responder/actions/workflows/test.yaml/badge.svg)](https://github.com/kennethreitz/responder/actions/workflows/test.yaml) [![Documentation Status](https://github.com/kennethreitz/responder/actions/workflows/pages/pages-build-deployment/badge.svg)](https://responder.kennethreitz.org/) [![downloads](https://static.pepy.tech/badge/responder/month)](https://pepy.tech/project/responder)',
      'Responder is powered by Starlette.',
      '![The badge settings page](https://example.com/img/badge-settings.png)'
    ].join('\n\n')
    expect(clean(input).markdown).toBe('Responder is powered by Starlette.\n\n![The badge settings page](https://example.com/img/badge-settings.png)')
    expect(rules(input).filter((rule) => rule === 'badge-image')).toHaveLength(3)
  })

  it('an address behind GitHub\'s camo proxy is read from its hexadecimal: shields.io is a badge, a photo is not', () => {
    const hex = (url: string) => Buffer.from(url).toString('hex')
    expect(isBadgeUrl(`https://camo.githubusercontent.com/38f7d2fe/${hex('https://img.shields.io/pypi/v/responder.svg')}`)).toBe(true)
    expect(isBadgeUrl(`https://camo.githubusercontent.com/becfe395/${hex('https://farm2.staticflickr.com/1959/43750081370_a4e20752de_o_d.png')}`)).toBe(false)
  })
})

describe('empty-heading', () => {
  it('a heading the rules left over nothing at the end goes; a heading that ends the source itself stays', () => {
    // W3Schools' exercise box: its certificate button goes as `site-button`-like chrome here through an empty-link shell, leaving the heading over nothing.
    const emptied = 'Result:\n\n## Go Exercises\n\n[](https://campus.w3schools.com/products/w3schools-full-access-course)\n'
    expect(clean(emptied).markdown).toBe('Result:')
    expect(rules(emptied)).toEqual(['empty-link', 'empty-heading'])
    expect(clean('Result:\n\n## Accessing elements\n').markdown).toBe('Result:\n\n## Accessing elements')
    expect(clean('# Title\n').markdown).toBe('# Title')
  })
})

describe('forum chrome and avatars', () => {
  it("a thread's avatars, `More replies` buttons and commenter badges go; the posts stay", () => {
    const input = [
      '[![u/juli1 avatar](https://www.redditstatic.com/avatars/defaults/v2/avatar_default_0.png)](https://www.reddit.com/user/juli1/)',
      "Isn't black about code formatting only?",
      '[More replies](https://www.reddit.com/r/Python/comments/xef3u2/comment/ioi8ba4/) [More replies](https://www.reddit.com/r/Python/comments/xef3u2/comment/iq9oymq/)',
      '![Profile Badge for the Achievement Top 1% Commenter](https://i.redd.it/qwkcwa2zi3yd1.png) Top 1% Commenter',
      'CodeQL is a common next step.'
    ].join('\n\n')
    expect(clean(input).markdown).toBe("Isn't black about code formatting only?\n\nCodeQL is a common next step.")
  })
})

describe('date-line: a byline of glued links', () => {
  it('an author link glued to the published and updated dates goes; a sentence with a date stays', () => {
    const input = '[harendra21](https://withcodeexample.com/author/harendra21/)[Jan 10, 2025Aug 31, 2024](https://withcodeexample.com/7-most-useful-python-scripts/)\n\nVersion 2 was released on Jan 10, 2025.'
    expect(clean(input).markdown).toBe('Version 2 was released on Jan 10, 2025.')
  })
})

describe('a lead-in and a label of removed link boxes', () => {
  it("a table of contents' lead-in goes with its toc", () => {
    const input = 'Next, how to learn it.\n\nIf you want to skip ahead to a section, simply use the table of contents:\n\n1. [How do web developers use Python?](#how-do-web-developers-use-python)\n2. [What is Django?](#what-is-django)\n\n## 1. How do web developers use Python?\n\nText.'
    expect(clean(input).markdown).toBe('Next, how to learn it.\n\n## 1. How do web developers use Python?\n\nText.')
  })

  it('the closing related-articles list goes with its one-sentence lead-in or bold label, a link split in two pieces included', () => {
    const leadIn = [
      'So there we have it.',
      'If you’re curious to learn more about Python, then check out these articles:',
      '- [What Is the Average Python Developer Salary?](https://careerfoundry.com/en/blog/a/)\n- [What Are the Web Development Bootcamps](https://careerfoundry.com/en/blog/b/)[?](https://careerfoundry.com/en/blog/b/)'
    ].join('\n\n')
    expect(clean(leadIn).markdown).toBe('So there we have it.')
    const bold = 'That could increase the security risk.\n\n**Related links**\n\n- [Flask beginners tutorial](https://pythonbasics.org/flask-tutorial-hello-world/)\n- [Learn Python](https://pythonprogramminglanguage.com/)\n'
    expect(clean(bold).markdown).toBe('That could increase the security risk.')
  })

  it('a paragraph of two sentences before a trailing list keeps its text', () => {
    const input = 'We tested every tool. These are the ones we use:\n\n- [Black](https://example.com/black)\n- [Ruff](https://example.com/ruff)\n'
    expect(clean(input).markdown).toBe('We tested every tool. These are the ones we use:')
  })
})

describe('chrome-section: a banner card under a heading', () => {
  it('a heading over one linked picture without words goes; a heading over a described picture stays', () => {
    const input = [
      'It all comes already set up.',
      '#### Career change: How I became a web developer',
      '[![](https://careerfoundry.com/en/wp-content/uploads/2022/12/white_background_with_people_2.png)](https://careerfoundry.com/en/magazine/community-manager-to-software-developer/)',
      '#### Versatility',
      'The scalability benefits extend to what you build.',
      '### Dell XPS 13',
      '[![Dell XPS 13 on a desk](https://example.com/xps.jpg)](https://www.dell.com/xps)'
    ].join('\n\n')
    expect(clean(input).markdown).toBe(
      ['It all comes already set up.', '#### Versatility', 'The scalability benefits extend to what you build.', '### Dell XPS 13', '[![Dell XPS 13 on a desk](https://example.com/xps.jpg)](https://www.dell.com/xps)'].join('\n\n')
    )
  })
})

describe('related-list: a box of stories between two paragraphs', () => {
  it('three or more story links set between paragraphs go; a list the text leads into stays', () => {
    const input = [
      'Unit 42 released a report examining 200,000 infusion pumps.',
      '- [Best security keys](https://www.zdnet.com/article/best-security-key/)\n- [Best antivirus software](https://www.zdnet.com/article/best-antivirus/)\n- [The fastest VPNs](https://www.zdnet.com/article/fastest-vpn/)',
      '"An alarming 75% of infusion pumps scanned had known security gaps," the researchers said.',
      'Download the tool for your system:',
      '- [Windows](https://example.org/win)\n- [Mac](https://example.org/mac)\n- [Linux](https://example.org/linux)',
      'Then run the installer.'
    ].join('\n\n')
    expect(clean(input).markdown).toBe(
      ['Unit 42 released a report examining 200,000 infusion pumps.', '"An alarming 75% of infusion pumps scanned had known security gaps," the researchers said.', 'Download the tool for your system:', '- [Windows](https://example.org/win)\n- [Mac](https://example.org/mac)\n- [Linux](https://example.org/linux)', 'Then run the installer.'].join('\n\n')
    )
  })
})

describe('product-box', () => {
  it("a vendor's box (label, picture, bold name, blurb naming it, download buttons) goes; the author's paragraph before it stays", () => {
    const input = [
      'No, it does not offer a screen recording function, but you can record the screen with third-party tools.',
      'Best Way to Rip and Convert DVD Movies on Windows',
      '![WonderFox DVD Ripper Pro](https://www.videoconverterfactory.com/tips/img-autofit/single-ripperpro.png)',
      '**WonderFox DVD Ripper Pro**',
      'WonderFox DVD Ripper Pro is a professional DVD ripping program that can easily rip any DVD, be it homemade or commercial, to all popular formats without losing quality.',
      '[Free Download Compatible with Windows 100% Clean & Safe](https://tools.techidaily.com/videoconverterfactory/dvd-ripper/)',
      '[Free Download](https://tools.techidaily.com/videoconverterfactory/dvd-ripper/)',
      '## Conclusion',
      'Now you can record any live stream.'
    ].join('\n\n')
    expect(clean(input).markdown).toBe('No, it does not offer a screen recording function, but you can record the screen with third-party tools.\n\n## Conclusion\n\nNow you can record any live stream.')
  })

  it('feature lines closed by a button go with their heading\'s section left; a step list before a download button stays', () => {
    const features = '### More Than Just Capture\n\n● Record Facebook Live, Snapchat, YouTube, and more\\\n● Capture screen without time limit, no watermark.\n\n[Free Download](https://www.videoconverterfactory.com/download/hd-video-converter-pro.exe)\n\nAfter the recording, open the Converter.'
    expect(clean(features).markdown).toBe('### More Than Just Capture\n\nAfter the recording, open the Converter.')
    const steps = '1. Open the site.\n2. Click the button below.\n\n[Free Download](https://example.com/tool.exe)'
    expect(clean(steps).markdown).toContain('1. Open the site.')
  })
})

describe('promo-line: a vendor pitch over the picture', () => {
  it('"X fixes … immediately!" goes; a sentence about a fix stays', () => {
    const input = '[Driver Easy](https://tools.techidaily.com/drivereasy/download/) fixes the WDF\\_VIOLATION blue screen error in Windows 10 immediately!\n\nThe update fixes the error in most cases.'
    expect(clean(input).markdown).toBe('The update fixes the error in most cases.')
  })
})

describe('product-box: the blurb under the picture', () => {
  it("a box's blurb right under its labelled picture goes; an article paragraph under a screenshot, before a download button, stays", () => {
    const box = [
      'Hope they are helpful to you, and thanks for reading this article about muting videos on every system.',
      'All-in-one Video Editor, Converter & Downloader',
      '![WonderFox HD Video Converter Factory Pro](https://www.videoconverterfactory.com/tips/img-autofit/single-hd-pro-free.png)',
      'It’s the easiest way to convert, edit, and download videos on Windows. Beyond that, it can record video and audio, make GIFs, create ringtones, extract subtitles, etc.',
      '[Free Download Compatible with Windows 100% Clean & Safe](https://tools.techidaily.com/videoconverterfactory/hd-video-converter/)',
      '## Related questions',
      'Text.'
    ].join('\n\n')
    expect(clean(box).markdown).toBe('Hope they are helpful to you, and thanks for reading this article about muting videos on every system.\n\n## Related questions\n\nText.')
    const article = [
      'Open the tool and click Scan Now: it checks every driver on the computer and lists the outdated ones for you.',
      '![Driver Easy scan results](https://example.com/scan.png)',
      'Click Update All to download and install the correct versions of all the drivers that are missing or out of date.',
      '[Free Download](https://example.com/tool.exe)',
      '## Next',
      'Text.'
    ].join('\n\n')
    expect(clean(article).markdown).toContain('Click Update All to download and install')
    expect(clean(article).markdown).toContain('![Driver Easy scan results](https://example.com/scan.png)')
  })
})

describe('chrome-section: an "X Recommends" box of story links', () => {
  it('the heading goes with the story links after it, and the short text after them stays', () => {
    const input = '### **ZDNET** Recommends\n\n- [Best security keys](https://www.zdnet.com/article/best-security-key/)\n- [The fastest VPNs](https://www.zdnet.com/article/fastest-vpn/)\n\nThat being said, macOS has a built-in tool.\n'
    expect(clean(input).markdown).toBe('That being said, macOS has a built-in tool.')
    expect(rules(input)).toEqual(['chrome-section', 'chrome-section'])
  })
})

describe('qa-chrome: a question-and-answer page clipped with its furniture', () => {
  it("the post buttons, the user card's badges, the vote counts beside them and `Add a comment` go; the answer and a bare number in prose stay", () => {
    const input = [
      'This answer is useful',
      '-3',
      'Save this answer.',
      'Show activity on this post.',
      'You need to call the exec() function.',
      'Share a link to this answer',
      '[Improve this answer](https://stackoverflow.com/posts/68330681/edit)',
      'Follow',
      'answered Jul 10, 2021 at 18:46',
      '24.1k33 gold badges2626 silver badges4545 bronze badges',
      '0',
      '[Add a comment](https://stackoverflow.com/questions/68330639/x# "Use comments to ask for more information") |',
      '| Show **4** more comments',
      'The loop prints:',
      '42',
      'Follow the steps below.'
    ].join('\n\n')
    // `42` stands between two lines of prose, so it is the article's, not a vote count; "Follow the steps below." is prose.
    expect(clean(input).markdown).toBe('You need to call the exec() function.\n\nThe loop prints:\n\n42\n\nFollow the steps below.')
    expect(rules(input).filter((rule) => rule === 'qa-chrome')).toHaveLength(12)
  })

  it('a user card whose reputation has no thousands is a card too; a sentence about badges is not', () => {
    expect(clean('54733 silver badges1616 bronze badges\n\nShe earned 3 gold badges last year.').markdown).toBe('She earned 3 gold badges last year.')
  })
})

describe('ad-label and news photo credits', () => {
  it("an ad slot's own label on a line alone goes (AP's ADVERTISEMENT, MakeUseOf's SCROLL TO CONTINUE); the word inside a sentence stays", () => {
    const input = 'The storm reached the coast on Monday.\n\nADVERTISEMENT\n\n**SCROLL TO CONTINUE WITH CONTENT**\n\nAn advertisement for the event ran in the local paper.'
    expect(clean(input).markdown).toBe('The storm reached the coast on Monday.\n\nAn advertisement for the event ran in the local paper.')
    expect(rules(input)).toEqual(['ad-label', 'ad-label'])
  })

  it('a credit under a photo goes (`Photograph: Getty Images`, `Courtesy of Apple`); a caption that is a sentence stays', () => {
    const input = '![Router](https://example.com/r.jpg)\nPhotograph: Getty Images\n\nIllustration: WIRED Staff\n\nCourtesy of Apple\n\nPhotograph: the router sits on a shelf. It blinks when it restarts.'
    expect(clean(input).markdown).toBe('![Router](https://example.com/r.jpg)\n\nPhotograph: the router sits on a shelf. It blinks when it restarts.')
    expect(rules(input)).toEqual(['photo-credit', 'photo-credit', 'photo-credit'])
  })
})
