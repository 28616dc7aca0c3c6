import {describe, expect, it} from 'vitest'
import {localeSlug} from '../slug/locale-slug.ts'
import {baseLocale, fallbackChain, localeIds, matchLocale} from './locale-registry.ts'

describe('the locale registry', () => {
  it('has English as base, then Italian and German', () => {
    expect(baseLocale).toBe('en')
    expect(localeIds).toEqual(['en', 'it', 'de'])
  })

  it('ends every fallback chain in the base locale', () => {
    expect(fallbackChain('it')).toEqual(['it', 'en'])
    expect(fallbackChain('de')).toEqual(['de', 'en'])
    expect(fallbackChain('en')).toEqual(['en'])
  })

  it('gives every caller its own chain: the one kept per locale cannot be changed through it', () => {
    const chain = fallbackChain('it')
    chain.reverse()
    matchLocale('it').chain.push('de')
    expect(fallbackChain('it')).toEqual(['it', 'en'])
    expect(matchLocale('it').chain).toEqual(['it', 'en'])
    expect(localeSlug({slug: 'base', localizedSlugs: [{language: 'it', value: 'proprio'}]}, 'it')).toEqual({slug: 'proprio', served: 'it'})
  })

  it('matches regional tags to their language with lookup semantics', () => {
    expect(matchLocale('it-CH')).toEqual({locale: 'it', chain: ['it', 'en'], requested: 'it-CH', usedDefault: false})
    expect(matchLocale('de-AT').locale).toBe('de')
    expect(matchLocale('DE-at').locale).toBe('de')
  })

  it('takes the first supported tag of a priority list', () => {
    expect(matchLocale(['fr-FR', 'de-CH', 'it']).locale).toBe('de')
  })

  it('falls back to the base locale for unsupported or invalid tags and says so', () => {
    expect(matchLocale('fr')).toMatchObject({locale: 'en', usedDefault: true})
    expect(matchLocale('not a tag!')).toMatchObject({locale: 'en', usedDefault: true})
    expect(matchLocale([])).toMatchObject({locale: 'en', usedDefault: true})
    expect(matchLocale('en-GB')).toMatchObject({locale: 'en', usedDefault: false})
  })

  it('refuses a chain for an unsupported locale with the fix in the message', () => {
    expect(() => fallbackChain('fr')).toThrow(
      'Cannot build a fallback chain for `fr`: expected one of en, it, de; use `matchLocale()` to map a requested tag to a supported locale',
    )
  })
})
