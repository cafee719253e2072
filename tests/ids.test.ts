/** Issue 16: fix set ids are unique whatever the file names, including names that spell another file's hashed id. */
import {createHash} from 'node:crypto'
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {build} from '../src/build.js'
import {assignIds} from '../src/stages/ids.js'
import {scratchDir} from './helpers/cli.js'

const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8)

describe('ids', () => {
  it('a.md, a.txt and a file named after a.md\'s hashed id get three different ids', () => {
    const paths = ['a.md', 'a.txt', `a-${hash8('a.md')}.md`]
    expect(hash8('a.md')).toBe('fecccc97')
    const ids = assignIds(paths)
    expect(new Set(ids.values()).size).toBe(3)
    for (const id of ids.values()) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,88}$/)
    // The same whatever the order.
    expect(assignIds([...paths].reverse())).toEqual(ids)
  })

  it('ids that meet no clash stay as they were (plain slug, or slug and 8 digits)', () => {
    const ids = assignIds(['plain.md', 'b.md', 'b.txt'])
    expect(ids.get('plain.md')).toBe('plain')
    expect(ids.get('b.md')).toBe(`b-${hash8('b.md')}`)
    expect(ids.get('b.txt')).toBe(`b-${hash8('b.txt')}`)
  })

  it('are unique for any set of paths, even ones made of other paths\' hashed ids', () => {
    const stem = fc.constantFrom('a', 'A', 'a-b', 'a_b', 'con', '!!', 'x'.repeat(85))
    const name = fc.tuple(stem, fc.constantFrom('.md', '.txt', '.markdown'), fc.constantFrom('', 'dir/'))
    fc.assert(
      fc.property(fc.uniqueArray(name, {minLength: 1, maxLength: 8}), fc.array(fc.nat(7), {maxLength: 4}), (names, spelled) => {
        const base = names.map(([s, extension, folder]) => `${folder}${s}${extension}`)
        // Files named after the ids other files get, at each hash length.
        const first = assignIds(base)
        const mimics = spelled.flatMap((index) => (index < base.length ? [`${first.get(base[index]!)}.md`] : []))
        const paths = [...new Set([...base, ...mimics])]
        const ids = assignIds(paths)
        expect(new Set(ids.values()).size).toBe(paths.length)
        for (const id of ids.values()) expect(id.length).toBeLessThanOrEqual(89)
      })
    )
  })

  it('a build of a.md, a.txt and a-fecccc97.md (different articles) keeps three fix sets, each listed once', async () => {
    const input = path.join(scratchDir(), 'input')
    mkdirSync(input)
    const article = (topic: string) => `---\ntitle: ${topic}\n---\n\n## 1. ${topic} first\n\nAll about ${topic} and nothing about the other two subjects here.\n`
    writeFileSync(path.join(input, 'a.md'), article('Bluetooth pairing'))
    writeFileSync(path.join(input, 'a.txt'), article('Printer spooler'))
    writeFileSync(path.join(input, `a-${hash8('a.md')}.md`), article('Battery calibration'))
    const result = await build({input, workers: 1})
    const index = JSON.parse(result.files.get('index.json')!) as {fixsets: Array<{id: string}>}
    expect(index.fixsets).toHaveLength(3)
    expect(new Set(index.fixsets.map((entry) => entry.id)).size).toBe(3)
    expect(result.fixsets.map((fixset) => fixset.title).sort()).toEqual(['Battery calibration', 'Bluetooth pairing', 'Printer spooler'])
    expect(new Set(result.manifest.map((row) => row.fixset)).size).toBe(3)
  })
})
