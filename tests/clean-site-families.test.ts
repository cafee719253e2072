/**
 * Boilerplate of other sites and of browser clippings (issue 18, part 6): one
 * fixture per structural rule and per data rule, each a short excerpt of the
 * shape found in the shared corpora, with what must be left of it.
 */
import {describe, expect, it} from 'vitest'
import {clean} from './helpers/run.js'

const rules = (markdown: string) => (clean(markdown).file.data.changes ?? []).map((change) => change.ruleId)

describe('tag-links: link-only blocks that end the article', () => {
  it('a trailing list of tag links goes, links to redirects included', () => {
    const input =
      'Hopefully the methods above help you.\n\n* [Drivers](https://tools.techidaily.com/drivereasy/download/)\n* [NVIDIA](https://tools.techidaily.com/drivereasy/download/)\n'
    expect(clean(input).markdown).toBe('Hopefully the methods above help you.')
    expect(rules(input)).toEqual(['tag-links'])
  })

  it('a related-stories box goes with its heading, whether a list or one-link paragraphs, and after an emptied ad slot', () => {
    const input =
      'Consumers will be on their own.\n\n#### Windows\n\n[How to install Windows 11](https://www.zdnet.com/a/)\n\n[How to recover deleted files](https://www.zdnet.com/b/)\n\n<ins class="adsbygoogle"></ins>\n'
    expect(clean(input).markdown).toBe('Consumers will be on their own.')
  })

  it("an export's closing shortcode and back-link after the tag links do not hide that the links end the article", () => {
    const input = 'Hopefully the methods above help you.\n\n* [Drivers](https://example.com/tag/drivers/)\n* [NVIDIA](https://example.com/tag/nvidia/)\n\n[Source link](https://example.com/story)\n\n[ad_2]\n'
    expect(clean(input).markdown).toBe('Hopefully the methods above help you.')
    expect(rules(input)).toEqual(['source-backlink', 'shortcode', 'tag-links'])
  })

  it('a "Related posts:" heading over links in an HTML body goes with them, its colon no matter', () => {
    const input = '<div><p>Restart the router and wait a minute.</p>\n<h3>Related posts:</h3>\n<p>More from our team:</p>\n<ol><li><a href="https://example.com/a">Fix Bluetooth</a></li><li><a href="https://example.com/b">Fix sound</a></li></ol>\n<h3>Test the connection</h3>\n<p>Now reconnect to the network.</p></div>\n'
    expect(clean(input).markdown).toBe('Restart the router and wait a minute.\n\n### Test the connection\n\nNow reconnect to the network.')
    expect(rules(input)).toContain('chrome-section')
  })

  it('a "Tags:" paragraph of links goes', () => {
    expect(clean('The end.\n\nTags: [Windows](https://x.test/t/w), [Printers](https://x.test/t/p)\n').markdown).toBe('The end.')
  })

  it('a link list followed by text stays, and so do a last paragraph with one link in prose and one of links without a "Tags:" label', () => {
    const list = '- [Download for Windows](https://example.com/win)\n- [Download for Mac](https://example.com/mac)\n\nThen run the installer.'
    expect(clean(list).markdown).toBe(list)
    const prose = 'Text.\n\nSource: [SiriusXM](https://www.siriusxm.com/channels/taylors-version)'
    expect(clean(prose).markdown).toBe(prose)
    const links = 'Text.\n\n[Windows](https://example.com/win) [Mac](https://example.com/mac)'
    expect(clean(links).markdown).toBe(links)
  })

  it('a single trailing link paragraph without a label stays: it may be the article\'s own last word', () => {
    const input = 'Text.\n\n[Read the full changelog](https://example.com/changelog)'
    expect(clean(input).markdown).toBe(input)
  })
})

describe('promo-heading and byline-heading', () => {
  it('a chrome heading goes and the text under it stays; a heading that only starts like one stays', () => {
    const input =
      '### **ZDNET** Recommends\n\nThat being said, macOS has a built-in tool.\n\n### UPDATE: 2024/04/15 14:31 EST BY ANDREW HEINZMAN\n\nThe price went down.\n\n## ZDNET Recommends these three laptops\n\nText.\n'
    expect(clean(input).markdown).toBe('That being said, macOS has a built-in tool.\n\nThe price went down.\n\n## ZDNET Recommends these three laptops\n\nText.')
    expect(rules(input)).toEqual(['promo-heading', 'byline-heading'])
  })
})

