/**
 * A file that is mostly not text is rejected as binary: an image, an archive
 * or a UTF-16 file saved as `.md` would otherwise become a fix set of U+FFFD
 * characters. "Mostly": NUL bytes, other control characters and bytes that
 * are not UTF-8 (U+FFFD after decoding) make up over a tenth of the text, and
 * there are at least a few of them. A text with a stray NUL or a few Latin-1
 * bytes is still an article (they are reported and cleaned elsewhere).
 */
import {RejectError} from './frontmatter.js'

const maxNonTextShare = 0.1
const minNonText = 8
const controlOrReplacement = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/

/** Throws RejectError when `text` (the lenient decoding of a file) is mostly not text. */
export function rejectBinary(text: string): void {
  if (!controlOrReplacement.test(text)) return
  let nonText = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd) nonText++
  }
  if (nonText >= minNonText && nonText > text.length * maxNonTextShare) {
    throw new RejectError(`the file is binary, not text: ${Math.round((nonText / text.length) * 100)}% of its characters are NUL bytes, other control characters or bytes that are not UTF-8`)
  }
}
