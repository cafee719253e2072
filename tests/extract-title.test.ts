import {describe, expect, it} from 'vitest'
import {fits, namesOf, ownHeading} from '../src/stages/title.js'
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

describe("the body's own heading under a page title", () => {
  it('is the page title less a segment set off by a separator (a site, an owner)', () => {
    expect(ownHeading('7 Most Useful Python Scripts - With Code Example', '7 Most Useful Python Scripts')).toBe('7 Most Useful Python Scripts')
    expect(ownHeading('Containerize a .NET application | Docker Docs', 'Containerize a .NET application')).toBe('Containerize a .NET application')
    expect(ownHeading('kennethreitz/responder: A familiar HTTP Service Framework for Python.', 'Responder: a familiar HTTP Service Framework for Python')).toBe(
      'Responder: a familiar HTTP Service Framework for Python'
    )
  })
  it('is not a heading that ends a sentence of the title, merely shares its words, or is the whole of it', () => {
    const title = 'The Perfect Gym Buddy for Techies: Unveiling the Power of the Samsung Galaxy Fit'
    expect(ownHeading(title, 'Samsung Galaxy Fit')).toBe(title)
    expect(ownHeading('Go - Environment Setup', 'Local Environment Setup')).toBe('Go - Environment Setup')
    expect(ownHeading('Go For Loops', 'Go For Loops')).toBe('Go For Loops')
    expect(ownHeading('Go For Loops', null)).toBe('Go For Loops')
  })
})