describe('breadcrumb', () => {
  it('a list of links each under the one before goes; a list of sibling links stays', () => {
    const input =
      '1. [Documentation](https://go.dev/doc/)\n2. [Tutorials](https://go.dev/doc/tutorial/)\n3. [Tutorial: Create a Go module](https://go.dev/doc/tutorial/create-module)\n\nThis is the first part of a tutorial.\n\n- [Slices](https://gobyexample.com/slices)\n- [Maps](https://gobyexample.com/maps)\n\nEnd.\n'
    expect(clean(input).markdown).toBe('This is the first part of a tutorial.\n\n- [Slices](https://gobyexample.com/slices)\n- [Maps](https://gobyexample.com/maps)\n\nEnd.')
    expect(rules(input)).toEqual(['breadcrumb'])
  })

  it('a trail that prints its separators goes, its links unwrapped or not; a list whose items only sometimes end with ">" stays', () => {
    // An AOMEI page republished: the trail's last item is the page's title, the separators are text.
    const input =
      '1. [AOMEI Backupper](https://tools.techidaily.com/ubackup/products/) \\>\n2. Articles \\>\n3. Logiciel de sauvegarde NAS Buffalo le plus efficace!\n\n## Logiciel de sauvegarde NAS Buffalo le plus efficace!\n\n1. Open Settings >\n2. Pick the drive and confirm the backup.\n3. Click Start >\n'
    expect(clean(input).markdown).toBe('## Logiciel de sauvegarde NAS Buffalo le plus efficace!\n\n1. Open Settings >\n2. Pick the drive and confirm the backup.\n3. Click Start >')
    expect(rules(input)).toEqual(['breadcrumb'])
  })
})

describe('next-link', () => {
  it("a tutorial's pager button alone in a paragraph goes; a step's link to a menu and a path through menus in a sentence stay", () => {
    const input = 'In the next step, you will call this function.\n\n[Call your code from another module >](https://go.dev/doc/tutorial/call-module-code.html)\n\n1. [Open the Settings >](https://example.com/settings)\n2. Pick the drive.\n\nOpen File > Options to change it.\n\n[< Previous](https://go.dev/doc/tutorial/)\n'
    expect(clean(input).markdown).toBe('In the next step, you will call this function.\n\n1. [Open the Settings >](https://example.com/settings)\n2. Pick the drive.\n\nOpen File > Options to change it.')
    expect(rules(input)).toEqual(['next-link', 'next-link'])
  })
})

describe('clipper-excerpt and clipper-source', () => {
  it('the MarkDownload header (source line, "Excerpt" quote) goes; other quotes stay', () => {
    const input =
      'source: https://www.w3schools.com/go/go_slices.php\n\n> ## Excerpt\n>\n> W3Schools offers free online tutorials, references and exercises.\n\n---\n\nSlices are similar to arrays.\n\n> Excerpt from the Go spec: a slice is a descriptor.\n'
    expect(clean(input).markdown).toBe('---\n\nSlices are similar to arrays.\n\n> Excerpt from the Go spec: a slice is a descriptor.')
    expect(rules(input).sort()).toEqual(['clipper-excerpt', 'clipper-source'])
  })
})

describe('empty-link', () => {
  it('a link with no text goes; a link around an image stays', () => {
    const input = '- [](https://shop-links.co/link/?url=x)\n\nFollow us [](https://twitter.com/AiseesoftStudio) today.\n\n[![shot](https://example.com/a.png)](https://example.com/a-full.png)\n'
    expect(clean(input).markdown).toBe('Follow us  today.\n\n[![shot](https://example.com/a.png)](https://example.com/a-full.png)')
  })
})

describe('heading-permalink', () => {
  it("a heading's one-symbol anchor link goes (Sphinx, GitHub shapes); a heading linked by its own words keeps that link; a ¶ in prose stays", () => {
    const input =
      '## Prerequisites[¶](https://go.dev/doc/tutorial/create-module#prerequisites "Link to this heading")\n\n### [Unicode Basics](https://example.org/notes.html#contents)[#](#unicode-basics)\n\nA pilcrow [¶](https://example.org/p) in a paragraph is text.\n'
    const {markdown} = clean(input)
    expect(markdown).toBe('## Prerequisites\n\n### [Unicode Basics](https://example.org/notes.html#contents)\n\nA pilcrow [¶](https://example.org/p) in a paragraph is text.')
    expect(rules(input).filter((rule) => rule === 'heading-permalink')).toHaveLength(2)
  })

  it("a heading whose whole text links to its own fragment (mdBook, Hugo, Docker docs) becomes its text; a heading linking to another section or page keeps its link", () => {
    const input = [
      '## [Overview](https://docs.docker.com/reference/dockerfile/#overview)',
      '### [.dockerignore file](https://docs.docker.com/reference/dockerfile/#dockerignore-file)',
      '## [Cargo Remove](#cargo-remove)',
      '## [Read the overview](https://docs.docker.com/reference/dockerfile/#overview)',
      '## [Install Cargo](https://doc.rust-lang.org/cargo/getting-started/installation.html)'
    ].join('\n\n')
    expect(clean(input).markdown).toBe(
      ['## Overview', '### .dockerignore file', '## Cargo Remove', '## [Read the overview](https://docs.docker.com/reference/dockerfile/#overview)', '## [Install Cargo](https://doc.rust-lang.org/cargo/getting-started/installation.html)'].join('\n\n')
    )
    expect(rules(input).filter((rule) => rule === 'heading-permalink')).toHaveLength(3)
  })
})

