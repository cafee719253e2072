/**
 * Code in `fixset eval`: leftover families are counted outside code, and the
 * figure "HTML in code not code in source", on hand-made excerpts in the
 * shapes the webclips hold (a Razor snippet, a Go program's output, a
 * highlighter's spans in a clipped code block).
 */
import {describe, expect, it} from 'vitest'
import {htmlCodeNotInSourceCode, jsonStringsOutsideCode, textOutsideCode} from '../src/evaluate/code.js'
import {countLeftovers, defaultFamilies, type Family} from '../src/evaluate/leftovers.js'

const rawHtml: Family = {family: 'raw HTML tag', pattern: /<\/?(?:p|div|a|span)(?:\s[^>]*)?\/?>/im, origin: 'test'}
const rating = defaultFamilies().find((family) => family.family === 'bare rating line')!
const emptyLink = defaultFamilies().find((family) => family.family === 'empty link')!

describe('leftover families outside code', () => {
  it('a tag or a bare number in a code block or inline code is not counted; the same in prose is', () => {
    const razor = 'Add the component:\n\n```razor\n<div class="top-row">\n    <a href="/about">About</a>\n</div>\n```\n'
    const goOutput = 'Run it:\n\n```\n$ go run closures.go\n3\n```\n\nThe `<span>` tag is inline.\n'
    const prose = 'Intro.\n\n<div class="ad">Buy</div>\n\nSpecs\n\n4\n'
    const counts = countLeftovers([rawHtml, rating], [
      {id: 'razor', markdown: razor, json: ''},
      {id: 'go', markdown: goOutput, json: ''},
      {id: 'prose', markdown: prose, json: ''}
    ])
    expect(counts.map((count) => count.examples)).toEqual([['prose'], ['prose']])
  })

  it('an indented code block is code too, and its lines stay lines', () => {
    const markdown = 'Output:\n\n    5\n    <p>x</p>\n\nAfter.'
    const outside = textOutsideCode(markdown)
    expect(outside.split('\n')).toHaveLength(markdown.split('\n').length)
    expect(countLeftovers([rawHtml, rating], [{id: 'a', markdown, json: ''}]).map((count) => count.fixsets)).toEqual([0, 0])
  })

  it('a link whose text is inline code is not an empty link', () => {
    const [count] = countLeftovers([emptyLink], [{id: 'a', markdown: 'Use [`importlib`](https://docs.python.org/3/library/importlib.html).', json: ''}])
    expect(count!.fixsets).toBe(0)
  })

  it("the JSON's code blocks are left out and its Markdown strings lose their code", () => {
    const json = {title: 'Counter', blocks: [{type: 'code', lang: 'razor', value: '<p>Count</p>'}, {type: 'paragraph', markdown: 'Put `<div>` first, then <span>x</span>.'}]}
    const strings = jsonStringsOutsideCode(json)
    // The title, the paragraph block's type and its Markdown; nothing of the code block.
    expect(strings.slice(0, 2)).toEqual(['Counter', 'paragraph'])
    expect(strings).toHaveLength(3)
    expect(strings[2]).not.toContain('<div>')
    expect(strings[2]).toContain('<span>x</span>')
  })
})

describe('HTML in code not code in source', () => {
  it('a code block of HTML that was code in the source is fine, its spans and escapes resolved or not', () => {
    const output = 'Client:\n\n```\n<PackageReference Include="Blazr.WASM" Version="0.9.1" />\n```\n\nLayout:\n\n```\n<script src="_framework/blazor.server.js"></script>\n```\n'
    const source = [
      'Client:',
      '```\n   <span>&lt;</span><span>PackageReference</span> <span>Include</span>=<span>"Blazr.WASM"</span> <span>Version</span>="0.9.1" <span>/&gt;</span>\n```',
      'Layout:',
      '<pre><code>&lt;script src="_framework/blazor.server.js"&gt;&lt;/script&gt;</code></pre>'
    ].join('\n\n')
    expect(htmlCodeNotInSourceCode(output, source)).toEqual([])
  })

  it('a code block holding markup that was prose or page HTML in the source is counted; code without a tag is not', () => {
    const output = '```\n<div class="card">Read more about drivers</div>\n```\n\n```\nif a < b { return }\n```\n'
    const source = 'Intro.\n\n<div class="card">Read more about drivers</div>\n\nif a < b { return }\n'
    expect(htmlCodeNotInSourceCode(output, source)).toEqual(['<div class="card">Read more about drivers</div>'])
  })
})
