import {describe, expect, it} from 'vitest'
import {fits, namesOf} from '../src/stages/title.js'
import {wordsOf} from '../src/stages/scan.js'

const body = (text: string) => wordsOf(text.toLowerCase())

describe('title fit: names, not generic words', () => {
  it('names are inner capitals and letters mixed with digits; long capitalised words are emphasis', () => {
    expect(namesOf('[FIXED] How to Convert YouTube Video Into FLV on iCloud for PS5 in 2024')).toEqual(['youtube', 'flv', 'icloud', 'ps5'])
  })

  it("a title whose generic words occur but whose names do not is another article's", () => {
    const text = body('How to record BIGO Live video without a black screen on Windows. The video format you choose matters.')
    expect(fits('How to Convert Any YouTube Video Into FLV Format on Windows Without Restrictions', text)).toBe(false)
    expect(fits('Record BIGO Live Video Without Black Screen', text)).toBe(true)
  })

  it('a title without names is judged on its words, as before', () => {
    expect(fits('[FIXED] Turtle Beach Mic Not Working', body('Turtle Beach mic not working? Update the driver.'))).toBe(true)
  })
})
