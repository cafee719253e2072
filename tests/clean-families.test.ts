/**
 * One fixture per boilerplate family of the real corpus: a short excerpt
 * (never a whole corpus file) and what must be left of it.
 */
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {accepted, clean, processText} from './helpers/run.js'

const rules = (markdown: string) => (clean(markdown).file.data.changes ?? []).map((change) => change.ruleId)

describe('families of the shared corpus', () => {
  it('affiliate disclaimer block quote goes as a whole', () => {
    const input = '>  Disclaimer: This post includes affiliate links\n>\n>  If you click on a link and make a purchase, I may receive a commission at no extra cost to you.\n>\n\nReal text.\n'
    expect(clean(input).markdown).toBe('Real text.')
    expect(rules(input)).toContain('affiliate-disclaimer')
  })

  it('affiliate redirect links keep their text; the redirect goes', () => {
    const input = ' 1) **[Download](https://tools.techidaily.com/drivereasy/download/)** and install Driver Easy.\n'
    expect(clean(input).markdown).toBe('1. **Download** and install Driver Easy.')
  })

  it('Amazon tag and buy.geni.us redirects are resolved to the plain target', () => {
    const input =
      'Get a [1000 Watt PSU](https://www.amazon.com/dp/B00SAYCI5S/?tag=drivereasycom-20) or a [desk](https://buy.geni.us/Proxy.ashx?TSID=368250&GR%5FURL=https%3A%2F%2Fwww.amazon.com%2Fdp%2FB0X%3Ftag%3Dzdnet-20).\n'
    expect(clean(input).markdown).toBe('Get a [1000 Watt PSU](https://www.amazon.com/dp/B00SAYCI5S/) or a [desk](https://www.amazon.com/dp/B0X).')
  })

  it('shop buttons go with their text', () => {
    const input =
      'The M1 iMac is great.\n\n[View On Amazon $1,199](https://www.amazon.com/dp/B09327QT78?tag=lifewire-onsite-prod-20) [View On Walmart $1,364](https://www.walmart.com/ip/1)\n\n[See at Best Buy](https://www.bestbuy.com/x) and then read on.\n'
    expect(clean(input).markdown).toBe('The M1 iMac is great.\n\nand then read on.')
  })

  it('promo lines go', () => {
    const input = 'Intro.\n\n**Also:** [**How to create a drop-down list in Excel**](https://www.zdnet.com/x/)\n\n**Also:**[**The best password managers**](https://www.zdnet.com/y/)\n\nMore.\n'
    expect(clean(input).markdown).toBe('Intro.\n\nMore.')
  })

  it('photo credits go, as their own paragraph or as the line under an image', () => {
    const input =
      '![iMac](https://www.lifewire.com/a.jpg)\nLifewire/Jeremy Laukkonen\n\n![Desk](https://www.zdnet.com/b.jpg)\n\nScreenshot by Jada Jones/ZDNET\n\nJohn Taggart/Bloomberg via Getty Images\n\nThe text stays.\n'
    expect(clean(input).markdown).toBe('![iMac](https://www.lifewire.com/a.jpg)\n\n![Desk](https://www.zdnet.com/b.jpg)\n\nThe text stays.')
  })

  it('a lone rating under a heading goes; numbers in prose stay', () => {
    const input = '## Apple iMac 24-inch (2021)\n\n4.4\n\nIt scored 4.4 in our tests.\n'
    expect(clean(input).markdown).toBe('## Apple iMac 24-inch (2021)\n\nIt scored 4.4 in our tests.')
  })

  it('"Similar Products We\'ve Reviewed" sections go up to the next heading', () => {
    const input = "## Specs\n\n- Product Name  iMac\n\n### Similar Products We've Reviewed\n\n- [Apple iMac 21.5-inch 4K](https://www.lifewire.com/x)\n\n## Final Verdict\n\nBuy it.\n"
    expect(clean(input).markdown).toBe('## Specs\n\n- Product Name  iMac\n\n## Final Verdict\n\nBuy it.')
  })

  it('table-of-contents chrome goes: "in this article", "Expand" and the #toc- link list', () => {
    const input = ' in this article\n\n Expand\n\n* [Design](https://www.lifewire.com/#toc-design)\n* [Display](https://www.lifewire.com/#toc-display)\n\nThe review.\n'
    expect(clean(input).markdown).toBe('The review.')
  })

  it('bylines and share residue go', () => {
    const input = 'Updated on Mar 04, 2024\n\nWritten by:\n\nShare\n\nThe article.\n'
    expect(clean(input).markdown).toBe('The article.')
  })

  it('a paragraph repeated inside one article keeps its first copy; short ones may repeat', () => {
    const input =
      'The base level Magic Keyboard swaps in a lock key for the TouchID button.\n\nOther text.\n\nThe base level Magic Keyboard swaps in a lock key for the TouchID button.\n\nNote:\n\nNote:\n'
    expect(clean(input).markdown).toBe('The base level Magic Keyboard swaps in a lock key for the TouchID button.\n\nOther text.\n\nNote:\n\nNote:')
  })

  it('ad banners served by ad networks go, real images stay', () => {
    const input = '![](//a.impactradius-go.com/display-ad/19272-1915865)\n\n![shot](https://images.drivereasy.com/a.png)\n'
    expect(clean(input).markdown).toBe('![shot](https://images.drivereasy.com/a.png)')
  })

  it('link targets left as text by broken markup go when they are redirects or scripts', () => {
    const input = 'Share ]\\(javascript:void%280%29) and [HIPAA](https://www.stellarinfo.com/hipa.png) ]\\(https\\://tools.techidaily.com/stellar/buy-now/) done\n'
    const {markdown} = clean(input)
    expect(markdown).not.toMatch(/javascript:|tools\.techidaily/)
    expect(markdown).toContain('[HIPAA](https://www.stellarinfo.com/hipa.png)')
  })

  it('a bare script URL in text goes; the word JavaScript and a colon in prose stay', () => {
    expect(clean('Raw javascript:alert(18) prose.\n\nThere are 2 types of JavaScript: module and standard.\n').markdown).toBe('Raw prose.\n\nThere are 2 types of JavaScript: module and standard.')
  })

  it('text repairs: no-break and zero-width characters, space before punctuation', () => {
    const input = 'Open\u00a0Settings\u200b and tap Save .\n'
    expect(clean(input).markdown).toBe('Open Settings and tap Save.')
  })

  it('one-space paragraph indents are not kept', () => {
    expect(clean(' WhatsApp, like most other platforms, offers a backup.\n').markdown).toBe('WhatsApp, like most other platforms, offers a backup.')
  })

  it('broken fences around prose, images and ads are debris; real code blocks stay code', () => {
    const broken = [
      '---', 'title: t', '---', '', '```` `` **Intro**', '', 'Step one text.', '````', '<!-- affiliate ads begin -->',
      '<a href="https://x.sjv.io/c/1"><img src="//a.impactradius-go.com/display-ad/1"/></a>', '<!-- affiliate ads end -->',
      '![](https://images.drivereasy.com/a.png)', '', '## Method 2: Restart the service', '', 'Text.', '````', ''
    ].join('\n')
    const result = accepted(processText(broken))
    expect(result.body).toBe('**Intro**\n\nStep one text.\n\n![](https://images.drivereasy.com/a.png)\n\n## Method 2: Restart the service\n\nText.')
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('broken-fence')
    const code = '---\ntitle: t\n---\n\n```html\n<!-- affiliate ads begin -->\n<a>example</a>\n<!-- affiliate ads end -->\n```\n'
    expect(accepted(processText(code)).body).toBe('```html\n<!-- affiliate ads begin -->\n<a>example</a>\n<!-- affiliate ads end -->\n```')
  })

  it('a lone run of two backticks opening a line is debris too; a code span and a fence stay', () => {
    const debris = '---\ntitle: t\n---\n\n``   **Case 1: Your keyboard works**\n\n``\n\nRun ``a ` b`` first.\n\n```\ncode\n```\n'
    expect(accepted(processText(debris)).body).toBe('**Case 1: Your keyboard works**\n\nRun ``a ` b`` first.\n\n```\ncode\n```')
  })

  it('a lone run of backticks opening or ending a heading is the same debris; a code span in a heading stays', () => {
    const debris = '---\ntitle: t\n---\n\nReboot your computer. ```` ```` ``\n\n## ``  Method 2: Clean Re-install Display Driver\n\nText.\n\n## Method 3: Run the check ``\n\nMore text.\n\n## Run `sfc /scannow`\n\nEven more text.\n'
    expect(accepted(processText(debris)).body).toBe('Reboot your computer.\n\n## Method 2: Clean Re-install Display Driver\n\nText.\n\n## Method 3: Run the check\n\nMore text.\n\n## Run `sfc /scannow`\n\nEven more text.')
  })

  it('a YouTube tutorial inside ad markers becomes a structured video of its fix', () => {
    const input =
      '---\ntitle: Remove Kindle DRM\n---\n\n## 1. Use the tool\n\n<!-- affiliate ads begin -->\n<iframe width="864" height="500" src="https://www.youtube.com/embed/jVnfr5HudQw" title="The Latest and Easiest Solution" allowfullscreen></iframe>\n<!-- affiliate ads end -->\n\nText.\n'
    const result = accepted(processText(input))
    expect(result.article.fixes[0]!.videos).toEqual([{provider: 'youtube', id: 'jVnfr5HudQw', url: 'https://www.youtube.com/watch?v=jVnfr5HudQw'}])
    expect(result.body).not.toContain('iframe')
  })

  it('LaTeX garbage headings are kept, with a warning', () => {
    const {markdown, file} = clean('## \\[W_2 = \\Frac{GmM}{r}\\]\n\nText.\n')
    expect(markdown).toMatch(/^## \\\[W_2 = \\Frac\{GmM\}\{r\}/)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['latex-heading'])
  })
})

describe('titles', () => {
  it('a frontmatter title that does not fit the body is reported, and the body heading wins', () => {
    const input =
      '---\ntitle: The Aesthetically Pleasing Acer Chromebook R 11 Reviewed\n---\n\n## A Closer Look at Apple\'s Latest iMac\n\nThe Apple iMac (2021) represents the first major update to the iMac line. Apple made the iMac thinner.\n'
    const result = accepted(processText(input))
    expect(result.title).toBe("A Closer Look at Apple's Latest iMac")
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['title-mismatch'])
  })

  it('an opening heading that is a LaTeX formula never becomes the title: the frontmatter title stays, reported', () => {
    const input = "---\ntitle: Creative Tim's Admin Panel for Flask\n---\n\n## \\[Y_1 = -3 \\\n\nThe slope of the line is minus three and the curve rises after the vertex.\n"
    const result = accepted(processText(input))
    expect(result.title).toBe("Creative Tim's Admin Panel for Flask")
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('title-mismatch')
    // An error code with underscores, or a bracketed tag, is words.
    const code = accepted(processText('---\ntitle: Laptop Deals\n---\n\n## [Fixed] DXGI_ERROR_DEVICE_REMOVED in Battlefield\n\nThe game stops with DXGI_ERROR_DEVICE_REMOVED when the driver crashes.\n'))
    expect(code.title).toBe('[Fixed] DXGI_ERROR_DEVICE_REMOVED in Battlefield')
  })

  it('a fitting frontmatter title is kept', () => {
    const result = accepted(processText('---\ntitle: Fix iMac Display Problems\n---\n\nThe iMac display flickers; here is how to fix the display problems.\n'))
    expect(result.title).toBe('Fix iMac Display Problems')
    expect(result.diagnostics).toEqual([])
  })
})

