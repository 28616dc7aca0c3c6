import {match} from '@formatjs/intl-localematcher'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {localeIds} from './locale-registry.ts'
import {lookupLocale} from './lookup-locale.ts'

const language = fc.constantFrom('en', 'it', 'de', 'fr', 'EN', 'De', 'zh', 'sr', 'gsw', 'und', 'iw', 'he', 'in', 'no', 'nb', 'tl')
const subtag = fc.constantFrom('CH', 'ch', 'AT', 'US', '419', 'Latn', 'Hant', 'Cyrl', '1996', 'fonipa', 'u-ca-buddhist', 'u-nu-latn', 'u-co-phonebk-ka-shifted', 'x-private', 'x-a-b', 't-de', 'a-ext', 'DE')
/** Tags built from real subtags; some are invalid (then both refuse them) and some are non-canonical. */
const tag = fc.tuple(language, fc.array(subtag, {maxLength: 3})).map(([head, rest]) => [head, ...rest].join('-'))
const isValid = (value: string) => {
  try {
    Intl.getCanonicalLocales(value)
    return true
  } catch {
    return false
  }
}
const validTag = tag.filter(isValid)
const availableSets = fc.constantFrom(localeIds, ['de-CH', 'de', 'en'], ['zh-Hant-TW', 'zh-Hant', 'sr-Latn', 'en-US'], ['it', 'gsw', 'he', 'id', 'nb', 'fil'], ['de-CH-1996', 'de-u-co-phonebk'])

describe('lookupLocale', () => {
  it('matches like @formatjs/intl-localematcher with the lookup algorithm, for generated tags', () => {
    fc.assert(
      fc.property(fc.array(validTag, {maxLength: 4}), availableSets, (requested, available) => {
        expect(lookupLocale(requested, available, 'xx')).toBe(match(requested, available, 'xx', {algorithm: 'lookup'}))
      }),
      {numRuns: 3000},
    )
  })

  it('truncates by BCP 47 subtags, not string prefixes, and drops Unicode extensions', () => {
    expect(lookupLocale(['it-CH'], localeIds, 'en')).toBe('it')
    expect(lookupLocale(['de-AT-u-ca-buddhist'], localeIds, 'en')).toBe('de')
    expect(lookupLocale(['itx'], localeIds, 'en')).toBe('en')
    expect(lookupLocale(['fr', 'DE-ch'], localeIds, 'en')).toBe('de')
    expect(lookupLocale(['de-CH-x-a'], ['de-CH'], 'en')).toBe('de-CH')
  })

  it('throws a RangeError for an invalid tag, as Intl does', () => {
    expect(() => lookupLocale(['not a tag'], localeIds, 'en')).toThrow(RangeError)
  })
})
