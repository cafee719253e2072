/** Date normalisation: the shapes generators write, each read by the rule in `stages/dates.ts`. */
import {describe, expect, it} from 'vitest'
import {dateValue, normaliseDate} from '../src/stages/dates.js'

describe('dates are emitted as ISO 8601', () => {
  it('a day only stays a day', () => {
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29')
    expect(normaliseDate(' 2020-01-01 ')).toBe('2020-01-01')
  })

  it('a time with a zone becomes the UTC instant', () => {
    expect(normaliseDate('2024-09-09T11:31:03.761Z')).toBe('2024-09-09T11:31:03.761Z')
    expect(normaliseDate('2019-03-26T08:47:11+01:00')).toBe('2019-03-26T07:47:11.000Z')
    expect(normaliseDate('2019-03-26 08:47:11 +0100')).toBe('2019-03-26T07:47:11.000Z')
    expect(normaliseDate('2019-03-26T23:30:00-02')).toBe('2019-03-27T01:30:00.000Z')
    expect(normaliseDate('2024-07-24T14:51:33 (UTC -05:00)')).toBe('2024-07-24T19:51:33.000Z')
    expect(normaliseDate('2024-07-24 14:51 UTC')).toBe('2024-07-24T14:51:00.000Z')
  })

  it('a time without a zone is read as UTC; digits past milliseconds are cut off', () => {
    expect(normaliseDate('2024-08-15 12:11:30')).toBe('2024-08-15T12:11:30.000Z')
    expect(normaliseDate('2025-01-29  03:07:19')).toBe('2025-01-29T03:07:19.000Z')
    expect(normaliseDate('2024-08-15T12:11:30.123456')).toBe('2024-08-15T12:11:30.123Z')
    expect(normaliseDate('2024-08-15T12:11:30.5')).toBe('2024-08-15T12:11:30.500Z')
  })

  it('what names no real day or time, or is no date, is undefined', () => {
    for (const text of ['2024-13-45', '2024-02-30', '2024-01-01T24:00:00', '2024-01-01T12:60', '2024-01-01T12:00+15:00', 'next Tuesday', '1700000000', '2024/01/01', '']) {
      expect(normaliseDate(text), text).toBeUndefined()
    }
  })

  it('dateValue orders what normaliseDate emits, a day from its UTC midnight', () => {
    expect(dateValue('2024-02-29')).toBe(Date.UTC(2024, 1, 29))
    expect(dateValue('2024-07-24T14:51:33 (UTC -05:00)')).toBe(Date.UTC(2024, 6, 24, 19, 51, 33))
    expect(dateValue(normaliseDate('2019-03-26 08:47:11 +0100')!)).toBe(dateValue('2019-03-26 08:47:11 +0100'))
  })
})