describe('rules are data', () => {
  it('a custom marker pair, host to unwrap and line pattern apply', () => {
    const config = {
      ...defaultConfig,
      markerPairs: [...defaultConfig.markerPairs, {ruleId: 'sponsor', begin: 'sponsor start', end: 'sponsor stop'}],
      unwrapLinkHosts: [...defaultConfig.unwrapLinkHosts, 'go.example.net'],
      dropLines: [...defaultConfig.dropLines, {ruleId: 'newsletter', pattern: '^Subscribe to our newsletter'}]
    }
    const input = '---\ntitle: T\n---\n\nText [with link](https://go.example.net/r/1).\n\n<!-- sponsor start -->\nBuy things!\n<!-- sponsor stop -->\n\nSubscribe to our newsletter today\n\nEnd.\n'
    const result = accepted(processText(input, 'a.md', config))
    expect(result.body).toBe('Text with link.\n\nEnd.')
    expect(result.changes.map((change) => change.ruleId).sort()).toEqual(['affiliate-redirect', 'newsletter', 'sponsor'])
  })
})

describe('broken shop buttons', () => {
  it('a shop button whose brackets were escaped goes too', () => {
    expect(clean('Buy it: \\[See at Sony]\\(<https://electronics.sony.com/x>) today.\n').markdown).toBe('Buy it:  today.')
    expect(clean('[$248 at Amazon](https://www.amazon.com/dp/B0C) \\[See at Sony]\\(<https://sony.com/truly-> earbuds/p/b) More.\n').markdown).toBe('More.')
    expect(clean('Buy: [See at Sony](https://electronics.sony.com/truly-wireless- earbuds/p/wf1000xm5-b) now.\n').markdown).toBe('Buy:  now.')
  })
})
