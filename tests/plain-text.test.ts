/**
 * Plain fields are plain text, Markdown never carries a tag (not even
 * escaped), invisible controls go, scheme removal keeps the prose, and a
 * changed cache entry cannot bring HTML or a script URL into the output.
 * One test per hazard of issue 16's "Unsafe or wrong values"; every input is
 * made here, every expectation follows from it.
 */
import {describe, expect, it} from 'vitest'
import type {AcceptedFile} from '../src/process-file.js'
import type {FixSet} from '../src/schema.js'
import {emitFixSet} from '../src/stages/emit.js'
import {stripMarkup, toPlainText, wellFormed} from '../src/stages/plain-text.js'
import {safeMarkdown} from '../src/stages/safe-markdown.js'
import {accepted, processText} from './helpers/run.js'

const bidiControls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c].map((code) => String.fromCodePoint(code))
const separators = ['\u2028', '\u2029']
/** Any character the output must not hold, as a test. */
const anyInvisible = new RegExp(`[${[...bidiControls, ...separators].join('')}]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`, 'u')

/** Escapes text the way HTML text is written, so parsing it once gives the text back. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Emits the fix set of one article (optionally changed first, as a cache entry could be) and reads its files back. */
function emitOne(text: string, change: (file: AcceptedFile) => void = () => {}, duplicateTexts: string[] = []) {
  const canonical = accepted(processText(text, 'a.md'))
  change(canonical)
  const duplicates = duplicateTexts.map((duplicate, index) => accepted(processText(duplicate, `b${index}.md`)))
  const emitted = emitFixSet('a', {cluster: {canonical: 'a.md', duplicates: duplicates.map((file) => ({path: file.path, similarity: 0.9}))}, canonical, duplicates})
  const json = emitted.files.get('fixsets/a.json')!
  return {json, fixset: JSON.parse(json) as FixSet, markdown: emitted.files.get('fixsets/a.md')!, diagnostics: emitted.diagnostics}
}

