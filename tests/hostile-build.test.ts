/**
 * The seeds plus every hazard, in one build through the CLI (worker pool,
 * time budget): it finishes, exits 1, lists every file, rejects the dangerous
 * ones with clear reasons, and still emits the seeds' fix set unchanged.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import type {ManifestFile} from '../src/schema.js'
import {readTree, runCli, scratchDir} from './helpers/cli.js'
import {cliPath, inputDir, outputDir, seedNames} from './helpers/paths.js'

const front = (title: string) => `---\ntitle: ${title}\ndate: 2024-01-01\n---\n\n`

const hazards: Record<string, string | Buffer> = {
  'js-engine.md': '---js\nrequire("fs").writeFileSync("/tmp/fixset-pwned", "x")\n---\nbody\n',
  'javascript-engine.md': '---javascript\nprocess.exit(3)\n---\nbody\n',
  'constructor-engine.md': '---constructor\na: 1\n---\nbody\n',
  'alias-bomb.md': `---\na: &a ["x","x","x","x","x","x","x","x","x"]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[index]}`).join(',')}]`).join('\n')}\n---\nbody\n`,
  'comment-bomb.md': front('Comments') + 'a <!-- '.repeat(30_000),
  'brackets.md': front('Brackets') + '['.repeat(100_000) + ']'.repeat(100_000),
  'emphasis.md': front('Emphasis') + '*a'.repeat(10_000),
  'nested-list-line.md': front('Lists') + '- '.repeat(5_000) + 'x',
  'nested-quotes.md': front('Quotes') + '>'.repeat(10_000) + ' x',
  'many-items.md': front('Items') + '- item\n'.repeat(50_000),
  'unclosed-marker.md': front('Marker') + '<!-- affiliate ads begin -->\n\nKept.\n',
  'unclosed-comment.md': front('Comment') + '<!-- never closed\n\n## 1. Fix\n\nText.\n',
  'unsafe-urls.md': front('"<script>alert(1)</script>"') + '[x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) <svg onload="alert(1)"></svg>\n',
  'unclosed-frontmatter.md': '---\ntitle: Never closed\n\nBody.\n',
  'invalid-utf8.md': Buffer.concat([Buffer.from(front('Bytes')), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' text.\n')]),
  'bom-crlf.md': '\uFEFF' + front('BOM').replace(/\n/g, '\r\n') + 'Line.\r\n',
  'empty.md': '',
  'oversize.md': front('Big') + 'Words. '.repeat(150_000),
  'frontmatter-only.md': '---\ntitle: Only\n---\n',
  'proto.md': '---\n__proto__:\n  polluted: true\ntitle: Proto\n---\n\nBody.\n',
  'bad-date.md': '---\ntitle: Date\ndate: 2024-13-45\n---\n\nBody.\n',
  'duplicate-keys.md': '---\ntitle: a\ntitle: b\n---\n\nBody.\n',
  '🔥🔥.md': front('Emoji') + 'Emoji file.\n',
  'CON.md': front('Device') + 'Device name.\n',
  [`${'x'.repeat(200)}.md`]: front('Long') + 'Long name.\n'
}

it('a build over the seeds and every hazard finishes, exits 1, lists every file, and keeps the seeds\' fix set', async () => {
  const input = path.join(scratchDir(), 'input')
  mkdirSync(input)
  for (const seed of seedNames) copyFileSync(path.join(inputDir, seed), path.join(input, seed))
  for (const [name, content] of Object.entries(hazards)) writeFileSync(path.join(input, name), content)
  const output = path.join(scratchDir(), 'output')

  const hasGnuTime = existsSync('/usr/bin/time')
  const args = [cliPath, '--input', input, '--output', output, '--no-cache', '--max-parse-ms', '3000']
  const run = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, ...args], {encoding: 'utf8'})
    : spawnSync(process.execPath, args, {encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(1)
  if (hasGnuTime) expect(Number(/peak-rss-kb (\d+)/.exec(run.stderr)![1])).toBeLessThan(2 * 1024 * 1024)
  expect(existsSync('/tmp/fixset-pwned')).toBe(false)

  const manifest = JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')) as ManifestFile
  expect(manifest.files.map((row) => row.path).sort()).toEqual([...seedNames, ...Object.keys(hazards)].sort())
  const reason = (name: string) => manifest.files.find((row) => row.path === name)!.reason
  expect(reason('js-engine.md')).toBe('Frontmatter uses the `js` engine, which is not allowed.')
  expect(reason('javascript-engine.md')).toBe('Frontmatter uses the `javascript` engine, which is not allowed.')
  expect(reason('constructor-engine.md')).toMatch(/`constructor` engine/)
  expect(reason('alias-bomb.md')).toMatch(/alias count/)
  expect(reason('nested-list-line.md')).toMatch(/nests block quotes or lists 5000 deep/)
  expect(reason('nested-quotes.md')).toMatch(/nests block quotes or lists 10000 deep/)
  expect(reason('unclosed-frontmatter.md')).toMatch(/never closed/)
  expect(reason('empty.md')).toBe('The file is empty.')
  expect(reason('oversize.md')).toBe(`The file is ${Buffer.byteLength(hazards['oversize.md']!)} bytes, over the limit of 1000000 bytes (--max-bytes).`)
  expect(reason('frontmatter-only.md')).toBe('The file has frontmatter but no article after it.')
  // A key given twice has neither value; the file is kept (issue 18: tolerant frontmatter).
  expect(manifest.files.find((row) => row.path === 'duplicate-keys.md')!.status).not.toBe('rejected')
  for (const row of manifest.files) if (row.status === 'rejected') expect(row.reason).toMatch(/^[A-Z].+\.$/)

  // The seeds' fix set is exactly the committed one.
  const committed = readTree(outputDir)
  const built = readTree(output)
  for (const name of [...committed.keys()].filter((file) => file.startsWith('fixsets/'))) expect(built.get(name), name).toBe(committed.get(name))
  // Nothing unsafe anywhere in the output.
  for (const [name, content] of built) {
    if (name.startsWith('schema/') || name === 'report.json') continue
    expect(content, name).not.toMatch(/javascript:|vbscript:|data:image|onload=/i)
    expect(content, name).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/)
    // A `<script>` title is data in JSON and YAML; in Markdown text it is escaped.
    if (name.endsWith('.md')) expect(content.replace(/^---\n[\s\S]*?\n---\n/, ''), name).not.toMatch(/(?<!\\)<\/?(?:script|svg|iframe|style)/i)
  }
  // And the next build over the same input is unaffected by the last one.
  expect((await runCli(['--input', input, '--output', output, '--quiet', '--max-parse-ms', '3000'])).status).toBe(1)
}, 90_000)
