/**
 * Hostile input, one test per hazard measured with fixset's dependencies:
 * nothing runs, nothing hangs, nothing unsafe reaches consumers, nothing is lost.
 */
import matter from 'gray-matter'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {processFile} from '../src/process-file.js'
import {assignIds} from '../src/stages/ids.js'
import {accepted, processText} from './helpers/run.js'

const fm = (body: string, front = 'title: Hostile\ndate: 2024-01-01') => `---\n${front}\n---\n\n${body}\n`
const reasonOf = (text: string) => {
  const result = processText(text)
  return result.status === 'rejected' ? result.reason : undefined
}
const ruleIds = (text: string) => processText(text).diagnostics.map((diagnostic) => diagnostic.ruleId)

describe('frontmatter engines and caches', () => {
  it('---js and ---javascript are rejected with a plain reason and never run', () => {
    expect(reasonOf('---js\n{title: (globalThis.__ran = true, "x")}\n---\nbody\n')).toBe('Frontmatter uses the `js` engine, which is not allowed.')
    expect(reasonOf('---javascript\nmodule.exports = {}\n---\nbody\n')).toBe('Frontmatter uses the `javascript` engine, which is not allowed.')
    expect((globalThis as {__ran?: boolean}).__ran).toBeUndefined()
  })
  it('---constructor and ---toString do not reach built-in methods', () => {
    expect(reasonOf('---constructor\na: 1\n---\nbody\n')).toMatch(/`constructor` engine/)
    expect(reasonOf('---toString\na: 1\n---\nbody\n')).toMatch(/`toString` engine/)
  })
  it('a !!js/function tag stays a plain string and runs nothing', () => {
    const result = accepted(processText('---\ntitle: !!js/function "function () { globalThis.__ran = true }"\n---\n\nThe function body text.\n'))
    expect(result.meta.title).toBe('function () { globalThis.__ran = true }')
    expect((globalThis as {__ran?: boolean}).__ran).toBeUndefined()
  })
  it("gray-matter's shared cache is never filled", () => {
    for (let index = 0; index < 20; index++) processText(fm(`Body ${index}.`))
    expect(Object.keys((matter as unknown as {cache: object}).cache)).toEqual([])
  })
  it('a YAML alias bomb is rejected, not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = 'abcdefgh'[index]
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    expect(reasonOf(`---\n${levels.join('\n')}\n---\nbody\n`)).toBe('Frontmatter cannot be read: Excessive alias count indicates a resource exhaustion attack.')
  })
  it('duplicate keys, unclosed frontmatter, __proto__ keys and impossible dates', () => {
    // A key given twice is ambiguous: neither value is used, and the rest of the file is (issue 18: no longer rejected).
    const duplicate = accepted(processText('---\ntitle: a\ntitle: b\n---\nbody\n'))
    expect(duplicate.meta.title).toBeNull()
    expect(duplicate.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.line])).toContainEqual(['frontmatter-duplicate-key', 3])
    expect(reasonOf('---\ntitle: a\n\nThe article, never closed.\n')).toBe('Frontmatter opened on line 1 is never closed by a `---` line.')
    // `---` then a blank line, never closed, is a thematic break opening the body: the article and its lists are read.
    const rule = accepted(processText('---\n\n# Reset the router\n\nThe router drops its connection.\n\n## Restart it\n\n1. Unplug the router.\n2. Plug it in again.\n'))
    expect(rule.meta.title).toBeNull()
    expect(rule.article.fixes.map((fix) => [fix.title, fix.steps])).toEqual([['Restart it', [['Unplug the router.', 'Plug it in again.']]]])
    const proto = accepted(processText(fm('Body text here.', '__proto__:\n  polluted: true\ntitle: Proto')))
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
    expect(proto.title).toBe('Proto')
    expect(ruleIds(fm('Body.', 'title: T\ndate: 2024-13-45'))).toContain('frontmatter-date')
  })
})

describe('encodings and empty files', () => {
  it('invalid UTF-8 is replaced and reported; a BOM and CRLF change nothing', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Cafe open\n---\n\nCafe '), Buffer.from([0xe9, 0xff]), Buffer.from(' open.\n')])
    const decoded = processFile({path: 'bytes.md', bytes, sha256: 'x'}, defaultConfig)
    expect(decoded.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['invalid-utf8'])
    expect(accepted(decoded).body).toBe('Cafe \uFFFD\uFFFD open.')
    const plain = accepted(processText(fm('## 1. Step\n\nDo it.')))
    const bom = accepted(processText('\uFEFF' + fm('## 1. Step\n\nDo it.').replace(/\n/g, '\r\n')))
    expect(bom.article).toEqual(plain.article)
    expect(bom.title).toBe(plain.title)
  })
  it('empty and frontmatter-only files are rejected with a reason', () => {
    expect(reasonOf('')).toBe('The file is empty.')
    expect(reasonOf(' \n\n')).toBe('The file is empty.')
    expect(reasonOf('---\ntitle: Only\n---\n')).toBe('The file has frontmatter but no article after it.')
  })
})

