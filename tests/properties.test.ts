/**
 * Property-based tests: random Markdown, HTML and YAML never crash fixset,
 * never put an unsafe carrier in its output, and cleaning is idempotent
 * (cleaning fixset's own output changes nothing), and the parser's shortcut
 * (no table extension where no delimiter row can be) gives the same trees;
 * the scan's tokenizer finds the regex's words, its heading shortcut gives
 * the parsed heading's text, white space folding's shortcut gives the regex's
 * text, and MinHash's grouped loop gives the plain definition's values.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import remarkGfmContent from '../src/stages/gfm.js'
import {parseMarkdown} from '../src/stages/parse.js'
import {hasFrontmatterBlock} from '../src/stages/frontmatter-block.js'
import {toString} from 'mdast-util-to-string'
import {atxHeading, headingText, wordsOf} from '../src/stages/scan.js'
import {computeSignature, fmix32, seeds} from '../src/stages/signature.js'
import {isSafeUrl} from '../src/stages/clean/rules/drop-unsafe-urls.js'
import {foldWhiteSpace} from '../src/stages/clean/util.js'
import {clean, processText} from './helpers/run.js'
import type {Content} from '../src/stages/extract/index.js'

const token = fc.constantFrom(
  'word', 'Settings', ' ', ' ', '\n', '\n\n', '*', '**', '_', '`', '```', '[', ']', '(', ')', '![', '](', 'https://example.com/a', 'javascript:alert(1)',
  'data:text/html,x', '<', '>', '</', '<a href="x">', '</a>', '<script>', '</script>', '<!--', '-->', '<br>', '<img src=x onerror=y>', '<div>', '</div>',
  '#', '## ', '1. ', '- ', '> ', '|', ' | ', '---', '\\', '&amp;', '&#x61;', 'Close', '<!-- affiliate ads begin -->', '<!-- affiliate ads end -->',
  '<ins class="adsbygoogle"></ins>', '\u00a0', '\u200b', '\u0007', ',', '.', ' .', '<ProductCode>', '~~', '- [ ] '
)
const markdown = fc.array(token, {maxLength: 80}).map((parts) => parts.join(''))
const yamlValue = fc.oneof(fc.string({maxLength: 20}), fc.constantFrom('&a [1]', '*a', '"quoted', "'single", '2024-13-45', '[a, b]', '{x: 1}', '|', '>', '!!js/function x', ''))
const frontmatter = fc.array(fc.tuple(fc.constantFrom('title', 'date', 'tags', 'description', '__proto__', 'constructor'), yamlValue), {maxLength: 5})
  .map((pairs) => `---\n${pairs.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n`)

const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F]/

/** Reads fixset's Markdown back: no raw HTML node, no URL but http(s), mailto or relative, no control character. */
function assertSafe(markdown: string): void {
  expect(markdown).not.toMatch(controlCharacters)
  visit(parseMarkdown(markdown), (node) => {
    expect(node.type).not.toBe('html')
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') expect(isSafeUrl(node.url), node.url).toBe(true)
  })
}

/** Every Markdown string of a part's blocks. */
function textOf(blocks: Content['blocks']): string[] {
  return blocks.flatMap((block) => ('markdown' in block ? [block.markdown] : block.type === 'list' ? block.items : block.type === 'steps' ? block.steps : []))
}

describe('random input', () => {
  it('never crashes and never emits an unsafe carrier', () => {
    fc.assert(
      fc.property(fc.option(frontmatter, {nil: ''}), markdown, (front, body) => {
        const result = processText(front + body)
        if (result.status === 'rejected') {
          expect(result.reason).toMatch(/^[A-Z].*\.$/)
          return
        }
        assertSafe(result.body)
        const {intro, sections, fixes, faq, outro} = result.article
        for (const entry of faq) assertSafe(entry.answer)
        for (const part of [intro, ...sections, ...fixes, ...(outro ? [outro] : [])]) {
          for (const block of [...textOf(part.blocks), ...part.steps.flat()]) assertSafe(block)
          for (const image of part.images) expect(isSafeUrl(image.url)).toBe(true)
        }
      }),
      {numRuns: 300, seed: 20261121}
    )
  })

  it('cleaning is idempotent: cleaning fixset\'s own output changes nothing', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const once = clean(body).markdown
        expect(clean(once).markdown).toBe(once)
      }),
      {numRuns: 300, seed: 20261121}
    )
  })
})

