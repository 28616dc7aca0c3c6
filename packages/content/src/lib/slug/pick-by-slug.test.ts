import {describe, expect, it} from 'vitest'
import {DuplicateSlugError} from '../errors.ts'
import {pickBySlug} from './pick-by-slug.ts'

const page = (_id: string, slug: string, it?: string) => ({_id, slug, localizedSlugs: it === undefined ? null : [{language: 'it', value: it}]})

describe('pickBySlug', () => {
  it("prefers the page whose slug it is in the locale, then another locale's slug, then a former slug", () => {
    const a = page('a', 'shared', 'a-it')
    const b = page('b', 'b-en', 'shared')
    expect(pickBySlug([a, b], 'shared', 'en')).toEqual({page: a, matchedBy: 'slug', redirectTo: null})
    expect(pickBySlug([a, b], 'shared', 'it')).toEqual({page: b, matchedBy: 'slug', redirectTo: null})
    // German falls back to English: `shared` is a's slug there.
    expect(pickBySlug([a, b], 'shared', 'de')).toEqual({page: a, matchedBy: 'slug', redirectTo: null})
    expect(pickBySlug([a], 'a-it', 'en')).toEqual({page: a, matchedBy: 'slug', redirectTo: 'shared'})
    // A page found only through a former slug (the query matched it there).
    expect(pickBySlug([a], 'old', 'it')).toEqual({page: a, matchedBy: 'formerSlug', redirectTo: 'a-it'})
    expect(pickBySlug([], 'old', 'it')).toBeUndefined()
  })

  it('refuses two pages it cannot tell apart, naming the locale, never first-wins', () => {
    const error = (() => {
      try {
        pickBySlug([page('a', 'a', 'a-it'), page('b', 'b', 'b-it')], 'old', 'it')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(DuplicateSlugError)
    expect(error).toMatchObject({code: 'DUPLICATE_SLUG', slug: 'old', locale: 'it', ids: ['a', 'b']})
    // Another locale's slug of two pages (English of one, Italian of the other), asked in German.
    expect(() => pickBySlug([page('a', 'x', 'a-it'), page('b', 'b', 'x')].map((each) => ({...each, localizedSlugs: [...(each.localizedSlugs ?? []), {language: 'de', value: `${each._id}-de`}]})), 'x', 'de')).toThrow(DuplicateSlugError)
  })
})