describe('nesting, before any recursive walk', () => {
  it('5,000 nested list markers on one line are rejected', () => {
    expect(reasonOf(fm('- '.repeat(5000) + 'deep'))).toBe('Line 6 nests block quotes or lists 5000 deep, over the limit of 100.')
  })
  it('10,000 nested block quotes are rejected', () => {
    expect(reasonOf(fm('>'.repeat(10_000) + ' deep'))).toMatch(/nests block quotes or lists 10000 deep/)
  })
  it('deep nesting built over many lines is caught on the tree', () => {
    const lines = Array.from({length: 300}, (_, index) => `${'  '.repeat(index)}- level ${index}`).join('\n')
    const result = processText(fm(lines))
    expect(result.status).toBe('rejected')
  })
})

describe('comments and markers', () => {
  it('an unclosed <!-- does not swallow the rest of the article', () => {
    const result = accepted(processText(fm('Intro.\n\n<!-- a comment that never ends\n\n## 1. Real fix\n\nReal text.')))
    expect(result.article.fixes.map((fix) => fix.title)).toEqual(['Real fix'])
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('unclosed-comment')
  })
  it('30,000 unclosed "a <!-- " do not make parsing quadratic', () => {
    const result = processText(fm('a <!-- '.repeat(30_000)))
    expect(result.status).toBe('ok')
  })
  it('an unclosed begin marker removes nothing; markers in fenced code are text', () => {
    expect(accepted(processText(fm('<!-- affiliate ads begin -->\n\nKept text.'))).body).toContain('Kept text.')
    expect(accepted(processText(fm('```\n<!-- affiliate ads begin -->\nx\n<!-- affiliate ads end -->\n```'))).body).toContain('affiliate ads begin')
  })
})

describe('nothing unsafe reaches consumers', () => {
  const body = [
    '[click](javascript:alert(1)) [vb](vbscript:msgbox) [enc](jav&#x61;script:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)',
    '',
    '![img](javascript:alert(1)) ![shot](data:image/svg+xml;base64,PHN2Zz4=) <javascript:alert(1)>',
    '',
    '<script>alert(1)</script>',
    '',
    '<iframe src="https://evil.example"></iframe>',
    '',
    '<style>body{display:none}</style>',
    '',
    '<svg onload="alert(1)"><circle/></svg>',
    '',
    'Text <img src=x onerror="alert(1)"> and <a href="#" onclick="alert(1)">a link</a>.',
    '',
    '[safe](https://example.com/a) [mail](mailto:a@example.com) [relative](/docs/a)'
  ].join('\n')

  it('drops script, vbscript and data URLs (entity-encoded too) with warnings; keeps http, https, mailto, relative', () => {
    const result = accepted(processText(fm(body)))
    expect(result.body).not.toMatch(/javascript:|vbscript:|data:/i)
    expect(result.body).toContain('[safe](https://example.com/a)')
    expect(result.body).toContain('[mail](mailto:a@example.com)')
    expect(result.body).toContain('[relative](/docs/a)')
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unsafe-url').length).toBe(7)
  })
  it('emits no raw HTML: script, iframe, style, svg and event handlers are gone', () => {
    const result = accepted(processText(fm(body)))
    expect(result.body).not.toMatch(/<\/?(?:script|iframe|style|svg|img|a)\b|onload|onerror|onclick/i)
  })
  it('frontmatter strings stay data: a <script> title is escaped in Markdown and has no control characters', () => {
    const result = accepted(processText(fm('Body text.', 'title: "<script>alert(1)</script>\\u0007 bell"')))
    expect(result.title).toBe('<script>alert(1)</script> bell')
  })
  it('control characters never reach the output', () => {
    const result = accepted(processText(fm('Ring\u0007 the\u0000 bell\u001b[31m.\n\n1. Step\u0008 one')))
    expect(result.body + JSON.stringify(result.article)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/)
  })
})

describe('ids from hostile paths', () => {
  it('paths that slug to nothing, device names, long names and collisions get stable hashed ids', () => {
    const paths = ['🔥🔥.md', '!!!.md', 'CON.md', 'nul.txt', `${'long-title-'.repeat(20)}.md`, 'a/x.md', 'a-x.md', 'plain.md']
    const ids = assignIds(paths)
    const reversed = assignIds([...paths].reverse())
    for (const path of paths) {
      expect(ids.get(path)).toBe(reversed.get(path))
      expect(ids.get(path)).toMatch(/^[a-z0-9][a-z0-9-]{0,89}$/)
    }
    expect(new Set(ids.values()).size).toBe(paths.length)
    expect(ids.get('plain.md')).toBe('plain')
    expect(ids.get('CON.md')).not.toBe('con')
  })
})