describe('related-list', () => {
  it('a related-links label over a list of links goes with it, mid-article; a label over a list with text, and an unlabelled link list, stay', () => {
    const input = [
      'Run the container with the new image.',
      'Related information:',
      '- [Dockerfile reference](https://docs.docker.com/reference/dockerfile/)\n- [Docker Compose overview](https://docs.docker.com/compose/)',
      '## Next steps',
      '**See also**',
      '- [Flask tutorial](https://example.org/flask): start here before the next part',
      'Downloads:',
      '- [Windows](https://example.org/win)\n- [Mac](https://example.org/mac)',
      'Pick the build for your system.'
    ].join('\n\n')
    expect(clean(input).markdown).toBe(
      ['Run the container with the new image.', '## Next steps', '**See also**', '- [Flask tutorial](https://example.org/flask): start here before the next part', 'Downloads:', '- [Windows](https://example.org/win)\n- [Mac](https://example.org/mac)', 'Pick the build for your system.'].join('\n\n')
    )
    expect(rules(input).filter((rule) => rule === 'related-list')).toHaveLength(2)
  })

  it('a translated related-links label over a list of links goes with it (Spanish, German)', () => {
    const input = ['Reinicia el router.', '**Artículos relacionados:**', '- [Otra guía](https://a.test/1)\n- [Más trucos](https://a.test/2)', 'Siehe auch', '- [Anleitung](https://b.test/1)\n- [Tipps](https://b.test/2)', 'Fin.'].join('\n\n')
    expect(clean(input).markdown).toBe('Reinicia el router.\n\nFin.')
    expect(rules(input).filter((rule) => rule === 'related-list')).toHaveLength(4)
  })
})

describe('lightbox-close', () => {
  it("a lightbox's Close label right after an image goes; Close in a sentence after a screenshot stays", () => {
    const input =
      '[![Spigen case](https://example.com/case.jpg) Spigen ![badge](https://example.com/best-of.png) Close](https://www.amazon.com/dp/B0964H8HVY/)\n\n![Lid](https://example.com/lid.png) Close the lid and wait.\n'
    expect(clean(input).markdown).toBe('[![Spigen case](https://example.com/case.jpg) Spigen ![badge](https://example.com/best-of.png)](https://www.amazon.com/dp/B0964H8HVY/)\n\n![Lid](https://example.com/lid.png) Close the lid and wait.')
  })
})

describe('affiliate and tracking links in text', () => {
  it('links through affiliate networks keep their text; Amazon asc_* parameters go', () => {
    const input =
      'Get the [HP Chromebook](https://www.jdoqocy.com/click-9041660-15850793?url=https%3A%2F%2Fwww.hp.com%2Fx) or the [Polar H10](https://www.amazon.com/dp/B07PM54P4N?asc_refurl=https%3A%2F%2Fwww.howtogeek.com%2Fx&asc_campaign=Commerce).\n'
    expect(clean(input).markdown).toBe('Get the HP Chromebook or the [Polar H10](https://www.amazon.com/dp/B07PM54P4N).')
  })
})

