import {readFile} from 'node:fs/promises'

import {treatmentBySlugQuery} from '@treatments/content'
import {indexDocuments, pageBySlugPlan, parseNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type LakeFixture, startLakeFixture} from '../../test-support/lake-fixture.ts'
import {answerOnMainThread} from './main-thread-plan.ts'
import {ReferenceJson} from './reference-json.ts'

const SHIPPED = new URL('../../../../../content/dataset.ndjson', import.meta.url).pathname
const HOSTILE = new URL('../../../../../tests/fixtures/hostile.ndjson', import.meta.url).pathname
const CHAINS = [['en'], ['it', 'en'], ['de', 'en'], ['xx', 'en']]

async function documentsOf(file: string): Promise<DatasetDocument[]> {
  return parseNdjson(await readFile(file, 'utf8'), file)
}

/** Every slug any treatment answers to, and one that none does. */
function slugsOf(documents: readonly DatasetDocument[]): string[] {
  return [...indexDocuments(documents).byAnySlug.keys(), 'no-such-page']
}

describe('page answers with the referenced documents’ JSON kept', () => {
  it.each([
    ['shipped', SHIPPED],
    ['hostile', HOSTILE],
  ])('are the bytes JSON.stringify writes for the plan’s answer (%s dataset, kept and first time)', async (_name, file) => {
    const documents = await documentsOf(file)
    const view = {documents, byId: indexDocuments(documents).byId}
    for (const round of [1, 2]) {
      for (const locales of CHAINS) {
        for (const slug of slugsOf(documents)) {
          const params = {slug, locale: locales[0], locales}
          const encoded = answerOnMainThread(treatmentBySlugQuery, params, view, 10_000_000)
          const expected = JSON.stringify(pageBySlugPlan(treatmentBySlugQuery, params, documents)!.answer)
          expect(Buffer.concat(encoded!.parts).toString(), `round ${round}, ${slug}, ${locales.join('>')}`).toBe(expected)
          expect(encoded!.bytes).toBe(Buffer.byteLength(expected))
        }
      }
    }
  })

  it('refuses an answer past the size limit with queryResultTooLarge, also when parts are kept', async () => {
    const documents = await documentsOf(SHIPPED)
    const view = {documents, byId: indexDocuments(documents).byId}
    const slug = slugsOf(documents)[0]!
    const params = {slug, locale: 'it', locales: ['it', 'en']}
    const bytes = answerOnMainThread(treatmentBySlugQuery, params, view, 10_000_000)!.bytes
    expect(() => answerOnMainThread(treatmentBySlugQuery, params, view, bytes - 1)).toThrow(expect.objectContaining({statusCode: 400, body: {error: expect.objectContaining({type: 'queryResultTooLarge'})}}))
    expect(answerOnMainThread(treatmentBySlugQuery, params, view, bytes)!.bytes).toBe(bytes)
  })
})

describe('ReferenceJson.projectionsFor', () => {
  it('keeps one set per parameters but the slug, and none for parameters JSON cannot tell apart', async () => {
    const kept = ReferenceJson.of(await documentsOf(SHIPPED))
    const params = {locale: 'it', locales: ['it', 'en']}
    expect(kept.projectionsFor({...params, slug: 'a'})).toBe(kept.projectionsFor({...params, slug: 'b'}))
    expect(kept.projectionsFor({...params, slug: 'a'})).not.toBe(kept.projectionsFor({locale: 'de', locales: ['de', 'en'], slug: 'a'}))
    // `$locale=1e999` parses to Infinity, which JSON writes as null: it must not share null's projections.
    const forNull = kept.projectionsFor({locale: null, locales: ['it', 'en'], slug: 'a'})
    expect(kept.projectionsFor({locale: Number.POSITIVE_INFINITY, locales: ['it', 'en'], slug: 'a'})).not.toBe(forNull)
  })
})

describe('a lake answering page reads with kept JSON', () => {
  let fixture: LakeFixture
  beforeAll(async () => {
    fixture = await startLakeFixture({}, {file: SHIPPED})
  })
  afterAll(async () => {
    await fixture?.close()
  })

  it('shows a changed contraindication on the next page read (nothing kept outlives a write)', async () => {
    const documents = await fixture.readDocuments()
    const treatment = documents.find((document) => document._type === 'treatment' && Array.isArray(document.contraindications))!
    const referenced = (treatment.contraindications as Array<{_ref: string}>)[0]!._ref
    const params = {slug: (treatment.slug as {current: string}).current, locale: 'it', locales: ['it', 'en']}
    const textOf = async () => {
      // Anonymous, as a site reads: the published perspective, the page's plan on the main thread.
      const search = new URLSearchParams({query: treatmentBySlugQuery, returnQuery: 'false'})
      for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
      const response = await fetch(`${fixture.lake.url}/v2025-02-19/data/query/production?${search}`)
      const body = (await response.json()) as {result: Array<{contraindications: Array<{_id: string; text: {i18n: Array<{language: string; value: string}>}}>}>}
      return body.result[0]!.contraindications.find((item) => item._id === referenced)!.text.i18n.find((item) => item.language === 'it')!.value
    }
    const before = await textOf()
    // Asked three times, so the answer and the referenced documents' JSON are kept.
    expect(await textOf()).toBe(before)
    expect(await textOf()).toBe(before)
    const changed = `${before} (aggiornato)`
    const current = documents.find((document) => document._id === referenced)!
    const text = (current.text as Array<{language: string; value: string}>).map((item) => (item.language === 'it' ? {...item, value: changed} : item))
    await fixture.client.patch(referenced).set({text}).commit()
    expect(await textOf()).toBe(changed)
  })
})
