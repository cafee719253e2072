/**
 * Bytes to text, before any rule looks at the source.
 *
 * Line endings are normalised to LF (real files mix CRLF into LF files, often a
 * single `\r\n` inside an ad banner), a byte order mark is dropped, and invalid
 * UTF-8 is replaced with U+FFFD and reported: an article with one bad byte is
 * still an article. A file that is mostly not text is rejected (`binary.ts`).
 */
import type {VFile} from 'vfile'
import {warn} from '../diagnostics.js'
import {rejectBinary} from './binary.js'

const strictDecoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
const lenientDecoder = new TextDecoder('utf-8', {fatal: false, ignoreBOM: false})

export function decodeSource(bytes: Uint8Array, file: VFile): string {
  let text: string
  try {
    text = strictDecoder.decode(bytes)
  } catch {
    text = lenientDecoder.decode(bytes)
    warn(file, 'File is not valid UTF-8; invalid bytes were replaced with U+FFFD', 'invalid-utf8')
  }
  rejectBinary(text)
  return text.replace(/\r\n?/g, '\n')
}