describe('data rules: lines and blocks of other sites', () => {
  it('photo credits in the Tom\'s Hardware, How-To Geek and Lifewire shapes go', () => {
    const input =
      '![Mini PC](https://cdn.mos.cms.futurecdn.net/a.jpg)\n\n(Image credit: Tom\'s Hardware)\n\n_Justin Duino / How-To Geek_\n\nPHOTO: Amazon\n\nFeatured image by rawpixel.com from Pexels\n\nThe credit line of the image is not the article.\n'
    expect(clean(input).markdown).toBe('![Mini PC](https://cdn.mos.cms.futurecdn.net/a.jpg)\n\nThe credit line of the image is not the article.')
  })

  it('a bare rating line, deal prices and buttons go; prices in prose stay', () => {
    const input = 'Bottom Line\n\n4.2\n\n$253 $300 Save $47\n\n$160 at Amazon\n\nDOWNLOAD\n\nShow Expert Take Show less\n\n[View Deal](https://www.bhphotovideo.com/c/product/1)\n\nIt costs $253 and scored 4.2 out of 5.\n'
    expect(clean(input).markdown).toBe('Bottom Line\n\nIt costs $253 and scored 4.2 out of 5.')
  })

  it('newsletter boxes, promo cards, comment forms and the feedback prompt go line by line', () => {
    const input = [
      'ZDNET Tech Today',
      "ZDNET's Tech Today newsletter is a daily briefing of the newest, most talked about stories, five days a week.",
      'Subscribe',
      'Contact me with news and offers from other Future brands  Receive email from us on behalf of our trusted partners or sponsors',
      'By submitting your information you agree to the[Terms & Conditions](https://futureplc.com/terms-conditions/) and[Privacy Policy](https://futureplc.com/privacy-policy/) and are aged 16 or over.',
      "How-To Geek's product recommendations come from the same team of experts that have helped people fix their gadgets.",
      '_We purchased the Netgear C3000 so our expert reviewer could thoroughly test and assess it. Keep reading for our full product review._',
      "Today's Best Deals",
      'Save my name, email, and website in this browser for the next time I comment.',
      'Δ',
      'Was this page helpful?',
      "[![Password manager](https://www.zdnet.com/a/img/pm.jpg) The best password manager: Business and personal use Everyone needs a password manager.  Read now](https://www.zdnet.com/article/best-password-manager/)",
      'Related post:\\\n**How to solve 100% disk usage on Windows 10?**',
      'The Netgear C3000 is a cable modem and router in one.'
    ].join('\n\n')
    expect(clean(input).markdown).toBe('The Netgear C3000 is a cable modem and router in one.')
  })

  it('an autoblog export\'s WordPress shortcodes and its "Source link" back-link go; bracketed words in prose stay', () => {
    const input =
      '[ad_1]\n\n<p>The Federal Reserve held its benchmark rate steady on Wednesday.</p>\n\n[caption id="attachment_5" align="alignnone"]\n\n[/caption]\n\n[ad_2]<br><a href="https://www.reuters.com/markets/fed">Source link </a>\n\n[citation needed]\n\n[1]\n'
    expect(clean(input).markdown).toBe('The Federal Reserve held its benchmark rate steady on Wednesday.\n\n\\[citation needed]\n\n\\[1]')
    expect(rules(input).filter((rule) => rule === 'shortcode')).toHaveLength(4)
    expect(rules(input)).toContain('source-backlink')
  })

  it('site buttons of tutorial sites go: "Try it Yourself", "Get Certified", "Run code", "Next example"', () => {
    const input =
      '`10 30`\n\n[Try it Yourself »](https://www.w3schools.com/go/trygo.php?filename=demo_slices4)\n\n[![Get Certified](https://www.w3schools.com/images/img_fa_up_300.png)](https://campus.w3schools.com/x)\n\nGo has arrays.\n\n[![](https://gobyexample.com/play.png "Run code")](https://go.dev/play/p/zwf9dZ4pUPW)![](https://gobyexample.com/clipboard.png "Copy code")\n\nNext example: [Slices](https://gobyexample.com/slices).\n'
    expect(clean(input).markdown).toBe('`10 30`\n\nGo has arrays.')
  })
})

describe('list-card debris (Lifewire, ZDNET, WonderFox)', () => {
  it('a lone score under a card goes, a number in a sentence stays; a linked product card ending "View at Amazon" goes; a "Free Download" button image goes', () => {
    const input =
      'Overwatch is a solid game with responsive movement.\n\n4\n\n## Overwatch\n\nRated **4.9**/5 by 4 readers.\n\n' +
      '[Best compact alternative Logitech MX Keys Mini If space is an issue, this keyboard is small. View at Amazon](https://www.amazon.com/dp/B098JPSVKY)\n\n' +
      '![Free Download](https://www.videoconverterfactory.com/tips/img-autofit/download1.png)\n\nThe end.\n'
    expect(clean(input).markdown).toBe('Overwatch is a solid game with responsive movement.\n\n## Overwatch\n\nRated **4.9**/5 by 4 readers.\n\nThe end.')
  })
})
