import {applySourceDocuments, getPublishedId} from '@sanity/client/csm'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ResultSourceMap} from '../query/whole-document-source-map.ts'
import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'

let fixture: LakeFixture
beforeAll(async () => {
  // Room for the 60 kB filter below, which a query worker parses in about a second on a quiet
  // machine and took over the default 5 s when the whole suite ran on two cores.
  fixture = await startLakeFixture({queryTimeoutMs: 30_000})
})
afterAll(async () => {
  await fixture.close()
})

// As the Presentation tool's live queries ask: drafts, and a source map keyed by `_key`.
const fetchMapped = (query: string, params: Record<string, unknown> = {}) =>
  fixture.client.withConfig({resultSourceMap: 'withKeyArraySelector'}).fetch(query, params, {perspective: 'drafts', filterResponse: false})

describe('query answers with a Content Source Map (resultSourceMap)', () => {
  it('maps each document of a whole-document query to its stored variant, so the Studio can lay its unsaved form state over it', async () => {
    const response = await fetchMapped('*[_type == "treatment" && _id in $ids]', {ids: ['treatment-botox', 'treatment-fillers']})
    const ids = (response.result as Array<{_id: string}>).map((document) => document._id)
    expect(ids.toSorted()).toEqual(['treatment-botox', 'treatment-fillers'])
    const botox = ids.indexOf('treatment-botox')
    const fillers = ids.indexOf('treatment-fillers')
    const map = response.resultSourceMap as unknown as ResultSourceMap
    expect(map.paths).toEqual(['$'])
    // The draft is the variant the answer shows for Botox; Fillers has no draft.
    expect(map.documents[map.mappings[`$[${botox}]`]!.source.document]).toEqual({_id: 'drafts.treatment-botox', _type: 'treatment'})
    expect(map.documents[map.mappings[`$[${fillers}]`]!.source.document]).toEqual({_id: 'treatment-fillers', _type: 'treatment'})

    // What the Studio does with it (sanity/presentation `turboChargeResultIfSourceMap`).
    const [draft] = (await fixture.client.fetch('*[_id == "drafts.treatment-botox"]', {}, {perspective: 'raw'})) as Array<Record<string, unknown>>
    const unsaved = {...draft, title: {...(draft!.title as object), en: 'Botox (typed, not saved)'}}
    const live = applySourceDocuments(response.result, response.resultSourceMap, (source) => (getPublishedId(source._id) === 'treatment-botox' ? (unsaved as never) : null), (value) => value, 'drafts') as Array<{title: {en: string}}>
    expect(live[botox]!.title.en).toBe('Botox (typed, not saved)')
    expect(live[fillers]!.title.en).toBe((response.result as Array<{title: {en: string}}>)[fillers]!.title.en)
  })

  it('maps nothing of a query that projects, so no value is ever replaced by another field', async () => {
    const response = await fetchMapped('*[_type == "treatment"]{_id, "name": title.en}')
    expect(response.result.length).toBeGreaterThan(0)
    expect(response.resultSourceMap).toEqual({documents: [], paths: [], mappings: {}})
  })

  it('answers without a map unless asked', async () => {
    const response = await fixture.client.fetch('*[_type == "treatment"]', {}, {filterResponse: false})
    expect(response).not.toHaveProperty('resultSourceMap')
  })

  it('tells a whole-document query from others without parsing it again on the lake\'s main thread', async () => {
    // groq-js takes about a second to parse this 60 kB filter (longer lists take quadratically
    // longer): time a query worker may spend, but the main thread would hold every other request.
    const query = `*[_id in [${'"x",'.repeat(15_000)}"treatment-botox"]]`
    await fixture.client.fetch('count(*)')
    let longest = 0
    let last = performance.now()
    const ticks = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, 5)
    try {
      const response = await fetchMapped(query)
      expect((response.result as Array<{_id: string}>).map((document) => document._id)).toEqual(['treatment-botox'])
      expect((response.resultSourceMap as unknown as ResultSourceMap).documents).toEqual([{_id: 'drafts.treatment-botox', _type: 'treatment'}])
    } finally {
      clearInterval(ticks)
    }
    expect(longest, 'longest pause of the main thread, in ms').toBeLessThan(700)
  }, 30_000)

  it('maps a kept answer as the first one, and leaves a projecting query unmapped', async () => {
    for (const ask of ['first', 'second', 'kept']) {
      const whole = await fetchMapped('*[_id == "treatment-fillers"]')
      expect((whole.resultSourceMap as unknown as ResultSourceMap).documents, ask).toEqual([{_id: 'treatment-fillers', _type: 'treatment'}])
      const projected = await fetchMapped('*[_id == "treatment-fillers"][0]{_id, _type}')
      expect(projected.resultSourceMap, ask).toEqual({documents: [], paths: [], mappings: {}})
    }
  })
})
