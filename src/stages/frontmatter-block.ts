/**
 * Where a source's frontmatter block is, by its fences alone (no YAML read):
 * shared by the frontmatter reader and the parser, so both see the same block.
 */

/** Whether line 1 is exactly `---` (trailing white space allowed). */
export function opensFence(text: string): boolean {
  const end = text.indexOf('\n')
  return text.slice(0, end === -1 ? text.length : end).trimEnd() === '---'
}

/** Index of the first line after line 1 that is `---` (trailing white space allowed), or -1; stops there instead of splitting the whole text. */
export function closingLine(text: string): number {
  let start = text.indexOf('\n') + 1
  for (let index = 1; start > 0; index++) {
    const end = text.indexOf('\n', start)
    if (text.slice(start, end === -1 ? text.length : end).trimEnd() === '---') return index
    start = end + 1
  }
  return -1
}

/** Whether the text opens with a frontmatter block: an opening fence and a closing one. */
export function hasFrontmatterBlock(text: string): boolean {
  return opensFence(text) && closingLine(text) !== -1
}
