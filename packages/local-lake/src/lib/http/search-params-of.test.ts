import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {searchParamsOf} from './search-params-of.ts'

const entries = (params: URLSearchParams) => [...params]

describe('searchParamsOf', () => {
  it('decodes a query string exactly as url.searchParams does, for any mix of escapes, +, = and &', () => {
    const piece = fc.constantFrom('a', 'Z', '=', '&', '+', '%', '%2', '%25', '%2B', '%20', '%zz', '%C3%A9', '%C3', '%E2%80%93', '%F0%9F%98%80', '%ED%A0%80', '%EF%BB%BF', '$', 'é', '😀', ' ', '#')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), fc.nat({max: 300}), (pieces, padding) => {
        // Some strings long enough to go through the cache, twice (the cached answer must match too).
        const tail = pieces.join('')
        for (const text of [`query=${'q'.repeat(padding)}${tail}&${tail}`, `query=${'q'.repeat(padding)}${tail}&${tail}`]) {
          const url = new URL(`http://lake/path?${text}`)
          expect(entries(searchParamsOf(url))).toEqual(entries(url.searchParams))
        }
      }),
      {numRuns: 2000},
    )
  })

  it('reads a page request as @sanity/client sends it, the long query text from the cache the second time', () => {
    const query = `*[_type == "treatment" && slug.current == $slug]{${'"title": title[language in $locales]{value}, '.repeat(20)}_id}`
    const search = new URLSearchParams({query, '$slug': '"botox"', '$locales': '["it","en"]', returnQuery: 'false'})
    for (let time = 0; time < 2; time++) {
      const params = searchParamsOf(new URL(`http://lake/v1/data/query/production?${search}`))
      expect(params.get('query')).toBe(query)
      expect(params.get('$locales')).toBe('["it","en"]')
      expect(params.get('returnQuery')).toBe('false')
    }
  })
})
