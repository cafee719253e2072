/**
 * Issue 16, the library: the cleaning plugins work without options (their
 * defaults are the default configuration's), `build()` takes any part of a
 * configuration, validated and merged as `--config` is, and the exported
 * types are those of what the functions return.
 */
import {copyFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {remark} from 'remark'
import {describe, expect, expectTypeOf, it} from 'vitest'
import {
  build,
  remarkCleanLinks,
  remarkDropBlocks,
  remarkDropHeadings,
  remarkDropLines,
  remarkDropSections,
  remarkStripAdsense,
  remarkStripAlsoRead,
  type BuildResult,
  type Manifest,
  type ManifestFile,
  type ManifestRow
} from '../src/index.js'
import {UsageError} from '../src/write.js'
import {scratchDir} from './helpers/cli.js'
import {inputDir, seedNames} from './helpers/paths.js'

// Each plugin exactly as a user writes it: `.use(plugin)`, no options.
const text = async (processor: {process(markdown: string): Promise<unknown>}, markdown: string) => String(await processor.process(markdown))

describe('plugins without options', () => {
  it('remarkDropHeadings removes a "ZDNET Recommends" heading and keeps the text under it', async () => {
    expect(await text(remark().use(remarkDropHeadings), '## ZDNET Recommends\n\nKept.\n')).toBe('Kept.\n')
  })

  it('remarkStripAdsense removes an adsbygoogle slot', async () => {
    // The slot's paragraph is left empty (remarkPruneEmpty removes such paragraphs in fixset's own pipeline).
    expect(await text(remark().use(remarkStripAdsense), 'Before.\n\n<ins class="adsbygoogle"\n  data-ad-slot="1"></ins>\n\nAfter.\n')).toBe('Before.\n\n\n\nAfter.\n')
  })
  it('remarkStripAlsoRead removes an "Also read" farm', async () => {
    expect(await text(remark().use(remarkStripAlsoRead), 'Kept.\n\n<span class="atpl-alsoreadstyle">Also read:</span>\n')).toBe('Kept.\n')
  })
  it('remarkCleanLinks unwraps an affiliate redirect and drops tracking parameters', async () => {
    expect(await text(remark().use(remarkCleanLinks), '[the tool](https://tools.techidaily.com/x) and [a shop](https://example.com/p?utm_source=feed&id=2)\n')).toBe(
      'the tool and [a shop](https://example.com/p?id=2)\n'
    )
  })
  it('remarkDropBlocks drops the affiliate disclaimer', async () => {
    expect(await text(remark().use(remarkDropBlocks), 'Disclaimer: This post includes affiliate links\n\nKept.\n')).toBe('Kept.\n')
  })
  it('remarkDropLines drops a carousel Close line', async () => {
    expect(await text(remark().use(remarkDropLines), 'Kept.\n\nClose\n')).toBe('Kept.\n\n')
  })
  it('remarkDropSections drops a "Similar Products We\'ve Reviewed" section', async () => {
    expect(await text(remark().use(remarkDropSections), '## Fix\n\nKept.\n\n## Similar Products We\'ve Reviewed\n\nGone.\n')).toBe('## Fix\n\nKept.\n')
  })
})

describe('build() with part of a configuration', () => {
  const input = () => {
    const dir = scratchDir()
    for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(dir, seed))
    writeFileSync(path.join(dir, 'close.md'), '---\ntitle: Reboot the Modem\n---\n\n## 1. Reboot\n\nHold the modem reset button for ten seconds, then wait for all its lights.\n\nClose\n')
    return dir
  }

  it('merges it with the defaults: only dropLines replaced, dedupe merged key by key', async () => {
    const dir = input()
    const defaults = await build({input: dir, workers: 1})
    const partial = await build({input: dir, workers: 1, config: {dropLines: [], dedupe: {minJaccard: 0.95}}})
    const closeText = (result: BuildResult) => JSON.stringify(result.fixsets.find((fixset) => fixset.title === 'Reboot the Modem'))
    expect(closeText(defaults)).not.toContain('"Close"')
    expect(closeText(partial)).toContain('"Close"')
    // The seeds are identical copies (Jaccard 1): still one fix set, so the other dedupe keys kept their defaults.
    expect(partial.fixsets).toHaveLength(2)
  })

  it('rejects an invalid value or an unknown key with a UsageError naming it', async () => {
    const dir = input()
    await expect(build({input: dir, config: {dedupe: {minJaccard: 2}}})).rejects.toThrow(UsageError)
    await expect(build({input: dir, config: {dedupe: {minJaccard: 2}}})).rejects.toThrow(/`dedupe\.minJaccard`/)
    await expect(build({input: dir, config: {dropLines: [{ruleId: 'x', pattern: '('}]}})).rejects.toThrow(/dropLines\.0\.pattern.*not a valid regular expression/)
    await expect(build({input: dir, config: {colour: 'red'} as never})).rejects.toThrow('config: unknown key `colour`')
  })
})

describe('exported types', () => {
  it('Manifest is what result.manifest is; ManifestFile is manifest.json', async () => {
    const result = await build({input: scratchDir(), workers: 1})
    expectTypeOf(result.manifest).toEqualTypeOf<Manifest>()
    expectTypeOf<Manifest>().toEqualTypeOf<ManifestRow[]>()
    const file = JSON.parse(result.files.get('manifest.json')!) as ManifestFile
    expect(file.files).toEqual(result.manifest)
  })
})
