/**
 * File names as fixset shows them. A name on disk is bytes: most are UTF-8,
 * some are not (a folder copied from an old Windows or Latin-1 system), and
 * any may hold control characters, ESC sequences among them, that a terminal
 * would obey. In the manifest a name that is not UTF-8 is its bytes with each
 * invalid byte written `\xNN`; on the terminal every control or
 * layout-changing character is escaped too, so a name can neither move the
 * cursor nor recolour the screen nor reverse the text after it.
 */

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/** The name as a string when its bytes are UTF-8; undefined when they are not. */
export function decodeFileName(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/** The bytes as text, every byte that is not part of a valid UTF-8 character as `\xNN` (and `\` as `\\`). */
export function escapeFileNameBytes(bytes: Uint8Array): string {
  let text = ''
  let index = 0
  while (index < bytes.length) {
    const character = characterAt(bytes, index)
    if (character === undefined) {
      text += `\\x${bytes[index]!.toString(16).padStart(2, '0')}`
      index++
    } else {
      text += character.text === '\\' ? '\\\\' : character.text
      index += character.length
    }
  }
  return text
}

/** The one UTF-8 character (1–4 bytes) at `index`, if the bytes there are one. */
function characterAt(bytes: Uint8Array, index: number): {text: string; length: number} | undefined {
  for (let length = 1; length <= 4 && index + length <= bytes.length; length++) {
    const text = decodeFileName(bytes.subarray(index, index + length))
    if (text !== undefined && [...text].length === 1) return {text, length}
  }
  return undefined
}

/**
 * Control characters (C0, DEL, C1), bidi controls and line or paragraph
 * separators, as `\u{…}` escapes; everything else as it is. For text printed
 * to a terminal: file names, and values quoted in messages.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`)
}
