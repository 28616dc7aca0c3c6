import {parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {isPlainFilter} from './listen-matching.ts'

const plain = (query: string, params: Record<string, unknown> = {}) => isPlainFilter(parse(query, {params}), params)

describe('isPlainFilter', () => {
  it('takes the filters the Studio listens with, which stay on the main thread', () => {
    expect(plain('*')).toBe(true)
    expect(plain('*[_id in $ids]', {ids: ['a']})).toBe(true)
    expect(plain('*[_type == $type]', {type: 'treatment'})).toBe(true)
    expect(plain('*[sanity::versionOf($publishedId)]', {publishedId: 'a'})).toBe(true)
    expect(plain('*[_type == "sanity.canvas.link" && studioDocumentId in $ids]', {ids: []})).toBe(true)
    expect(plain('*[_type == "treatment" && (_id == $id || references($id))]', {id: 'a'})).toBe(true)
    expect(plain('*[!(_id in path("drafts.**")) && defined(slug.current) && count(tags) > 2]')).toBe(true)
    expect(plain('*[_id in path($pattern)]', {pattern: 'drafts.**'})).toBe(true)
  })

  it('sends to a worker what can take longer than one pass over a document', () => {
    // `match` and a path with several `**` become regular expressions that backtrack.
    expect(plain(`*[title match "${'a*'.repeat(14)}b"]`)).toBe(false)
    expect(plain('*[_id in path("**.**.**.x")]')).toBe(false)
    expect(plain('*[_id in path($pattern)]', {pattern: '**.**.x'})).toBe(false)
    // Nested loops over a document's arrays, a subquery, a projection, functions over strings or arrays.
    expect(plain('*[count(items[]{"x": ^.items[]}) > 0]')).toBe(false)
    expect(plain('*[count(*[_type == "x"]) > 0]')).toBe(false)
    expect(plain('*[_type == "system.release"]{_id} | order(_createdAt desc)')).toBe(false)
    expect(plain('*[string::startsWith(title, "a")]')).toBe(false)
    expect(plain('*[array::unique(tags) == tags]')).toBe(false)
    expect(plain('*[author->name == "x"]')).toBe(false)
  })
})