describe('plain text, the module', () => {
  it('drops HTML tags and keeps their text', () => {
    expect(toPlainText('<img src=x onerror=alert(1)> Printer offline')).toEqual({value: 'Printer offline', tags: ['img']})
    expect(toPlainText('Fix <b>slow</b> <i>Wi-Fi</i>')).toEqual({value: 'Fix slow Wi-Fi', tags: ['b', 'i']})
    // A script's source is not text; the `">` before it is.
    expect(toPlainText('"><script>alert(1)</script> Fix it')).toEqual({value: '"> Fix it', tags: ['script']})
    expect(toPlainText('<!-- note --> Title').value).toBe('Title')
  })
  it('keeps placeholders and comparisons, which are text', () => {
    expect(toPlainText('Run <ProductCode> setup')).toEqual({value: 'Run <ProductCode> setup', tags: []})
    expect(toPlainText('<b>Run</b> <ProductCode> setup')).toEqual({value: 'Run <ProductCode> setup', tags: ['b']})
    expect(toPlainText('When 3 < 5 and 7 > 2')).toEqual({value: 'When 3 < 5 and 7 > 2', tags: []})
    // Seen in the corpus: a host name and a command syntax in angle brackets.
    expect(toPlainText('the interface (<www.mynetext.net>)')).toEqual({value: 'the interface (<www.mynetext.net>)', tags: []})
    expect(toPlainText('<number><comma><d/u> like: 5,d')).toEqual({value: '<number><comma><d/u> like: 5,d', tags: []})
    // API references' type names, though <object> and <map> are elements; an element written as HTML authors write it is markup.
    expect(toPlainText('message <Object> The notification, as a <Map> of <Buffer>')).toEqual({value: 'message <Object> The notification, as a <Map> of <Buffer>', tags: []})
    expect(toPlainText('<object>x</object> <MAP>y</MAP>')).toEqual({value: 'x y', tags: ['object', 'map']})
    // A type-name spelling never keeps an element that changes how what follows is read, or one with attributes.
    expect(toPlainText('<Script>alert(1)</Script> <Style>b{}</Style> <Object data=x.swf> ok')).toEqual({value: 'ok', tags: ['script', 'style', 'object']})
    // An event handler works on any element, known or not.
    expect(toPlainText('<x onmouseover=alert(1)>hover</x> me')).toEqual({value: 'hover me', tags: ['x']})
  })
  it('parses again what decoding spells: a tag written with references next to a tag', () => {
    expect(toPlainText('<b>Tip</b> &lt;img src=x onerror=alert(1)&gt;')).toEqual({value: 'Tip', tags: ['b', 'img']})
    const nest = (levels: number) => Array.from({length: levels}).reduce<string>((inner) => `<textarea>${escapeHtml(inner)}</textarea>`, 'x')
    expect(toPlainText(nest(3))).toEqual({value: 'x', tags: ['textarea', 'textarea', 'textarea']})
    // Deeper than the passes allowed: nothing of it is kept rather than a tag.
    expect(toPlainText(nest(20)).value).toBe('')
  })
  it('drops every bidi control; separators become spaces; a control hidden inside a tag does not hide it', () => {
    for (const control of bidiControls) expect(toPlainText(`Fix${control} it`).value).toBe('Fix it')
    for (const separator of separators) expect(toPlainText(`Fix${separator}it`).value).toBe('Fix it')
    expect(toPlainText('<\u202Eimg src=x onerror=alert(1)>Photo')).toEqual({value: 'Photo', tags: ['img']})
  })
  it('replaces lone surrogates, keeps pairs', () => {
    expect(wellFormed('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc')
    expect(toPlainText('smile \uD83D\uDE00 \uDE00').value).toBe('smile \uD83D\uDE00 \uFFFD')
  })
  it('stripMarkup keeps white space as it is in Markdown text', () => {
    expect(stripMarkup('one\ntwo <b>three</b>', 'pre').value).toBe('one\ntwo three')
  })
})

describe('plain fields of an emitted fix set', () => {
  const front = [
    'title: "<img src=x onerror=alert(1)> Printer offline"',
    'description: "\\"><script>alert(2)</script>Fix it \\u202Enow"',
    'tags: ["<b>printer</b>", "wi\\u2066fi"]',
    'categories: ["<svg onload=alert(3)>Windows</svg>"]'
  ].join('\n')
  const article = `---\n${front}\n---\n\nA printer that shows offline can be brought back.\n\n## 1. Restart the spooler\n\nOpen Services.\n`

  it('title, description, tags and categories lose tags (with a warning) and controls', () => {
    const {fixset, markdown, diagnostics} = emitOne(article)
    expect(fixset.title).toBe('Printer offline')
    expect(fixset.description).toBe('">Fix it now')
    expect(fixset.tags).toEqual(['printer', 'wifi'])
    expect(fixset.categories).toEqual(['Windows'])
    expect(fixset.sources[0]!.title).toBe('Printer offline')
    expect(markdown).toContain('title: Printer offline')
    expect(markdown).not.toMatch(/<(?:img|script|b|svg)\b/)
    const warnings = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'plain-text').map((diagnostic) => diagnostic.message)
    expect(warnings).toContain('HTML `<img>` dropped from the title (its text is kept): plain fields carry no HTML')
    expect(warnings).toContain('HTML `<script>` dropped from the description (its text is kept): plain fields carry no HTML')
  })
  it('aliases are plain, and an alias that becomes the title goes', () => {
    const duplicate = (title: string) => `---\ntitle: "${title}"\n---\n\nA printer that shows offline can be brought back.\n\n## 1. Restart the spooler\n\nOpen Services.\n`
    const {fixset} = emitOne(duplicate('Printer offline'), undefined, [duplicate('<i>Printer offline</i>'), duplicate('Printer <u>shows</u> offline')])
    expect(fixset.aliases).toEqual(['Printer shows offline'])
  })
  it('lone surrogates from YAML escapes become U+FFFD in the JSON', () => {
    const {fixset, json} = emitOne('---\ntitle: "Fix \\uD800 now"\ntags: ["a\\uDC00"]\n---\n\nBody text here.\n')
    expect(fixset.title).toBe('Fix \uFFFD now')
    expect(fixset.tags).toEqual(['a\uFFFD'])
    expect(json).not.toMatch(/\\ud[89a-f]/i)
  })
  it('fix, section and outro titles, headings, FAQ questions and alt text are plain even when the extraction (or a cache entry) gives HTML', () => {
    const {fixset, json} = emitOne(article, (file) => {
      const fix = file.article.fixes[0]!
      fix.title = 'Restart <img src=x onerror=alert(1)>the spooler\u202E'
      fix.blocks.push({type: 'heading', depth: 3, text: 'Then <b>check</b>'}, {type: 'image', url: 'https://example.com/a.png', alt: '<svg onload=alert(1)>Spooler'})
      fix.images.push({url: 'https://example.com/a.png', alt: '<svg onload=alert(1)>Spooler'})
      file.article.sections.push({title: '<script>x()</script>Why', role: 'background', blocks: [], steps: [], images: [], videos: []})
      file.article.faq.push({question: 'Is it <em>safe</em>?', answer: 'Yes.'})
      file.article.outro = {title: '<u>Last</u> words', blocks: [], steps: [], images: [], videos: []}
    })
    const fix = fixset.fixes[0]!
    expect(fix.title).toBe('Restart the spooler')
    expect(fix.blocks.filter((block) => block.type !== 'paragraph')).toEqual([
      {type: 'heading', depth: 3, text: 'Then check'},
      {type: 'image', url: 'https://example.com/a.png', alt: 'Spooler'}
    ])
    expect(fix.images).toEqual([{url: 'https://example.com/a.png', alt: 'Spooler'}])
    expect(fixset.sections.map((section) => section.title)).toEqual(['Why'])
    expect(fixset.faq.map((entry) => entry.question)).toEqual(['Is it safe?'])
    expect(fixset.outro!.title).toBe('Last words')
    expect(json).not.toMatch(/<(?:img|svg|script|b|em|u)\b/)
    expect(json).not.toMatch(anyInvisible)
  })
})

