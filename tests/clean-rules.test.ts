/**
 * One case per cleaning rule: a short excerpt of real input (from the seeds
 * and the shared corpus) and the Markdown the rule must leave.
 */
import {describe, expect, it} from 'vitest'
import {clean} from './helpers/run.js'

describe('clean: adsense', () => {
  it('removes a multi-line <ins class="adsbygoogle"> slot (inline html in a paragraph)', () => {
    const input =
      'Last paragraph.\n\n<ins class="adsbygoogle"\n     style="display:block"\n     data-ad-client="ca-pub-7571918770474297"\n     data-ad-slot="8358498916"></ins>\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('Last paragraph.')
    expect(file.data.changes?.some((change) => change.ruleId === 'adsense')).toBe(true)
  })
  it('removes the loader script but not other ins elements', () => {
    expect(clean('<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>\n\nText <ins>inserted</ins>.\n').markdown).toBe('Text inserted.')
  })
  it("removes the loader's push call that a clipper left as text, not code that shows it", () => {
    // fosslinux.com clipped by MarkDownload: the `<script>` tags went, their text stayed as a paragraph.
    const input = 'Prints the odd numbers.\n\n(adsbygoogle = window.adsbygoogle || \\[\\]).push({});\n\nThe solution:\n\n```js\n(adsbygoogle = window.adsbygoogle || []).push({});\n```\n'
    expect(clean(input).markdown).toBe('Prints the odd numbers.\n\nThe solution:\n\n```js\n(adsbygoogle = window.adsbygoogle || []).push({});\n```')
  })
})

describe('clean: tracking-pixel', () => {
  it('removes zero-size and hidden images, keeps real ones', () => {
    const input =
      'A <img height="0" width="0" src="https://bluettius.sjv.io/i/5597632/2139111/17108" style="position:absolute;visibility:hidden;" border="0" /> b\n\n![shot](https://example.com/a.png)\n'
    expect(clean(input).markdown).toBe('A  b\n\n![shot](https://example.com/a.png)')
  })
})

describe('clean: also-read', () => {
  it('removes the span paragraph and the <div><ul> link farm after it', () => {
    const input =
      'Real end.\n\n<span class="atpl-alsoreadstyle">Also read:</span>\n<div><ul>\n<li><a href="https://fox-that.techidaily.com/x/"><u>Other post</u></a></li>\n</ul></div>\n'
    expect(clean(input).markdown).toBe('Real end.')
  })
})

describe('clean: debris-line', () => {
  it('removes "Close" paragraphs and a trailing "Close" line, not the word in prose', () => {
    const input = '![a](https://x.test/a.png)\n\nClose\n\n![b](https://x.test/b.png)\nClose\n\nClose the app, then reopen it.\n'
    expect(clean(input).markdown).toBe('![a](https://x.test/a.png)\n\n![b](https://x.test/b.png)\n\nClose the app, then reopen it.')
  })
})

describe('clean: glued-emphasis', () => {
  it('puts spaces around glued bold and drops spaces before punctuation', () => {
    const input = '1. Launch**iPhone Settings** , tap on your**name** on the top, and go to**iCloud** .\n2. In the Section,**Apps Using iCloud** , and select**Show All** .\n'
    expect(clean(input).markdown).toBe(
      '1. Launch **iPhone Settings**, tap on your **name** on the top, and go to **iCloud**.\n2. In the Section, **Apps Using iCloud**, and select **Show All**.'
    )
  })
  it('leaves well-formed emphasis alone', () => {
    const input = 'Open **Settings**, then _General_ (or **About**).'
    expect(clean(input).markdown).toBe(input)
  })
})

describe('clean: glued-label', () => {
  // From a driver-error page whose export lost every break between blocks.
  it('gives a glued method heading its own paragraph and each inline step of a run from 1 its own paragraph', () => {
    const input =
      'You can plug it into the USB 2.0 port.**Solution 1: Update the Driver via Device Manager**Follow steps below: 1) On your keyboard, press **Win+R** at the same time. 2) Type **devmgmt.msc** and tap **OK**.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe(
      'You can plug it into the USB 2.0 port.\n\n**Solution 1: Update the Driver via Device Manager**\n\nFollow steps below:\n\n1\\) On your keyboard, press **Win+R** at the same time.\n\n2\\) Type **devmgmt.msc** and tap **OK**.'
    )
    expect(file.data.changes?.some((change) => change.ruleId === 'glued-label')).toBe(true)
  })
  it('leaves a reference to a fix, a run-in label, a list of the methods and numbers in prose', () => {
    const input = [
      'If the issue remains, please move on to **Fix 2**, below.',
      '**Way 1:** Go to the Audio Track option below the source file.',
      '**Method One: Update Device Drivers via Device Manager**\\\n**Method Two: Update Device Drivers Manually**',
      'Version 2.0 of the tool has 2 modes: 1) fast and 2) slow.'
    ].join('\n\n')
    expect(clean(input).markdown).toBe(input)
  })
})

