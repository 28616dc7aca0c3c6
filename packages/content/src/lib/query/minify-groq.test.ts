import {parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import {minifyGroq} from './minify-groq.ts'
import {allTreatmentsQuery, treatmentBySlugQuery, treatmentListQuery} from './queries.ts'

describe('minifyGroq', () => {
  it.each([
    ['the page query', treatmentBySlugQuery],
    ['the bulk query', allTreatmentsQuery],
    ['the list query', treatmentListQuery],
    ['strings with spaces and quotes', `*[title == "a  b\\" c" && _id in path('drafts.**') ] { "x y": 'it\\'s' }`],
    ['double-quoted strings that hold a single quote or an escape', `*[title == "it's" || title == "a\\u00e9" || title == "tab\\t"]{"k": "don't"}`],
    ['operators and keywords', `*[!(_id in $ids) && count( a[ b > 1 ] ) >= 2 - 1] | order( slug.current desc, _id asc ) [0 ... 10]{ ..., "n": ^.name, "r": ref -> { _id } }`],
  ])('keeps %s meaning the same (the same syntax tree)', (_name, query) => {
    expect(parse(minifyGroq(query))).toEqual(parse(query))
  })

  it('shortens the page query by dropping its layout', () => {
    expect(minifyGroq(treatmentBySlugQuery).length).toBeLessThan(treatmentBySlugQuery.length * 0.9)
    expect(minifyGroq(treatmentBySlugQuery)).not.toMatch(/\n/)
  })

  it('sends double-quoted strings in single quotes (one byte each in a URL, not three) unless they hold a quote or an escape', () => {
    expect(minifyGroq(`*[_type == "treatment"]{"title": title, "it's": 1, "a\\"b": 2}`)).toBe(`*[_type=='treatment']{'title':title,"it's":1,"a\\"b":2}`)
    // Outside single-quoted literals (a claim's field path holds `"` inside one), no `"` is left.
    expect(minifyGroq(treatmentBySlugQuery).replaceAll(/'(?:[^'\\]|\\.)*'/g, '')).not.toContain('"')
  })

  it('leaves a query with a comment as it is', () => {
    const query = '*[_type == "a"] // all of them\n{_id}'
    expect(minifyGroq(query)).toBe(query)
  })
})