describe('Markdown text never carries a tag, not even escaped', () => {
  it('a tag the Markdown parser took for text goes from paragraphs and steps, with a warning; its text stays', () => {
    // A quote is not allowed in an unquoted attribute value, so CommonMark reads these as text, not HTML.
    const text = "---\ntitle: T\n---\n\nOpen <img src=x onerror=alert('1')>Settings.\n\n1. Tap &lt;svg onload=alert(1)&gt;Save\n2. Done\n"
    const result = accepted(processText(text))
    expect(result.body).toBe('Open Settings.\n\n1. Tap Save\n2. Done')
    expect(result.article.intro.steps).toEqual([['Tap Save', 'Done']])
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'escaped-html').map((diagnostic) => diagnostic.line)).toEqual([5, 7])
  })
  it('image alt text loses tags; code keeps what it says', () => {
    const result = accepted(processText('---\ntitle: T\n---\n\n![<svg onload=alert(1)>Router](https://example.com/r.png)\n\nType `<b>` in the box.\n'))
    expect(result.article.intro.images).toEqual([{url: 'https://example.com/r.png', alt: 'Router'}])
    expect(result.body).toContain('Type `<b>` in the box.')
  })
  it('bidi controls and separators go from text, URLs and alt text', () => {
    const text = `---\ntitle: T\n---\n\nClick ${bidiControls.join('')}here,\u2028then save.\n\n![Shot\u200F](https://example.com/a\u202E.png)\n\n[Docs](https://exa\u2066mple.com/d)\n`
    const result = accepted(processText(text))
    expect(result.body).toBe('Click here, then save.\n\n![Shot](https://example.com/a.png)\n\n[Docs](https://example.com/d)')
    expect(JSON.stringify(result.article)).not.toMatch(anyInvisible)
  })
  it('a URL check is not fooled by an invisible character that goes afterwards', () => {
    const result = accepted(processText('---\ntitle: T\n---\n\n[Open](java\u200Bscript:alert(1)) and ![x](java\u202Escript:alert(2)).\n'))
    expect(result.body).toBe('Open and .')
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unsafe-url')).toHaveLength(2)
  })
})

describe('scheme removal and protocol-relative URLs', () => {
  it('a script URL left in text goes, the prose around it stays', () => {
    const result = accepted(processText('---\ntitle: T\n---\n\nraw javascript:alert(18) prose\n\nClick](javascript:void(0)) here, or vbscript:msgbox(1) there.\n'))
    expect(result.body).toBe('raw prose\n\nClick here, or there.')
  })
  it('a protocol-relative image or link URL gets https:, also when written with backslashes', () => {
    const result = accepted(processText('---\ntitle: T\n---\n\n![a](//evil.example/x.png)\n\n![b](/\\evil.example/y.png)\n\n[c](//example.com/page)\n'))
    expect(result.article.intro.images).toEqual([
      {url: 'https://evil.example/x.png', alt: 'a'},
      {url: 'https://evil.example/y.png', alt: 'b'}
    ])
    expect(result.body).toContain('[c](https://example.com/page)')
  })
})