describe('clean: escaped heading numbers', () => {
  it('`## 1\\.` is read as the number 1 and written without the escape', () => {
    expect(clean('## 1\\. Check the Server Status\n').markdown).toBe('## 1. Check the Server Status')
  })
})

describe('clean: html-to-markdown (inline HTML and placeholders)', () => {
  // Issue 18 asks for HTML converted, not dropped: `<b>` is bold, a `<div>` of text a paragraph.
  it('turns inline and block HTML into the equivalent Markdown, with no warning', () => {
    const {markdown, file} = clean('Intro.\n\nPress <b>Enter</b> now.\n\n<div class="share"><a href="https://x.example/">Share</a> it.</div>\n')
    expect(markdown).toBe('Intro.\n\nPress **Enter** now.\n\n[Share](https://x.example/) it.')
    expect(file.messages).toEqual([])
  })
  it('keeps placeholders that are no HTML element, and autolinks', () => {
    const input = 'Run `msiexec /x` with <ProductCode>, see <https://learn.microsoft.com/x>.\n'
    expect(clean(input).markdown).toBe('Run `msiexec /x` with \\<ProductCode>, see <https://learn.microsoft.com/x>.')
  })
  it('turns <br> into a line break', () => {
    expect(clean('one<br>two\n').markdown).toBe('one\\\ntwo')
  })
})

describe('clean: content is never lost', () => {
  it('keeps tables and fenced code (HTML in code is code)', () => {
    const input = '| a | b |\n| - | - |\n| 1 | 2 |\n\n```html\n<div>code</div>\n```\n'
    expect(clean(input).markdown).toBe(input.trimEnd())
  })
  it('a data:image screenshot is not HTML, but data: URLs are never emitted: dropped with a warning', () => {
    const {markdown, file} = clean('Before.\n\n![s](data:image/png;base64,iVBORw0KGgo=)\n\nAfter.\n')
    expect(markdown).toBe('Before.\n\nAfter.')
    expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([['unsafe-url', 3]])
  })
})

