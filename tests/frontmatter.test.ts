import {describe, expect, it} from 'vitest'
import matter from 'gray-matter'
import {VFile} from 'vfile'
import {defaultConfig} from '../src/config.js'
import {dateValue, readFrontmatter, RejectError, toMeta} from '../src/stages/frontmatter.js'

const toMetaOf = (data: Record<string, unknown>, file: VFile) => toMeta(data, file, defaultConfig.fields)
const read = (text: string) => {
  const file = new VFile({path: 'a.md'})
  return {result: readFrontmatter(text, file), file}
}

describe('frontmatter: read safely', () => {
  it('reads the seed template, keeping dates as the strings they were', () => {
    const {result, file} = read('---\ntitle: "A: B"\ndate: 2024-09-09T11:31:03.761Z\ntags:\n  - iphone\n---\nbody\n')
    expect(result.data).toEqual({title: 'A: B', date: '2024-09-09T11:31:03.761Z', tags: ['iphone']})
    expect(toMetaOf(result.data, file).date).toBe('2024-09-09T11:31:03.761Z')
  })

  it('never evaluates a ---js block (gray-matter alone would)', () => {
    const evil = '---js\n{title: (globalThis.__pwned = 1, "x")}\n---\nbody\n'
    expect(() => read(evil)).toThrow(RejectError)
    expect(() => read(evil)).toThrow('frontmatter uses the `js` engine, which is not allowed')
    expect((globalThis as {__pwned?: number}).__pwned).toBeUndefined()
    // The hazard is real: gray-matter with its defaults runs it.
    matter(evil)
    expect((globalThis as {__pwned?: number}).__pwned).toBe(1)
    delete (globalThis as {__pwned?: number}).__pwned
  })

  it('rejects engines named after built-in methods', () => {
    expect(() => read('---constructor\na: 1\n---\n')).toThrow('`constructor` engine')
  })

  it('rejects frontmatter that is never closed instead of losing the body', () => {
    expect(() => read('---\ntitle: x\n\nThe whole article.\n')).toThrow('never closed')
  })

  it('a file without frontmatter has none', () => {
    expect(read('# Title\n\ntext\n').result).toEqual({data: {}, present: false, bodyStart: 0})
  })

  it('recovers an unquoted title that opens with a quote, with a warning on its line', () => {
    const {result, file} = read("---\ndate: 2024-01-01\ntitle: 'Godfall' Review - Sony's PS5 Launch\n---\n")
    expect(result.data['title']).toBe("'Godfall' Review - Sony's PS5 Launch")
    expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([['frontmatter-recovered', 3]])
  })

  it('stops a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]']
    expect(() => read(`---\n${bomb.join('\n')}\n---\n`)).toThrow(RejectError)
  })

  it('treats a day that does not exist as no date, with a warning, keeping what was written as the raw date', () => {
    expect(dateValue('2024-13-45')).toBeUndefined()
    expect(dateValue('2024-02-30')).toBeUndefined()
    expect(dateValue('2024-02-29')).toBe(Date.UTC(2024, 1, 29))
    expect(dateValue('2024-08-15T12:11:30.071Z')).toBe(Date.UTC(2024, 7, 15, 12, 11, 30, 71))
    const file = new VFile({path: 'a.md'})
    expect(toMetaOf({date: '2024-13-45'}, file)).toMatchObject({date: null, rawDate: '2024-13-45'})
    expect(file.messages[0]?.ruleId).toBe('frontmatter-date')
  })

  it('ignores __proto__ keys and values of the wrong type', () => {
    const {result, file} = read('---\n__proto__: {polluted: true}\ntitle: [1, 2]\ntags: a\n---\n')
    const meta = toMetaOf(result.data, file)
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
    expect(meta.title).toBeNull()
    expect(meta.tags).toEqual(['a'])
  })
})
