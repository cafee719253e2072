/**
 * HTML bodies are content (issue 18, part 1): short excerpts shaped like a
 * WordPress autoblog export (raw HTML body, `[ad_1]` shortcodes, tab-indented
 * HTML) and web clippings (highlighter markup, Chroma line-number tables),
 * converted by `html-to-markdown`, and the scan signing the same text.
 */
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {scanFile} from '../src/process-file.js'
import {deduplicate} from '../src/stages/dedupe.js'
import {sha256Hex} from '../src/stages/discover.js'
import {scanBody} from '../src/stages/scan.js'
import {accepted, clean, processText} from './helpers/run.js'

const paragraphs = [
  'Federal regulators opened an inquiry on Tuesday into how the company handled battery recalls across three states.',
  'The agency said it had received more than two hundred complaints since March, most of them about overheating chargers.',
  'A spokeswoman for the company said it was cooperating fully and expected to publish its own findings within weeks.'
]

/** A WordPress-export-like article: `post_title` keys, shortcodes, a raw HTML body. */
const wordpressExport = [
  '---',
  'post_title: Regulators Open Inquiry Into Battery Recalls',
  'post_date: 2023-05-02 10:00:00',
  '---',
  '[ad_1]',
  '<div class="article-body">',
  `<h2>What happened</h2>`,
  `<p>${paragraphs[0]}</p>`,
  `<p>${paragraphs[1]} <a href="https://example.org/report">Read the report</a>.</p>`,
  '<script>window.dataLayer = window.dataLayer || [];</script>',
  '<form action="/subscribe"><input name="email"><button>Subscribe</button></form>',
  '<img src="https://pixel.example/t.gif" width="1" height="1">',
  '',
  `\t<p>${paragraphs[2]}</p>`,
  '',
  '<ul><li>First point</li><li>Second point</li></ul>',
  '</div>',
  '[ad_2]',
  ''
].join('\n')

