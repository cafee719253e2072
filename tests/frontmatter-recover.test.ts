/**
 * Tolerant frontmatter: YAML that does not parse is read entry by entry, each
 * shape with its warning on the line it names. Excerpts are MarkDownload
 * headers from the web clippings corpus, and shapes written by other tools.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {readFrontmatter, RejectError} from '../src/stages/frontmatter.js'
import {accepted, processText} from './helpers/run.js'

const read = (front: string, body = '\nThe article.\n') => {
  const file = new VFile({path: 'clip.md'})
  const result = readFrontmatter(`---\n${front}\n---\n${body}`, file)
  return {data: result.data, unreadable: result.unreadable, warnings: file.messages.map((message) => [message.ruleId, message.line])}
}

describe('tolerant frontmatter: each shape YAML cannot read', () => {
  it('an unquoted value with colons is the whole rest of its line', () => {
    const {data, warnings} = read('Description: Go by Example: Arrays\nauthor: \nUrl: https://gobyexample.com/arrays\nCreated: "2025-01-29  02:42:18"')
    expect(data).toEqual({Description: 'Go by Example: Arrays', author: null, Url: 'https://gobyexample.com/arrays', Created: '2025-01-29  02:42:18'})
    expect(warnings).toEqual([['frontmatter-recovered', 2]])
  })

  it('a value opening with `@` (a handle) is plain text', () => {
    const {data, warnings} = read('created: 2024-07-24T14:51:33 (UTC -05:00)\ntags: [.NET]\nsource: https://www.youtube.com/watch?v=dE-XCUVCkkE\nauthor: @quadlaba')
    expect(data).toEqual({created: '2024-07-24T14:51:33 (UTC -05:00)', tags: ['.NET'], source: 'https://www.youtube.com/watch?v=dE-XCUVCkkE', author: '@quadlaba'})
    expect(warnings).toEqual([['frontmatter-recovered', 5]])
  })

  it('a plain value continued on unindented lines is folded into one line, and the keys after it are still read', () => {
    const front = 'Description: Go by Example: Arrays\nNotes: In Go, an array is a numbered sequence of elements of a\nspecific length. In typical Go code, slices are\nmuch more common.\nauthor: \nTags:\n  - LatextTemplate'
    const {data, warnings} = read(front)
    expect(data).toEqual({
      Description: 'Go by Example: Arrays',
      Notes: 'In Go, an array is a numbered sequence of elements of a specific length. In typical Go code, slices are much more common.',
      author: null,
      Tags: ['LatextTemplate']
    })
    expect(warnings).toEqual([['frontmatter-recovered', 2], ['frontmatter-recovered', 3]])
  })

  it('a bad quote keeps the value as written; an unclosed quote does not swallow the next keys', () => {
    expect(read('title: "He said "stop" twice"\ndate: 2024-01-01').data).toEqual({title: '"He said "stop" twice"', date: '2024-01-01'})
    const {data, warnings} = read('title: "Never closed\ndate: 2024-01-01\ntags: [a]')
    expect(data).toEqual({title: '"Never closed', date: '2024-01-01', tags: ['a']})
    expect(warnings).toEqual([['frontmatter-recovered', 2]])
  })

  it('valid YAML is read as a whole, with no warning (block sequences at column 0 included)', () => {
    const {data, warnings} = read('title: "A: B"\ntags:\n- one\n- two\n# a comment')
    expect(data).toEqual({title: 'A: B', tags: ['one', 'two']})
    expect(warnings).toEqual([])
  })

  it('a line before the first entry that is no entry is ignored, with a warning naming it', () => {
    const {data, warnings} = read('just some words\ntitle: Kept: still')
    expect(data).toEqual({title: 'Kept: still'})
    expect(warnings).toEqual([['frontmatter-recovered', 2], ['frontmatter-recovered', 3]])
  })
})

describe('tolerant frontmatter keeps the safety properties', () => {
  it('a key given twice has neither value (unique keys), and the other keys are read', () => {
    const {data, warnings} = read('title: First\ndate: 2024-01-01\ntitle: Second')
    expect(data).toEqual({date: '2024-01-01'})
    expect(warnings).toEqual([['frontmatter-duplicate-key', 4]])
  })

  it('an alias bomb is still rejected when recovery runs, not expanded', () => {
    const level = (name: string, previous: string) => `${name}: [${Array(9).fill(`*${previous}`).join(',')}]`
    const bomb = `bomb: [&a [x,x,x,x,x,x,x,x,x], &b [${Array(9).fill('*a').join(',')}], &c [${Array(9).fill('*b').join(',')}], &d [${Array(9).fill('*c').join(',')}]]`
    expect(() => read(`author: @broken\n${bomb}`)).toThrow(/alias count/)
    // An alias to an anchor in another entry is not resolved by recovery either: the file is rejected, as YAML would.
    expect(() => read(`author: @broken\na: &a [x]\n${level('b', 'a')}`)).toThrow(RejectError)
  })

  it('a `__proto__` key in a recovered block pollutes nothing', () => {
    const {data} = read('__proto__: {polluted: true}\nauthor: @x')
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(Object.keys(data)).toEqual(['__proto__', 'author'])
  })
})

describe('a file is rejected for its frontmatter only when nothing of it can be read and it has no body', () => {
  it('nothing readable, but a body: accepted, with the warning', () => {
    const result = accepted(processText('---\n: : :\n---\n\n## Heading\n\nThe article text.\n'))
    expect(result.title).toBe('Heading')
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('frontmatter-recovered')
  })

  it('nothing readable and no body: rejected, naming the YAML problem', () => {
    const result = processText('---\n: : :\n---\n')
    expect(result.status).toBe('rejected')
    expect(result.status === 'rejected' && result.reason).toMatch(/^Frontmatter is not valid YAML \(line 2\): .+, and there is no article after it\.$/)
  })
})
