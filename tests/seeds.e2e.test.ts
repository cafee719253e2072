/**
 * The reference case: one real article published twice, with other titles,
 * dates and ads, must become exactly one clean fix set.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../src/build.js'
import {inputDir} from './helpers/paths.js'

let result: BuildResult
beforeAll(async () => {
  result = await build({input: inputDir, workers: 1})
})

const seedText = (name: string) => readFileSync(path.join(inputDir, name), 'utf8')

describe('seeds end to end', () => {
  it('gives one fix set with both sources, canonical first (the earlier date)', () => {
    expect(result.exitCode).toBe(0)
    expect(result.fixsets).toHaveLength(1)
    const [fixset] = result.fixsets
    expect(fixset!.title).toBe('ICloud and WhatsApp: Ensuring Seamless Data Backup on iOS Devices')
    expect(fixset!.aliases).toEqual(["Troubleshooting WhatsApp: Why Isn't Your Chat History Syncing with iCloud and What You Can Do"])
    expect(fixset!.sources.map((source) => [source.path, source.date])).toEqual([
      ['001_aecc30d4efa8a273.txt', '2024-08-15T12:11:30.071Z'],
      ['000_ba80a36ccb69341f.txt', '2024-09-09T11:31:03.761Z']
    ])
    expect(result.manifest.map((row) => [row.path, row.status, row.fixset])).toEqual([
      ['000_ba80a36ccb69341f.txt', 'duplicate', fixset!.id],
      ['001_aecc30d4efa8a273.txt', 'canonical', fixset!.id]
    ])
  })

  it('has the 8 fixes in order, as numbered in the source headings', () => {
    const source = seedText('001_aecc30d4efa8a273.txt')
    const headings = [...source.matchAll(/^## (\d)\\\. (.+)$/gm)].map((match) => [Number(match[1]), match[2]])
    expect(headings).toHaveLength(8)
    expect(result.fixsets[0]!.fixes.map((fix) => [fix.number, fix.title])).toEqual(headings)
    expect(headings[0]![1]).toBe('Check if WhatsApp Is Enabled for iCloud Backup')
    expect(headings[7]![1]).toBe('Delete the Existing iCloud Backup')
  })

  it('keeps all 24 steps as whole strings, glued bold repaired', () => {
    const source = seedText('001_aecc30d4efa8a273.txt')
    const sourceSteps = [...source.matchAll(/^\d\. (.+)$/gm)].map((match) => match[1]!)
    const steps = result.fixsets[0]!.fixes.flatMap((fix) => fix.steps.flat())
    expect(steps).toHaveLength(24)
    expect(sourceSteps).toHaveLength(24)
    // The same words in the same order as the source line, only spacing around bold and punctuation changed.
    const words = (text: string) => text.replace(/\*\*/g, ' ').split(/[\s,.]+/).filter(Boolean)
    steps.forEach((step, index) => expect(words(step)).toEqual(words(sourceSteps[index]!)))
    expect(steps[0]).toBe('Launch **iPhone Settings**, tap on your **name** on the top, and go to **iCloud**.')
    expect(steps.join('\n')).not.toMatch(/\w\*\*\w|\*\* [,.]/)
  })

  it('keeps all 16 screenshots, in order, and no ad image', () => {
    const source = seedText('000_ba80a36ccb69341f.txt')
    const screenshots = [...source.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1])
    expect(screenshots).toHaveLength(16)
    const fixset = result.fixsets[0]!
    const images = [fixset.intro, ...fixset.fixes, ...(fixset.outro ? [fixset.outro] : [])].flatMap((part) => part.images.map((image) => image.url))
    expect(images).toEqual(screenshots)
  })

  it('puts the closing section in the outro', () => {
    expect(result.fixsets[0]!.outro?.title).toBe('Seamless WhatsApp Backups Can Give You Peace of Mind')
    expect(result.fixsets[0]!.outro?.blocks.filter((block) => block.type === "paragraph")).toHaveLength(2)
  })

  it('leaves no ad, AdSense slot, pixel, also-read list, raw HTML or Close line in any output file', () => {
    for (const [name, content] of result.files) {
      if (name.startsWith('schema/') || name === 'report.json') continue
      expect(content, name).not.toMatch(/affiliate ads|adsbygoogle|impactradius|sjv\.io|pxf\.io|avangate|2checkout|Also read|atpl-|techidaily\.com\/|<\/?[a-z][a-z0-9]*[\s>/]/i)
      const body = name.endsWith('.json') ? (JSON.parse(content) as unknown) : content
      expect(JSON.stringify(body)).not.toMatch(/(^|\\n)Close(\\n|$)/)
    }
  })

  it('writes the .fixset marker, index, manifest, report, schemas and one JSON and Markdown file per fix set', () => {
    const id = result.fixsets[0]!.id
    expect([...result.files.keys()]).toEqual([
      '.fixset',
      `fixsets/${id}.json`,
      `fixsets/${id}.md`,
      'index.json',
      'manifest.json',
      'report.json',
      'schema/fixset.schema.json',
      'schema/index.schema.json',
      'schema/manifest.schema.json'
    ])
    const markdown = result.files.get(`fixsets/${id}.md`)!
    expect(markdown.startsWith(`---\nid: ${id}\n`)).toBe(true)
    expect(markdown).toContain('\n# ICloud and WhatsApp: Ensuring Seamless Data Backup on iOS Devices\n')
    expect(markdown.match(/^## \d\. /gm)).toHaveLength(8)
  })

  it('contains no timestamps of the build, absolute paths or host names', () => {
    const all = [...result.files.values()].join('\n')
    expect(all).not.toContain(inputDir)
    expect(all).not.toContain(process.cwd())
    expect(all).not.toContain(new Date().toISOString().slice(0, 10))
  })
})