describe('html-to-markdown: HTML body to Markdown', () => {
  it('keeps every paragraph, heading, list and link of a multi-line HTML body; drops script, form, pixel and the [ad_N] shortcodes', () => {
    const {markdown} = clean(wordpressExport.split('\n').slice(4).join('\n'))
    expect(markdown).toBe(
      [
        '## What happened',
        paragraphs[0],
        `${paragraphs[1]} [Read the report](https://example.org/report).`,
        paragraphs[2],
        '- First point\n- Second point'
      ].join('\n\n')
    )
  })

  it('tab-indented HTML in an HTML-bodied article is HTML, not a code block', () => {
    const {tree} = clean(`<div>\n<p>${paragraphs[0]}</p>\n\n\t<p>${paragraphs[1]}</p>\n\n</div>\n`)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
  })

  it('an export whose whole HTML body is tab-indented, with only shortcodes around it, is HTML: its text is kept, not rejected', () => {
    const source = ['---', 'post_title: Regulators Open Inquiry Into Battery Recalls', '---', '[ad_1]', '', ...paragraphs.slice(0, 2).map((text) => `\t<p>${text}</p>`), '\t<h2>What comes next</h2>', `\t<p>${paragraphs[2]}</p>`, '', '[ad_2]', '', 'Source link', ''].join('\n')
    const result = accepted(processText(source, 'wp.md'))
    expect(result.body).toBe([paragraphs[0], paragraphs[1], '## What comes next', paragraphs[2]].join('\n\n'))
  })

  it('indented HTML under a tutorial\'s own prose stays an example, even tab-indented', () => {
    const tutorial = `${paragraphs[0]} The markup looks like this:\n\n\t<p class="note">Saved.</p>\n`
    expect(clean(tutorial).tree.children.map((node) => node.type)).toEqual(['paragraph', 'code'])
  })

  it('an indented code block is code when the article has no HTML, or when it holds components', () => {
    expect(clean('Text.\n\n    <p>shown as code</p>\n').tree.children.map((node) => node.type)).toEqual(['paragraph', 'code'])
    const blazor = clean('<div>Intro</div>\n\n    <EditForm Model="@model">\n    </EditForm>\n')
    expect(blazor.tree.children.map((node) => node.type)).toEqual(['paragraph', 'code'])
  })

  it('turns tables and <pre> code into mdast, entities decoded', () => {
    const {markdown} = clean('<table><tr><th>Key</th><th>Action</th></tr><tr><td>Ctrl&nbsp;+&nbsp;C</td><td>Copy &amp; keep</td></tr></table>\n\n<pre><code class="language-go">if a &lt; b {&#x20;return }</code></pre>\n')
    expect(markdown).toBe('| Key      | Action      |\n| -------- | ----------- |\n| Ctrl + C | Copy & keep |\n\n```go\nif a < b { return }\n```')
  })

  it('keeps a YouTube player as a video, drops other frames', () => {
    const {markdown, file} = clean('<p>Watch it:</p>\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n<iframe src="https://ads.example/frame" title="Sponsored"></iframe>\n')
    expect(markdown).toBe('Watch it:')
    expect(file.data.htmlVideos).toEqual([{provider: 'youtube', id: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', line: 1}])
  })

  it('drops a block that is only a list of links with a short label (a related-posts farm)', () => {
    expect(clean('Real text.\n\n<p>Related:</p><ul><li><a href="https://a.example/1">One post</a></li><li><a href="https://a.example/2">Another post</a></li></ul>\n').markdown).toBe('Real text.')
  })
})

describe('html-to-markdown: inline HTML and code', () => {
  it('inline <a href> and <b> inside a paragraph become a link and bold', () => {
    expect(clean('See <a href="https://example.org/x">the <b>full</b> guide</a> for <i>details</i>.\n').markdown).toBe('See [the **full** guide](https://example.org/x) for _details_.')
  })

  it('an anchor without href is its text', () => {
    expect(clean('## <a id="step-1"></a>Restart the router\n').markdown).toBe('## Restart the router')
  })

  it('highlighter <span> markup in a code block becomes plain code; an HTML example stays code', () => {
    const highlighted = '```\n<span class="line"><span class="cl"><span class="nv">value</span> <span class="o">=</span> f<span class="o">(</span>x<span class="o">)</span></span></span>\n```\n'
    expect(clean(highlighted).markdown).toBe('```\nvalue = f(x)\n```')
    const example = '```html\n<span class="a">x</span><span class="b">y</span><span class="c">z</span>\n```\n'
    expect(clean(example).markdown).toBe(example.trim())
  })

  it('a Chroma line-number table becomes its code block, without the numbers', () => {
    const table =
      '<table class="lntable"><tbody><tr><td class="lntd"><pre class="chroma"><code><span class="lnt">1\n</span><span class="lnt">2\n</span></code></pre></td>' +
      '<td class="lntd"><pre class="chroma"><code class="language-python"><span class="line"><span class="k">def</span> <span class="nf">main</span>():\n</span><span class="line">    pass</span></code></pre></td></tr></tbody></table>\n'
    expect(clean(table).markdown).toBe('```python\ndef main():\n    pass\n```')
  })

  it('a listing printed one element per line (a <code> per line, or line spans with the newlines stripped) keeps its lines', () => {
    expect(clean('<pre><code>cd /tmp</code><code>ls -la</code></pre>\n').markdown).toBe('```\ncd /tmp\nls -la\n```')
    const spans = '<pre class="shiki"><code class="language-sh"><span class="line"><span>npm</span> install</span><span class="line">npm test</span></code></pre>\n'
    expect(clean(spans).markdown).toBe('```sh\nnpm install\nnpm test\n```')
    // A <br> already ends a line, and a highlighted block in a Markdown fence is read the same way.
    expect(clean('<pre><code>one</code><br><code>two</code></pre>\n').markdown).toBe('```\none\ntwo\n```')
    expect(clean('```\n<span class="line">a = 1</span><span class="line">b = 2</span>\n```\n').markdown).toBe('```\na = 1\nb = 2\n```')
    // Token spans without a line class are one line's parts, not lines.
    expect(clean('<pre><code><span class="k">let</span> <span class="n">x</span></code></pre>\n').markdown).toBe('```\nlet x\n```')
  })

  it("a prose-beside-code layout table (Go by Example's) keeps its prose and its code, in reading order", () => {
    const table =
      '<table><tbody><tr><td><p><em>Channels</em> are the pipes that connect concurrent goroutines.</p></td><td><pre><code><span>package main</span></code></pre></td></tr>' +
      '<tr><td><p>Send a value into a channel.</p></td><td><pre><code><span>messages &lt;- "ping"</span></code></pre></td></tr></tbody></table>\n'
    expect(clean(table).markdown).toBe('_Channels_ are the pipes that connect concurrent goroutines.\n\n```\npackage main\n```\n\nSend a value into a channel.\n\n```\nmessages <- "ping"\n```')
  })

  it('never leaves an html node', () => {
    const {tree} = clean(wordpressExport.split('\n').slice(4).join('\n') + '\nText <span>with</span> <!-- a comment --> html.\n\n</div>\n')
    const types: string[] = []
    const walk = (node: {type: string; children?: unknown[]}) => {
      types.push(node.type)
      for (const child of (node.children ?? []) as Array<{type: string}>) walk(child)
    }
    walk(tree)
    expect(types).not.toContain('html')
  })
})

describe('scan: HTML blocks count with their text', () => {
  const dropLines = defaultConfig.dropLines.map((rule) => ({...rule, regex: new RegExp(rule.pattern, 'iu')}))

  it('a 3-paragraph HTML body is signed by all its words, not by nine', () => {
    const lines = wordpressExport.split('\n')
    const {words} = scanBody(lines, 4, dropLines)
    const expected = [...paragraphs, 'What happened', 'Read the report', 'First point', 'Second point', 'ad 1 ad 2'].join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu)!
    expect([...words].sort()).toEqual([...expected].sort())
  })

  it('reads a listing printed one <code> per line as its lines, as the conversion does', () => {
    expect(scanBody(['<pre><code>cd /tmp</code><code>ls -la</code></pre>'], 0, dropLines).words).toEqual(['cd', 'tmp', 'ls', 'la'])
  })

  it('skips ad slots, scripts and link farms inside HTML blocks', () => {
    const lines = ['Real words here.', '', '<ins class="adsbygoogle" data-ad-slot="1"></ins>', '', '<script>track("x")</script>', '', '<p>Also read:</p><ul><li><a href="/a">Other post</a></li><li><a href="/b">Third post</a></li></ul>']
    expect(scanBody(lines, 0, dropLines).words).toEqual(['real', 'words', 'here'])
  })

  it('a line of bare text between top-level tags stays a line of its own, so line rules read it; a newline between tags is layout', () => {
    // WP Automatic's ending: the back-link and the closing shortcode, one HTML block, each on its own line.
    const ending = `<p>${paragraphs[0]}</p>\n<br>\n<br><br><a href="https://example.org/story" target="_blank">Source link </a>\n[ad_2]\n`
    expect(clean(ending).markdown).toBe(paragraphs[0])
    expect(clean('<br>\n<b>Note:</b>\nrestart the router first.\n').markdown).toBe('**Note:**\\\nrestart the router first.')
    expect(clean('<div></div>\n<span>Restart</span>\n<span>the router</span>\n').markdown).toBe('Restart the router')
    expect(clean('<p>Restart the\nrouter first.</p>\n').markdown).toBe('Restart the router first.')
  })

  it('an HTML-bodied article keeps its text through the whole pipeline', () => {
    const result = accepted(processText(wordpressExport, 'wp.md'))
    for (const paragraph of paragraphs) expect(result.body).toContain(paragraph)
    expect(result.body).not.toMatch(/<\/?(?:p|div|script|form|img)\b/)
  })
})

describe('dedupe: HTML-bodied articles are signed by their content', () => {
  const otherParagraphs = [
    'The city council voted on Monday to extend the late-night bus service through the winter months for a trial period.',
    'Officials said ridership on the pilot routes had doubled since the summer, and that drivers would be hired in January.',
    'Opponents argued the money would be better spent repairing the stations that have been closed since the spring floods.'
  ]
  /** The same export wrapper (shortcodes, a back-link line, a script) around a different HTML body. */
  const exportOf = (title: string, body: readonly string[]) =>
    ['---', `post_title: ${title}`, '---', '[ad_1]', '<div class="entry">', ...body.map((text) => `<p>${text}</p>`), '<script>var ads = 1;</script>', '</div>', '[ad_2]', '', 'Source link', ''].join('\n')
  const scan = (name: string, text: string) => {
    const bytes = new TextEncoder().encode(text)
    const result = scanFile({path: name, bytes, sha256: sha256Hex(bytes)}, defaultConfig)
    if (result.status !== 'ok') throw new Error(result.reason)
    return {path: name, date: null, signature: result.signature}
  }

  it('two different articles in the same wrapper stay apart; a copy of one joins it', () => {
    const clusters = deduplicate(
      [scan('a.md', exportOf('Battery Recalls', paragraphs)), scan('b.md', exportOf('Night Buses', otherParagraphs)), scan('c.md', exportOf('Battery Recall Inquiry', paragraphs))],
      defaultConfig.dedupe
    )
    expect(clusters.map((cluster) => [cluster.canonical, cluster.duplicates.map((duplicate) => duplicate.path)])).toEqual([
      ['a.md', ['c.md']],
      ['b.md', []]
    ])
  })
})

describe('html-to-markdown: highlighter markup without classes', () => {
  it('a block with one or two token spans (a keyword, a Pygments line anchor) is highlighter markup all the same', () => {
    expect(clean('```\n<span>using</span> Blazr.RenderState.Server;\n<span>//...</span>\n```\n').markdown).toBe('```\nusing Blazr.RenderState.Server;\n//...\n```')
    expect(clean('```\n<span></span>$ echo "print(1)" &gt; foo.py\n```\n').markdown).toBe('```\n$ echo "print(1)" > foo.py\n```')
  })

  it("Medium's code lines (spans joined by <br>, <mark> highlights, a linked URL) become their code, one line per <br>", () => {
    const medium = '```\n<span data-selectable-paragraph=""># pip install requests<br><mark>import</mark> requests<br>url = <a href="https://example.com">https://example.com</a></span>\n```\n'
    expect(clean(medium).markdown).toBe('```\n# pip install requests\nimport requests\nurl = https://example.com\n```')
  })

  it('a block with a span among other elements is an HTML example and stays as written', () => {
    const example = '```\n<button class="navbar-toggler"><span class="navbar-toggler-icon"></span></button>\n```\n'
    expect(clean(example).markdown).toBe(example.trim())
  })

  it('spans a clipper stripped of their classes are still markup', () => {
    const clipped = '```\n<span><span>using</span> System;\n<span>using</span> System.Threading.Tasks;\n<span>namespace</span> <span>BlazorChat</span>\n```\n'
    expect(clean(clipped).markdown).toBe('```\nusing System;\nusing System.Threading.Tasks;\nnamespace BlazorChat\n```')
  })
})

describe('html-to-markdown: code saved as escaped HTML text', () => {
  it('a block of character references with no raw angle bracket is decoded', () => {
    expect(clean('```\nservices.AddServerSideBlazor(o =&gt; o.DetailedErrors = true);\n```\n').markdown).toBe('```\nservices.AddServerSideBlazor(o => o.DetailedErrors = true);\n```')
    expect(clean('```\n&lt;h1&gt;Counter&lt;/h1&gt;\n```\n').markdown).toBe('```\n<h1>Counter</h1>\n```')
  })

  it('a block with a raw bracket, or labelled as markup, keeps its references (they are its text)', () => {
    const mixed = '```\nif (a > b) print("&amp;")\n```\n'
    expect(clean(mixed).markdown).toBe(mixed.trim())
    const lesson = '```html\n&lt;p&gt; shows a tag\n```\n'
    expect(clean(lesson).markdown).toBe(lesson.trim())
  })
})

/**
 * Excerpts shaped like mdBook, Sphinx and cargo's generated pages (the HTML
 * a WordPress autoblog republishes): elements with blank lines inside them,
 * which CommonMark splits into several HTML blocks (`stages/html-runs.ts`),
 * and permalink anchors (`stages/html-anchors.ts`).
 */
describe('html-to-markdown: an element that blank lines split into several HTML blocks', () => {
  it('a definition list whose terms and definitions are set apart keeps each term with its definition', () => {
    const dl = '<dl>\n<dt><code>--dev</code></dt>\n\n<dd>\n<p>Remove as a development dependency.</p>\n</dd>\n\n<dt><code>--build</code></dt>\n\n<dd>\n<p>Remove as a build dependency.</p>\n</dd>\n\n</dl>\n'
    expect(clean(dl).markdown).toBe('- `--dev`\n\n  Remove as a development dependency.\n\n- `--build`\n\n  Remove as a build dependency.')
  })

  it('a <pre> with a blank line inside its code keeps all its code in one code block, nothing read as Markdown', () => {
    const pre = '<h2>Into</h2>\n<pre><code class="language-rust">use std::convert::Into;\n\n#[derive(Debug)]\nstruct Number {\n    value: i32,\n}\n\n# not a heading\nfn main() {}</code></pre>\n\n<p>After the code.</p>\n'
    expect(clean(pre).markdown).toBe('## Into\n\n```rust\nuse std::convert::Into;\n\n#[derive(Debug)]\nstruct Number {\n    value: i32,\n}\n\n# not a heading\nfn main() {}\n```\n\nAfter the code.')
  })

  it('a <pre> opened inside a long <blockquote> run takes its code past a blank line, and the quote holds it all', () => {
    // The run is parsed again only when a block names an open element's end tag or opens a <pre>: the second
    // paragraph does neither, the block whose <pre> starts under a paragraph opens one (so the Markdown-looking code after it is taken in), and
    // the end tags of its code and of the quote close them.
    const quote = '<blockquote>\n<p>Intro.</p>\n\n<p>Run this:</p>\n<pre><code>first\n\n# not a heading\nlast</code></pre>\n\n<p>Done.</p>\n</blockquote>\n\nAfter **the** quote.\n'
    expect(clean(quote).markdown).toBe('> Intro.\n>\n> Run this:\n>\n> ```\n> first\n>\n> # not a heading\n> last\n> ```\n>\n> Done.\n\nAfter **the** quote.')
  })

  it('list items set apart by blank lines inside a <div>, their end tags left out, stay one list', () => {
    const list = '<div>\n<ul>\n<li>Open Settings.\n\n<li>Choose Privacy.\n\n<li>Clear the cache.\n</ul>\n\n<p>That is all.</p>\n</div>\n'
    expect(clean(list).markdown).toBe('- Open Settings.\n- Choose Privacy.\n- Clear the cache.\n\nThat is all.')
  })

  it('Markdown between an opening <div> and its </div> stays Markdown, and an element never closed joins nothing', () => {
    expect(clean('<div class="note">\n\nSome **bold** text.\n\n</div>\n').markdown).toBe('Some **bold** text.')
    expect(clean('<div>\n<p>First.</p>\n\n<p>Second.</p>\n').markdown).toBe('First.\n\nSecond.')
  })
})

describe('html-to-markdown: permalink anchors', () => {
  it("mdBook's heading wrapped in a link to itself is the heading's text; a term's own anchor is its text", () => {
    const html = '<h2 id="what-is-ownership"><a class="header" href="#what-is-ownership">What Is Ownership?</a></h2>\n<p>Text.</p>\n<dl><dt id="opt-q"><a class="option-anchor" href="#opt-q"><code>-q</code></a></dt><dd>Quiet.</dd></dl>\n'
    expect(clean(html).markdown).toBe('## What Is Ownership?\n\nText.\n\n- `-q`\n\n  Quiet.')
  })

  it("Sphinx's ¶ (the id on the section around the heading) and GitHub's icon anchor go; a link to another part of the page stays", () => {
    const html = '<section id="install"><h2>Install<a class="headerlink" href="#install" title="Link to this heading">¶</a></h2>\n<p>See <a href="#usage">Usage</a>.</p></section>\n<h3><a id="user-content-usage" class="anchor" href="#usage"><svg></svg></a>Usage</h3>\n'
    expect(clean(html).markdown).toBe('## Install\n\nSee [Usage](#usage).\n\n### Usage')
  })
})

describe('html-to-markdown: the report counts what a rule took from a converted block', () => {
  it('a removed node made from HTML counts its own text, not the whole HTML block it stands in', () => {
    // The empty product-card link has no text of its own: it took 0 bytes of
    // the article, not the ~300 bytes of the <div> it was converted from.
    const block = ['<div>', `<p>${paragraphs[0]}</p>`, '<p><a href="https://shop.example/item"></a></p>', `<p>${paragraphs[1]}</p>`, '</div>', ''].join('\n')
    const removals = (clean(block).file.data.changes ?? []).filter((change) => change.action === 'removed')
    expect(removals).toEqual([expect.objectContaining({ruleId: 'empty-link', bytes: 0})])
  })
})