describe('parsing without the table extension', () => {
  const withTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmContent).freeze()
  // An opening `---` no line closes is no frontmatter (parse.ts): the reference then has no frontmatter either.
  const withTablesNoFrontmatter = unified().use(remarkParse).use(remarkGfmContent).freeze()
  // Table syntax, the containers a table can sit in, and near misses.
  const tableToken = fc.constantFrom('|', ' | ', '-', '---', ':', ':-', '-:', ' ', '\t', '\n', 'a', 'b c', '> ', '- ', '1. ', '    ', '\\|', '`', '*', '~~')
  const tableText = fc.array(tableToken, {maxLength: 60}).map((parts) => parts.join(''))

  it('gives the same tree as the full GFM parser, tables or not', () => {
    fc.assert(
      fc.property(tableText, (text) => {
        expect(parseMarkdown(text)).toEqual((hasFrontmatterBlock(text) ? withTables : withTablesNoFrontmatter).parse(text))
      }),
      {numRuns: 5000, seed: 20261122}
    )
  })

  it('still finds tables, in containers too', () => {
    for (const text of ['| a | b |\n| - | - |\n| 1 | 2 |', 'a | b\n--- | :-:\n1 | 2', '> | a |\n> | -: |', '- | a |\n  |---|']) {
      const types: string[] = []
      visit(parseMarkdown(text), (node) => {
        types.push(node.type)
      })
      expect(types, text).toContain('table')
    }
  })
})

describe('the scan\'s word tokenizer', () => {
  // Letters and digits of several scripts, astral ones, marks, punctuation, lone surrogates.
  const piece = fc.oneof(fc.string({unit: 'binary', maxLength: 6}), fc.constantFrom('é', 'ß', 'İ', '١٢', '日本', '𝐀𝐁', '😀', 'a\u0301', '\uD800', '\uDC00x', ' ', '-', '_', '’', '3.5'))
  const text = fc.array(piece, {maxLength: 40}).map((parts) => parts.join(''))

  it('finds exactly the runs the Unicode regex finds', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(wordsOf(value)).toEqual(value.match(/[\p{L}\p{N}]+/gu) ?? [])
      }),
      {numRuns: 5000, seed: 20261122}
    )
  })
})

describe("the scan's opening heading text", () => {
  const piece = fc.constantFrom('Fix', 'Wi-Fi', 'Windows 11', 'ändern', '2024', ' ', '  ', '\t', ',', '.', ':', ';', '?', '!', "'", '"', '’', '“', '(', ')', '/', '%', '+', '=', '-', '–', '#', ' #', ' ##', '*', '**', '_', '`', '[', ']', '](x)', '<', '>', '<b>', '&amp;', '&', '\\', '~~', '|', '\u00a0', 'https://example.com/a')
  const line = fc.tuple(fc.constantFrom('# ', '## ', '   # ', '##\t'), fc.array(piece, {minLength: 1, maxLength: 12})).map(([marker, parts]) => marker + parts.join(''))

  it('is the text of the parsed line, with or without the shortcut', () => {
    fc.assert(
      fc.property(line, (value) => {
        const match = atxHeading.exec(value)
        if (!match) return
        expect(headingText(value, match[1]!)).toBe(toString(parseMarkdown(value)).trim() || null)
      }),
      {numRuns: 5000, seed: 20261202}
    )
  })
})

describe('white space folding', () => {
  const spaces = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\r\n', 'a', 'word', '.', '\u200b')
  it('gives what folding every run with the regex and trimming gives', () => {
    fc.assert(
      fc.property(fc.array(spaces, {maxLength: 30}).map((parts) => parts.join('')), (text) => {
        expect(foldWhiteSpace(text)).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      {numRuns: 2000}
    )
  })
})

describe('MinHash', () => {
  const words = fc.array(fc.constantFrom('fix', 'wifi', 'driver', 'restart', 'the', 'settings', 'open', 'update', 'a', 'network'), {maxLength: 60})

  it('is, per permutation, the least fmix32(shingle ^ seed), for any count of permutations', () => {
    fc.assert(
      fc.property(words, fc.integer({min: 1, max: 13}), (list, permutations) => {
        const {shingles, minhash} = computeSignature(list, 5, permutations)
        const seed = seeds(permutations)
        const expected = Array.from({length: permutations}, (_, index) => Math.min(0xffffffff, ...[...shingles].map((shingle) => fmix32(shingle ^ seed[index]!))))
        expect([...minhash]).toEqual(expected)
      }),
      {numRuns: 2000, seed: 20261122}
    )
  })
})
