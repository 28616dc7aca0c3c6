import {describe, expect, it} from 'vitest'
import {hreflangAlternates} from './hreflang-alternates.ts'

const urlFor = (locale: string) => `https://clinic.example/${locale}/treatments/x`

describe('hreflangAlternates', () => {
  it('lists every supported locale that has the page, in registry order, then x-default for the base locale', () => {
    expect(hreflangAlternates(['de', 'en', 'it'], urlFor)).toEqual([
      {hreflang: 'en', href: 'https://clinic.example/en/treatments/x'},
      {hreflang: 'it', href: 'https://clinic.example/it/treatments/x'},
      {hreflang: 'de', href: 'https://clinic.example/de/treatments/x'},
      {hreflang: 'x-default', href: 'https://clinic.example/en/treatments/x'},
    ])
  })

  it('leaves out locales without the page and ids that are not supported', () => {
    expect(hreflangAlternates(['en', 'fr', 'it-CH'], urlFor).map((alternate) => alternate.hreflang)).toEqual(['en', 'x-default'])
  })

  it('throws a TypeError naming the call on misuse', () => {
    expect(() => hreflangAlternates('en' as never, urlFor)).toThrow(new TypeError('`hreflangAlternates` expects an array of locale ids as its first argument, got the string "en"'))
    expect(() => hreflangAlternates(['en'], null as never)).toThrow(new TypeError('`hreflangAlternates` expects a `urlFor(locale)` function as its second argument, got null'))
    expect(() => hreflangAlternates(['en'], () => '')).toThrow(new TypeError('`hreflangAlternates`: `urlFor("en")` must return a non-empty URL string, got the string ""'))
  })
})