describe('clean: toc-list', () => {
  it('a list of bold in-page anchor links (the Driver Easy table of contents) goes; a list with one real link stays', () => {
    const input = 'Intro.\n\n1. **[Update your graphics driver](#F1)**\n2. **[Roll back your driver](#F2)**\n    1. [Repair files](#RE)\n\n- [Driver Easy](https://www.drivereasy.com/)\n- [Roll back](#F2)\n\nThe end.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('Intro.\n\n- [Driver Easy](https://www.drivereasy.com/)\n- [Roll back](#F2)\n\nThe end.')
    expect(file.data.changes?.filter((change) => change.ruleId === 'toc-list')).toHaveLength(1)
  })
})

describe('clean: chrome-section', () => {
  it('a newsletter heading goes with its short blurb; the article it interrupted goes on', () => {
    const long = 'All in all, Chromebooks look like a better deal than ever for anyone who wants an inexpensive laptop for school, work, Linux, or anything except gaming, photography, or video editing, which need more.'
    const input = `## The news\n\nFirst part.\n\n#### Newsletters\n\nZDNET Tech Today\n\nZDNET's Tech Today newsletter is a daily briefing of the newest stories.\n\n Subscribe\n\n${long}\n`
    expect(clean(input).markdown).toBe(`## The news\n\nFirst part.\n\n${long}`)
  })

  it('a heading over nothing but links (related stories) goes; a heading over one link and text stays', () => {
    const input = '## Story\n\nText.\n\n#### Google\n\n[One story](https://a.test/1)\n\n[Two story](https://a.test/2)\n\n## Download\n\nGet it from [the site](https://b.test).\n'
    expect(clean(input).markdown).toBe('## Story\n\nText.\n\n## Download\n\nGet it from [the site](https://b.test).')
  })

  it('"2 thoughts on …" and "Leave a Comment" headings go with the comments and the form', () => {
    const input = '## Fix\n\nDo it.\n\n## 2 thoughts on “How to Remove Malware”\n\nOctober 3, 2020 at 9:33 pm\n\nThank you so much, very helpful.\n\n### Leave a Comment\n\nSave my name, email, and website in this browser for the next time I comment.\n'
    expect(clean(input).markdown).toBe('## Fix\n\nDo it.')
  })
  it('the same furniture on a translated site goes (Spanish "Ver también" over links, French comments); a Spanish section about comments in a program stays', () => {
    const input = '## Solución 1\n\nReinicia el equipo.\n\n## Ver también\n\n[Otra guía](https://a.test/1)\n\n[Más trucos](https://a.test/2)\n\n## Laisser un commentaire\n\nEnregistrer mon nom, mon e-mail et mon site web dans ce navigateur.\n\n## Comentarios en el código\n\nUsa // para comentar una línea.\n'
    expect(clean(input).markdown).toBe('## Solución 1\n\nReinicia el equipo.\n\n## Comentarios en el código\n\nUsa // para comentar una línea.')
  })
})

describe('clean: repeated-block', () => {
  it('a repeated pull quote goes; the same steps in another method stay (ordered list or `1)` paragraphs)', () => {
    const quote = 'This is the one setting that fixed the crash for most of our readers.'
    const step = 'Press the Windows logo key and R together to open the Run box.'
    const input = `## Method 1\n\n${quote}\n\n1. ${step}\n2. Type devmgmt.msc.\n\n## Method 2\n\n${quote}\n\n1. ${step}\n2. Type services.msc.\n\n1) ${step}\n\n1) ${step}\n`
    const {markdown} = clean(input)
    expect(markdown.split(quote)).toHaveLength(2)
    expect(markdown.split(step)).toHaveLength(5)
  })

  it('a bullet procedure or a note between steps repeated in another section is that section’s own; a block printed twice in one section goes', () => {
    const bullets = '- Open the Settings app on the phone\n- Tap Apps and select the suspicious one\n'
    const note = 'Type the following command and then press Enter to run it:'
    const card = 'Get the Pro version today and save forty percent on your plan.'
    const input = `## Method 1\n\n${bullets}\n## Method 2\n\n${bullets}\n## Method 3\n\n1. Open the terminal.\n\n${note}\n\n2. Restart.\n\n## Method 4\n\n1. Open the prompt.\n\n${note}\n\n2. Reboot.\n\n${card}\n\n${card}\n`
    const {markdown} = clean(input)
    expect(markdown.split('Tap Apps and select the suspicious one')).toHaveLength(3)
    expect(markdown.split(note)).toHaveLength(3)
    expect(markdown.split(card)).toHaveLength(2)
  })
})

describe('unpaired-emphasis', () => {
  it('markers a heading lost the partner of go, and a number glued by underscores is set apart; paired emphasis and identifiers stay', () => {
    expect(clean('## **Video Error 3: Video Playback issues\n').markdown).toBe('## Video Error 3: Video Playback issues')
    expect(clean('## Video Error 4: Black screen**\n').markdown).toBe('## Video Error 4: Black screen')
    expect(clean('### Step _2_Set your desired output format\n').markdown).toBe('### Step 2 Set your desired output format')
    expect(clean('## **Method 2:** Update the driver\n').markdown).toBe('## **Method 2:** Update the driver')
    expect(clean('## Fix DRIVER__IRQL and a**b errors\n').markdown).toBe("## Fix DRIVER__IRQL and a\\*\\*b errors")
    // Only headings: a paragraph's literal markers may be the text (`2**10`, a password rule).
    expect(clean('Type **Video and press Enter.\n').markdown).toBe('Type \\*\\*Video and press Enter.')
  })
})

const ruleIds = (file: {data: {changes?: Array<{ruleId: string}>}}) => new Set(file.data.changes?.map((change) => change.ruleId))

describe('price-line: product cards', () => {
  it("a card's `name $price at Shop` line and a price alone go; a sentence ending in a price stays", () => {
    const input =
      'Their free tier holds 50 passwords.\n\nDashlane password manager $30 at Dashlane\n\n$21\n\nThe SteelSeries Arena 9 speaker system is currently slashed to $395 at Amazon\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('Their free tier holds 50 passwords.\n\nThe SteelSeries Arena 9 speaker system is currently slashed to $395 at Amazon')
    expect(ruleIds(file).has('price-line')).toBe(true)
  })
  it('a card linked whole, ending in its price, goes with its text; a price link inside a sentence stays', () => {
    const input = '[Lomi composter $295.6 at Amazon](https://www.amazon.com/dp/B0B3FSQTRS)\n\nPick up the [Fractal Design North for $109 at Amazon](https://www.amazon.com/dp/B0B) - its lowest price.\n'
    expect(clean(input).markdown).toBe('Pick up the [Fractal Design North for $109 at Amazon](https://www.amazon.com/dp/B0B) - its lowest price.')
    // A deal card whose button repeats the price after "(save $…)", as a line or as a link.
    const deal = 'Apple AirPods (2nd generation) deal for $69 (save $60) $69 at Walmart\n\n[Apple iPad mini (6th Generation) for $400 (save $99) $400 at Amazon](https://www.amazon.com/dp/B09G9BXKF5)\n\nThe iPad mini is small.\n'
    expect(clean(deal).markdown).toBe('The iPad mini is small.')
  })
})

describe('date-line', () => {
  it("a post's date, an author box's `Name | Updated on …` and a `… / Posted by …` line go; a date in a sentence stays", () => {
    const input =
      '![Carina](https://www.example.com/imgs/avatar/carina.png) Carina | Updated on Mar 29, 2024\n\nJan 19th, 2024\n\nDecember 03, 2018 07:00 / Posted by Andrew Miller to iTunes Tips\n\nThe update shipped on Jan 19th, 2024 for every user.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('The update shipped on Jan 19th, 2024 for every user.')
    expect(ruleIds(file).has('date-line')).toBe(true)
  })
})

describe('chrome-label, download-box, feedback-line, vendor-disclaimer', () => {
  it('labels of a toc, a related box and a share bar go, as lines or headings; the same words in a sentence stay', () => {
    const input =
      'Quick Navigation:\n\n**Table of Contents**\n\nShare this: ![facebook](https://x.test/fb.svg) ![twitter](https://x.test/tw.svg)\n\n### Quick Links\n\nSimilar Articles\n\nThe table of contents of the book lists every chapter.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('The table of contents of the book lists every chapter.')
    expect(ruleIds(file).has('chrome-label')).toBe(true)
  })
  it("a vendor's download box, a feedback widget and a product card's warning go", () => {
    const input =
      'Free Download Compatible with Windows 11/10/8.1/8/7/... 100% Clean & Safe\n\n![Secure](https://x.test/secure.svg) 100% Secure. No Ads.\n\nSecure Download\n\nHelp Us Improve This Article\n\nWas the provided information useful? Your vote is important to us!\n\n_\\* Please DO NOT use it to rip any copy-protected DVDs for commercial purposes._\n\nDownload the installer and run it.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('Download the installer and run it.')
    for (const rule of ['download-box', 'feedback-line', 'vendor-disclaimer']) expect(ruleIds(file).has(rule)).toBe(true)
  })
})

describe('vendor-support', () => {
  it("a tool vendor's support pitch goes as a paragraph; the steps before it stay", () => {
    const input =
      '4. Restart your computer for the changes to take effect.\n\nThe Pro version of Fortect comes with 24/7 technical support. If you need any assistance, please contact Fortect support:\\\nEmail: <support@fortect.com>\n\nIf you run into any problems while using Fortect, or if it doesn’t work for you, don’t hesitate to contact the support team.\n'
    expect(clean(input).markdown).toBe('4. Restart your computer for the changes to take effect.')
  })
})

describe('comment-invite', () => {
  it('the closing call to comment and its courtesies go; the sentence before it stays', () => {
    const input =
      'Hope you can fix the Coprocessor driver issue easily with the methods above. If you have any questions or ideas, please leave your comment below. 😛\n\nIf you have any questions, please leave your comment below. We’d love to hear of any ideas or suggestions.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('Hope you can fix the Coprocessor driver issue easily with the methods above.')
    expect(ruleIds(file).has('comment-invite')).toBe(true)
  })
  it('an invitation followed by more of the article stays', () => {
    const input = 'You can leave messages below or contact us. Hope this article helps you use the iTunes Store again.\n'
    expect(clean(input).markdown).toBe(input.trim())
  })
})

describe('comment-thread', () => {
  it("readers' comments as a list (avatar, name, date, text, Reply) go; a list of steps stays", () => {
    const input =
      '1. Open Settings.\n2. Scan the device.\n\nIt will scan and remove malware from your device.\n\n1. ![](https://secure.gravatar.com/avatar/a551cb4d?s=50)\\\n   Androidena\\\n   October 3, 2020 at 9:33 pm\\\n   With over 100 million installs, this is the leading free tool.\\\n   Reply\n2. ![](https://secure.gravatar.com/avatar/8074b3c5?s=50)\\\n   Melissa Sibanda\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('1. Open Settings.\n2. Scan the device.\n\nIt will scan and remove malware from your device.')
    expect(ruleIds(file).has('comment-thread')).toBe(true)
  })
  it('comments whose list markup broke into a paragraph go too', () => {
    const input = 'Last step done.\n\nJanuary 2, 2024 at 1:47 pm\\\nThank you so much was super helpful.\\\nReply\n'
    expect(clean(input).markdown).toBe('Last step done.')
  })
})

describe('link-card', () => {
  it('related-story cards whose picture became a link to the image file go; a bullet list of links stays', () => {
    const input =
      '- [VSCO](https://www.example.com/images/more-reading/vsco-s.jpg)  What Is VSCO - Overview, Evaluation, Pros\\\n  What is VSCO? Read this article.\n- [Magisto](https://www.example.com/images/more-reading/magisto-s.jpg)  Magisto - Video Editing Overview\n\n* [Download the driver](https://www.example.com/driver) from the vendor.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('- [Download the driver](https://www.example.com/driver) from the vendor.')
    expect(ruleIds(file).has('link-card')).toBe(true)
  })
})

describe('toc-list: numbered entries', () => {
  it('entries with their number before the anchor link go, as a list or as lines of a paragraph', () => {
    const input =
      '- Option 1 —[**Manually**](#option1)\n- Option 2 —[**Automatically (Recommended)**](#option2)\n\nMethod 1: [**Update Device Drivers**](#m1)\nMethod 2: [**Use Driver Verifier**](#m2)\n\n## Option 1 — Manually\n\nOpen Device Manager.\n'
    expect(clean(input).markdown).toBe('## Option 1 — Manually\n\nOpen Device Manager.')
  })
})

describe('toc-echo', () => {
  it('a list whose entries repeat the headings below goes, numbering aside; a list that repeats no heading stays', () => {
    const input =
      '1. Introduction\n2. Part 1. What is Docker?\n\n- Docker\n- Podman\n\n## Introduction\n\nWhy containers.\n\n## 1. What is Docker?\n\nA container runtime.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('- Docker\n- Podman\n\n## Introduction\n\nWhy containers.\n\n## 1. What is Docker?\n\nA container runtime.')
    expect(ruleIds(file).has('toc-echo')).toBe(true)
  })
})

describe('related-link', () => {
  it("another story's link set as a paragraph between the article's, with or without a label, goes; a fix title, a button, a lead-in's link and a reference in a sentence's words stay", () => {
    const input =
      'The 2-in-1 offers a thinner, lighter experience.\n\n[Dell XPS 13 2-in-1 Laptop Review](https://www.lifewire.com/dell-xps-13-2-in-1-laptop-review-4795686)\n\n**Review:** [**MacBook Air (M2, 2022): Sleeker, faster**](https://www.zdnet.com/article/apple-macbook-air-m2-2022-review/)\n\n[5 Things to Consider Before Buying a Wireless Router](https://www.lifewire.com/best-wi-fi-6-routers-5181486)\n\n[**Fix 4: Uninstall unwanted hidden devices**](https://example.com/fix-4)\n\n[Download the latest driver package](https://example.com/driver)\n\nGet the tool here:\n\n[Windows Repair Tool Free Edition](https://example.com/tool)\n\n[Here is an example of label slices in pandas](https://pandas.pydata.org/docs/indexing.html)\n\nThe end.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe(
      'The 2-in-1 offers a thinner, lighter experience.\n\n[**Fix 4: Uninstall unwanted hidden devices**](https://example.com/fix-4)\n\n[Download the latest driver package](https://example.com/driver)\n\nGet the tool here:\n\n[Windows Repair Tool Free Edition](https://example.com/tool)\n\n[Here is an example of label slices in pandas](https://pandas.pydata.org/docs/indexing.html)\n\nThe end.'
    )
    expect(ruleIds(file).has('related-link')).toBe(true)
  })
})

describe('related-link spares product cards', () => {
  it("a best-X list's shop link, its product's name then a lower-case award, is the list's entry, not another story", () => {
    const card = '[Varier Move Tilting Saddle Stool Best standing desk chair overall](https://buy.geni.us/Proxy.ashx?TSID=368250)'
    const {markdown} = clean(`Our picks follow.\n\n${card}\n\nThe Varier stool rocks with you as you work.\n`)
    expect(markdown).toBe(`Our picks follow.\n\n[Varier Move Tilting Saddle Stool Best standing desk chair overall](https://buy.geni.us/Proxy.ashx?TSID=368250)\n\nThe Varier stool rocks with you as you work.`)
  })
})

describe('author-bio, site-footer, promo-line and deal-card in other words', () => {
  it("an author box's bio, the copyright line, `MORE:` / `You may need:` promos and a price widget's lines go; prose about an editor stays", () => {
    const input =
      'Lena is an editor of FoneTool, she covers backup & restore, and phone data management.\n\n© Copyright 2024 Stellar Information Technology Pvt. Ltd. All Trademarks Acknowledged.\n\n**MORE:** **Best Motherboards**\n\nYou may need:How to view, manage and cancel iTunes subscription .\n\nToday\'s best ASRock Z790I Lightning WiFi deals\n\nNo price information\n\nWe check over 250 million products every day for the best prices\n\nThe editor of the video is easy to use.\n'
    const {markdown, file} = clean(`${input}\nTRY DASHLANE FOR FREE!\n\nMore Details\n\nRecommend: Best DVD Ripper for Windows\n`)
    expect(markdown).toBe('The editor of the video is easy to use.')
    for (const rule of ['author-bio', 'site-footer', 'promo-line', 'deal-card', 'button-line']) expect(ruleIds(file).has(rule)).toBe(true)
  })
})

describe('promo-line: a label over a link, not over a sentence', () => {
  it('a link under a short label goes; the same label over a sentence of the article stays, with its linked words', () => {
    const sentence = 'Recommendation: Periodically review unused dependencies for removal using tools like [cargo-udeps](https://crates.io/crates/cargo-udeps).'
    const {markdown, file} = clean(`**MORE:** [**Best Motherboards for Gaming**](https://www.tomshardware.com/reviews/best-motherboards,5429.html).\n\n${sentence}\n\nRecommendation: Add to your \`Cargo.toml\`:\n`)
    expect(markdown).toBe(`${sentence}\n\nRecommendation: Add to your \`Cargo.toml\`:`)
    expect(file.data.changes?.filter((change) => change.ruleId === 'promo-line')).toHaveLength(1)
  })
})

describe('clean: texturized-fence', () => {
  it('a “`py … “` fence the blog printed as quotes is a code block again, its # comment no heading', () => {
    const input =
      '## Image compression\n\nThe following example will shrink an image:  \n“\\`py\n\n# the pillow package can be imported as PIL\n\nfrom PIL import Image  \nimg = Image.open(file\\_path)  \n“\\`\n\n## Wikipedia content\n\nText.\n'
    const {markdown, file} = clean(input)
    expect(markdown).toBe('## Image compression\n\nThe following example will shrink an image:\n\n```py\n# the pillow package can be imported as PIL\nfrom PIL import Image\nimg = Image.open(file_path)\n```\n\n## Wikipedia content\n\nText.')
    expect(file.data.changes?.filter((change) => change.ruleId === 'texturized-fence')).toHaveLength(1)
  })
  it('an opening line with no closing one before a section heading changes nothing', () => {
    const input = '## Find addresses\n\nUse the script below:\n\n“\\`py\n\nimport geocoder\n\n## Next\n\nText.\n'
    expect(clean(input).markdown).toBe(input.trimEnd())
  })
})

describe('site-footer and button-line: a site describing itself, a pointer to a button the clipping lost', () => {
  it("the site's mission line under its footer rule goes; a company's description in a story stays", () => {
    const {markdown, file} = clean('Go is a language.\n\nTutorials Point is a leading Ed Tech company striving to provide the best learning material on technical and non-technical subjects.\n\nAcme is a leading provider of routers in Europe.\n')
    expect(markdown).toBe('Go is a language.\n\nAcme is a leading provider of routers in Europe.')
    expect(ruleIds(file).has('site-footer')).toBe(true)
  })
  it('"Click on the … button to see how it works", bold or not, goes; a step clicking a button stays', () => {
    const {markdown} = clean('Go online.\n\n**Click on the "Try it Yourself" button to see how it works.**\n\nClick on the "Save" button to keep the file.\n')
    expect(markdown).toBe('Go online.\n\nClick on the "Save" button to keep the file.')
  })
})
