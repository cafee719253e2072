import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {toString} from 'mdast-util-to-string'
import {defaultConfig} from '../src/config.js'
import {parseMarkdown} from '../src/stages/parse.js'
import {fencedLines, stripMarkedRanges} from '../src/stages/strip.js'
import {inputDir} from './helpers/paths.js'

const pairs = defaultConfig.markerPairs
const strip = (text: string) => {
  const file = new VFile({path: 'a.md'})
  return {...stripMarkedRanges(text, pairs, file), file}
}

describe('strip: marker ranges removed on the source text', () => {
  it('the seed trap: without stripping, the end marker and real content are swallowed by one html node', () => {
    const seed = readFileSync(path.join(inputDir, '000_ba80a36ccb69341f.txt'), 'utf8')
    const raw = parseMarkdown(seed)
    const swallowing = raw.children.filter((node) => node.type === 'html' && node.value.includes('affiliate ads end') && node.value.includes('!['))
    expect(swallowing.length).toBeGreaterThan(0)

    const {text} = strip(seed)
    const tree = parseMarkdown(text)
    const headings = tree.children.filter((node) => node.type === 'heading').map((node) => toString(node))
    // Every numbered fix heading survives as a heading (3 of them were inside swallowed html before).
    expect(headings.filter((heading) => /^\d\. /.test(heading))).toHaveLength(8)
    const images = text.match(/!\[[^\]]*\]\(https:\/\/static1/g) ?? []
    expect(images).toHaveLength(16)
    expect(text).not.toMatch(/affiliate ads|impactradius|sjv\.io/)
  })

  it('keeps line numbers: the removed range becomes as many blank lines', () => {
    const source = 'a\n<!-- affiliate ads begin -->\n<a href="x">ad</a>\n<!-- affiliate ads end -->\n## Next\n'
    const {text} = strip(source)
    expect(text.split('\n')).toHaveLength(source.split('\n').length)
    expect(text.split('\n')[4]).toBe('## Next')
    const heading = parseMarkdown(text).children.find((node) => node.type === 'heading')
    expect(heading?.position?.start.line).toBe(5)
  })

  it('removes a one-line banner and several ranges on one line', () => {
    const {text} = strip('x <!-- affiliate ads begin --><a>1</a><!-- affiliate ads end --> y <!-- Affiliate  Ads Begin -->2<!--affiliate ads end-->z\n')
    expect(text).toBe('x  y z\n')
  })

  it('ignores markers inside fenced code', () => {
    const source = '```html\n<!-- affiliate ads begin -->\n<b>kept</b>\n<!-- affiliate ads end -->\n```\n'
    expect(strip(source).text).toBe(source)
    expect(fencedLines(source.split('\n'))).toEqual([true, true, true, true, true, false])
  })

  it('an unclosed begin marker removes nothing and warns with its place', () => {
    const source = 'intro\n\n<!-- affiliate ads begin -->\nreal content\n'
    const {text, file} = strip(source)
    expect(text).toBe(source)
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]!.ruleId).toBe('unclosed-marker')
    expect(file.messages[0]!.line).toBe(3)
  })

  it('keeps a YouTube player inside a removed range as a structured video', () => {
    const source =
      '<!-- affiliate ads begin -->\n<iframe width="864" src="https://www.youtube.com/embed/jVnfr5HudQw" allowfullscreen></iframe>\n' +
      '<iframe src="//a.impactradius-go.com/gen-ad-code/5597632/1959812/17834/"></iframe>\n<!-- affiliate ads end -->\n'
    expect(strip(source).videos).toEqual([{provider: 'youtube', id: 'jVnfr5HudQw', url: 'https://www.youtube.com/watch?v=jVnfr5HudQw', line: 1}])
  })
})
