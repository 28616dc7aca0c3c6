import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import type {DatasetDocument} from './dataset-document.ts'
import {narrowRootFilter} from './narrow-root-filter.ts'

const documents: DatasetDocument[] = [
  {_id: 'a', _type: 'treatment', slug: {current: 'one'}, title: 'A'},
  {_id: 'b', _type: 'treatment', slug: {current: 'two'}, title: 'B', ref: {_ref: 'c'}},
  {_id: 'c', _type: 'condition', slug: {current: 'one'}, name: 'C'},
  {_id: 'drafts.a', _type: 'treatment', slug: {current: 'one'}, title: 'A draft'},
]

async function both(query: string, params: Record<string, unknown> = {}) {
  const tree = parse(query)
  const full = await (await evaluate(tree, {dataset: documents, params})).get()
  const narrowed = narrowRootFilter(tree, documents, params)
  const fast = await (await evaluate(narrowed, {dataset: documents, params})).get()
  return {full, fast, narrowed: narrowed !== tree}
}

describe('narrowRootFilter', () => {
  it('answers like a full scan for type, slug and id filters, literal or parameter', async () => {
    for (const [query, params] of [
      ['*[_type == "treatment" && slug.current == $slug && !(_id in path("drafts.**"))][0]{title, "c": ref->name}', {slug: 'two'}],
      ['*[slug.current == "one"]{_id}', {}],
      ['*[_type == "treatment"] | order(_id desc){_id}', {}],
      ['*[_id == $id][0]', {id: 'c'}],
      ['*[_type == "nothing"]', {}],
      ['count(*[_type == "treatment"])', {}],
    ] as const) {
      const {full, fast, narrowed} = await both(query, params)
      expect(fast, query).toEqual(full)
      expect(narrowed || query.startsWith('count'), query).toBe(true)
    }
  })

  it('leaves queries it cannot narrow as they are', async () => {
    for (const query of ['*[title == "A"]', '*[_type == "treatment" || _id == "c"]', '*{_id}', '*[_type == "treatment"][0]{"all": *[_type == "condition"]{_id}}']) {
      const tree = parse(query)
      const narrowed = narrowRootFilter(tree, documents, {})
      if (query.includes('||') || query.startsWith('*{') || query.includes('title ==')) expect(narrowed, query).toBe(tree)
      const full = await (await evaluate(tree, {dataset: documents})).get()
      expect(await (await evaluate(narrowed, {dataset: documents})).get(), query).toEqual(full)
    }
  })
})
