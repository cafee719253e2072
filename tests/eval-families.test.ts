/**
 * The eval's boilerplate families are a reference of their own, not the
 * cleaning rules: a script URL is its scheme and a body, not the language's
 * name before a colon in prose.
 */
import {describe, expect, it} from 'vitest'
import {families} from '../src/evaluate.js'

describe('eval families: script url', () => {
  it('counts a script URL in text or a link, not "VBScript:" or "JavaScript:" naming the language', () => {
    const scriptUrl = families['script url']!
    expect(scriptUrl.test('Share (javascript:void(0)) now')).toBe(true)
    expect(scriptUrl.test('raw vbscript:msgbox(1) there')).toBe(true)
    expect(scriptUrl.test('The code for the VBScript: is below.')).toBe(false)
    expect(scriptUrl.test('There are 2 types of JavaScript: module and standard.')).toBe(false)
  })
})
