import {describe, expect, it} from 'vitest'
import {parseAcceptLanguage} from './accept-language.ts'

describe('parseAcceptLanguage', () => {
  it('orders tags by q-value, keeping header order for equal weights', () => {
    expect(parseAcceptLanguage('de;q=0.5, it-CH, it;q=0.9, en;q=0.9')).toEqual(['it-CH', 'it', 'en', 'de'])
  })

  it('drops *, q=0, malformed tags and malformed weights', () => {
    expect(parseAcceptLanguage('*, fr;q=0, en-US;q=0.000, x_y, de;q=2, it;q=abc, es;q=0.3')).toEqual(['es'])
  })

  it('reads a missing or empty header as no preference', () => {
    expect([parseAcceptLanguage(undefined), parseAcceptLanguage(''), parseAcceptLanguage(' , ')]).toEqual([[], [], []])
  })

  it('accepts spaces around parameters and upper-case Q', () => {
    expect(parseAcceptLanguage('en ; Q = 0.2 ,it')).toEqual(['it', 'en'])
  })
})