describe('a changed cache entry cannot bring HTML or a script URL into the output', () => {
  it('emit drops them from Markdown fields, the body and image, video and source URLs', () => {
    const text = '---\ntitle: Fix\n---\n\nIntro text.\n\n## 1. Restart\n\n1. Open it\n2. Close it\n\n## FAQ\n\n### Why?\n\nBecause.\n'
    const {json, markdown, fixset} = emitOne(text, (file) => {
      // What someone who can write the cache folder could put in a render result.
      file.body = '<script>alert(1)</script>\n\n[Open](javascript:alert(2)) now.\n\n![x](data:image/svg+xml,<svg/onload=alert(3)>)'
      file.meta.sourceUrl = 'javascript:alert(4)'
      file.article.intro.blocks.push(
        {type: 'paragraph', markdown: 'Hi <script>alert(5)</script> [there](JAVASCRIPT:alert(6))'},
        {type: 'image', url: 'javascript:alert(7)', alt: 'x'},
        {type: 'video', provider: 'youtube', id: 'x', url: 'javascript:alert(8)'},
        {type: 'list', ordered: false, items: ['[a](jav&#x61;script:alert(9))']}
      )
      file.article.intro.images.push({url: ' javascript:alert(10)', alt: 'x'})
      file.article.fixes[0]!.steps[0]![0] = 'Open <img src=x onerror=alert(11)>'
      file.article.faq[0]!.answer = '<iframe src="https://evil.example"></iframe>Because.'
    })
    expect(json + markdown).not.toMatch(/<(?:script|img|iframe|svg)|javascript:|jav&#x61;script|data:/i)
    expect(fixset.sourceUrl).toBeNull()
    expect(fixset.intro.blocks).toEqual([
      {type: 'paragraph', markdown: 'Intro text.'},
      // Inline, `<script>` and `</script>` are two HTML nodes around a text node: the tags go, the text between them stays.
      {type: 'paragraph', markdown: 'Hi alert(5) there'},
      {type: 'list', ordered: false, items: ['a']}
    ])
    expect(fixset.intro.images).toEqual([])
    expect(fixset.fixes[0]!.steps[0]).toEqual(['Open', 'Close it'])
    expect(markdown.endsWith('# Fix\n\nOpen now.\n')).toBe(true)
  })
  it('Markdown that holds neither comes back byte for byte', () => {
    for (const markdown of ['Back up your data: now', 'Tips &amp; tricks \\<ProductCode>', '[a](https://example.com/?a=1&b=2) `<b>`', 'Use `javascript:` in code']) {
      expect(safeMarkdown(markdown)).toEqual({value: markdown, warnings: []})
    }
  })
})

describe('what the emit check parses', () => {
  it('a body that opens with a thematic break keeps its lists when it is cleaned again (no frontmatter fence is opened)', () => {
    // A clipped GitHub README: the clipper's rule under its header, then the page's lists; a `<b>` makes the check parse it.
    const body = '---\n\n## Install\n\n1. `dotnet new sln`\n2. Run <b>it</b>\n\n- [README](https://github.com/a/b#)\n'
    expect(safeMarkdown(body).value).toBe('---\n\n## Install\n\n1. `dotnet new sln`\n2. Run it\n\n- [README](https://github.com/a/b#)')
  })
  it('an escaped < is text, an even run of backslashes before it is not an escape, an autolink is safe', () => {
    expect(safeMarkdown('Type \\<script> here').value).toBe('Type \\<script> here')
    expect(safeMarkdown('Mail <support@example.com> or see <https://example.com/a>').value).toBe('Mail <support@example.com> or see <https://example.com/a>')
    // `\\` is one backslash, so the `<script>` after it is HTML.
    expect(safeMarkdown('a \\\\<script>alert(1)</script> b').value).toBe('a \\alert(1) b')
    expect(safeMarkdown('<https://example.com/a><img src=x onerror=alert(1)>').value).toBe('<https://example.com/a>')
  })
})
