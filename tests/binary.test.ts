/** Issue 16: a file that is mostly not text (NUL bytes, invalid UTF-8) is rejected as binary; text with a few bad bytes is not. */
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config.js'
import {processFile} from '../src/process-file.js'
import {sha256Hex} from '../src/stages/discover.js'

const processBytes = (bytes: Uint8Array) => processFile({path: 'file.md', bytes, sha256: sha256Hex(bytes)}, defaultConfig)

/** Deterministic pseudo-random bytes (a linear congruential generator), like an image or archive. */
function noise(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    bytes[index] = state >>> 24
  }
  return bytes
}

describe('binary files', () => {
  it('48 KB of random bytes named .md is rejected as binary, not turned into a fix set of U+FFFD', () => {
    const result = processBytes(noise(48 * 1024))
    expect(result.status).toBe('rejected')
    expect(result.status === 'rejected' && result.reason).toMatch(/^The file is binary, not text: \d+% of its characters are NUL bytes, other control characters or bytes that are not UTF-8\.$/)
  })

  it('a UTF-16 text (every other byte NUL) is rejected as binary', () => {
    const text = '---\ntitle: Restart the router\n---\n\nUnplug the router for ten seconds, then plug it back in.\n'
    const result = processBytes(new Uint8Array(Buffer.from(text, 'utf16le')))
    expect(result.status === 'rejected' && result.reason).toMatch(/^The file is binary/)
  })

  it('text framing a block of NUL bytes (a PNG pasted into Markdown) is rejected', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Image\n---\n\nSee below.\n'), Buffer.alloc(400), Buffer.from('\nEnd.\n')])
    expect(processBytes(bytes).status).toBe('rejected')
  })

  it('an article with a stray NUL or a few Latin-1 bytes is still an article', () => {
    const latin1 = Buffer.from('---\ntitle: Caf\xe9 Wi-Fi\n---\n\nThe caf\xe9 router needs a restart; unplug it for ten seconds and plug it back in.\n', 'latin1')
    expect(processBytes(latin1).status).toBe('ok')
    const stray = Buffer.from('---\ntitle: Ring\n---\n\nRing the\u0000 bell twice and wait for the door to open before you go in.\n')
    expect(processBytes(stray).status).toBe('ok')
  })
})
