import fc from 'fast-check'
import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import type {DatasetDocument} from '../dataset/dataset-document.ts'
import {indexDocuments} from '../dataset/document-index.ts'
import {sourceHash} from '../dataset/source-hash.ts'
import {readNdjson} from '../dataset/read-ndjson.ts'
import {fallbackChain, localeIds} from '../locale/locale-registry.ts'
import {recordedHashLength} from '../locale/recorded-hash.ts'
import {allTreatmentsEveryLocaleQuery, allTreatmentsQuery, treatmentBySlugQuery, treatmentListQuery} from './queries.ts'
import {answerInLocale} from '../reader/answer-in-locale.ts'
import {sentRecordedHash, treatmentQueryPlans} from './treatment-query-plans.ts'
import {markReviewed} from '../../test-support/mark-reviewed.ts'

const shipped = await readNdjson(new URL('../../../../../content/dataset.ndjson', import.meta.url))
const hostile = await readNdjson(new URL('../../../../../tests/fixtures/hostile.ndjson', import.meta.url))
/**
 * groq-js itself, not the dataset core's runner: the runner answers these queries from the very
 * plans under test, so comparing with it would compare a plan with itself.
 */
async function groqJs(query: string, params: Record<string, unknown>, documents: readonly DatasetDocument[]): Promise<unknown> {
  const {byId} = indexDocuments(documents)
  return (await evaluate(parse(query), {dataset: documents, params, dereference: ({_ref}) => (byId.get(_ref) ?? null) as never})).get()
}

/** Every query and locale over `documents`: the plan's answer must be groq-js's. */
async function expectSameAnswers(documents: readonly DatasetDocument[], slugs: readonly string[]) {
  const allTreatments = new Map<string, unknown>()
  for (const locale of [...localeIds, 'xx']) {
    const chain = locale === 'xx' ? ['xx', 'en'] : fallbackChain(locale)
    const params = {locale: chain[0], locales: chain}
    for (const [query, extra] of [
      [allTreatmentsQuery, {}],
      [treatmentListQuery, {}],
      ...slugs.map((slug) => [treatmentBySlugQuery, {slug}] as const),
    ] as const) {
      const all = {...params, ...extra}
      const planned = treatmentQueryPlans.get(query)!(indexDocuments(documents), documents, all)
      const answered = planned !== undefined || query === allTreatmentsQuery ? await groqJs(query, all, documents) : undefined
      if (query === allTreatmentsQuery) allTreatments.set(locale, answered)
      if (planned !== undefined) expect(planned, `${query.slice(0, 40)}… ${JSON.stringify(all)}`).toEqual(answered)
    }
  }
  // Every locale at once: the plan answers as groq-js, and the reader's split of that answer is,
  // for each locale, exactly what the one-locale query answers.
  const every = {locales: localeIds}
  const answered = await groqJs(allTreatmentsEveryLocaleQuery, every, documents)
  const planned = treatmentQueryPlans.get(allTreatmentsEveryLocaleQuery)!(indexDocuments(documents), documents, every)
  if (planned !== undefined) expect(planned, 'every locale').toEqual(answered)
  for (const locale of localeIds) {
    expect(answerInLocale(answered, fallbackChain(locale), locale), `every locale, split for ${locale}`).toEqual(allTreatments.get(locale))
  }
}

/** Values a field might hold in a damaged or foreign dataset. */
const junkValues: unknown[] = [
  null,
  'text',
  5,
  [],
  {},
  [null, 'x', 3, {language: 'it'}, {_key: 'de', value: '  '}, {language: 5, value: 'x'}, {language: 'en', _key: 'it', value: ['a']}],
  [{value: 'no locale'}, {language: 'it', value: 'Uno'}, {language: 'it', value: 'Due'}],
  {_ref: 'missing'},
  [{_ref: 'missing'}, 'x', null],
  {current: 7},
  {current: 'treatment-x'},
  [{language: 'it', sourceHashes: [{field: 'text', hash: 'sha256-x'}, 'x']}, {language: 'de', status: 'reviewed'}],
  // Cut to its first 39 characters, by code point as GROQ's `string::split(hash, "")` splits.
  [{language: 'it', sourceHashes: [{field: 'text', hash: `sha256-${'😀'.repeat(30)}`}, {field: 'disclaimer', hash: 7}]}],
  [{language: 'it', status: 'reviewed', coveredTexts: [{field: 'disclaimer', hash: 'sha256-x'}, 'x', {field: 3}]}, {language: 'de', coveredTexts: 'x'}],
  {status: 'reviewed', coveredTexts: [{field: 'disclaimer', hash: 'sha256-x', extra: 1}, null]},
]
const junk = fc.constantFrom(...junkValues)

describe('treatmentQueryPlans', () => {
  it('answer exactly as groq-js on the shipped and the hostile datasets, for every query and locale', async () => {
    await expectSameAnswers(shipped, ['mesotherapy-cellulite', 'nope'])
    await expectSameAnswers(markReviewed(shipped, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-12-01', locales: ['it', 'de']}), ['mesotherapy-cellulite'])
    const slugs = hostile.flatMap((document) => ((document as {slug?: {current?: unknown}}).slug?.current as string | undefined) ?? [])
    await expectSameAnswers(hostile, [...new Set(slugs)])
  })

  it('answer exactly as groq-js for lookups by each locale\'s slug and by former slugs, with junk in either list', async () => {
    const treatment = shipped.find((document) => document._type === 'treatment')!
    const own = (treatment as {localizedSlugs?: unknown}).localizedSlugs
    expect(own).toEqual(expect.arrayContaining([expect.objectContaining({language: 'it', value: 'mesoterapia-cellulite'})]))
    const former = [{_key: 'f1', _type: 'formerSlug', language: 'it', slug: 'vecchio'}, {_key: 'f2', _type: 'formerSlug', language: 'en', slug: 'old'}]
    const lookups = ['mesotherapy-cellulite', 'mesoterapia-cellulite', 'vecchio', 'x', 'Uno']
    // Which treatments a slug finds, and how the slugs are projected, depend on no locale: one chain.
    const params = {locale: 'it', locales: fallbackChain('it')}
    for (const [localizedSlugs, formerSlugs] of [[own, former], ...junkValues.map((value) => [value, former]), ...junkValues.map((value) => [own, value])]) {
      const documents = shipped.map((document) => (document === treatment ? {...document, localizedSlugs, formerSlugs} : document))
      for (const [query, extra] of [[allTreatmentsQuery, {}], [treatmentListQuery, {}], ...lookups.map((slug) => [treatmentBySlugQuery, {slug}] as const)] as const) {
        const planned = treatmentQueryPlans.get(query)!(indexDocuments(documents), documents, {...params, ...extra})
        expect(planned, `${query.slice(-40)} ${JSON.stringify({extra, localizedSlugs, formerSlugs})}`).toEqual(await groqJs(query, {...params, ...extra}, documents))
      }
    }
  })

  it('answer exactly as groq-js with each field of the treatment and of a contraindication replaced by junk', async () => {
    for (const id of [shipped.find((document) => document._type === 'treatment')!._id, shipped.find((document) => document._type === 'contraindication')!._id]) {
      const target = shipped.find((document) => document._id === id)!
      // The slug lists have their own test above (every query, one locale chain: they do not depend on it).
      for (const key of Object.keys(target).filter((name) => name !== '_id' && name !== '_type' && name !== 'localizedSlugs')) {
        for (const value of junkValues) {
          const documents = shipped.map((document) => (document._id === id ? {...document, [key]: value} : document))
          await expectSameAnswers(documents, ['mesotherapy-cellulite'])
        }
      }
    }
    // About 22 s alone (groq-js evaluates every query in every locale for each case); 30-55 s
    // when the two cores are shared with other test files and browsers.
  }, 90_000)

  it('answer exactly as groq-js on damaged datasets: any field of any document replaced by junk, drafts and duplicate slugs', async () => {
    const treatment = shipped.find((document) => document._type === 'treatment')!
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({max: shipped.length - 1}), fc.constantFrom(...new Set(shipped.flatMap((document) => Object.keys(document)).filter((key) => key !== '_id' && key !== '_type'))), junk), {maxLength: 6}),
        fc.constantFrom('', 'drafts.', 'versions.r1.'),
        fc.boolean(),
        async (changes, prefix, duplicate) => {
          const documents: DatasetDocument[] = shipped.map((document) => ({...document}))
          for (const [index, key, value] of changes) (documents[index] as Record<string, unknown>)[key] = value
          documents.push({...treatment, _id: `${prefix}copy`, ...(duplicate ? {} : {slug: {_type: 'slug', current: 'another'}})})
          await expectSameAnswers(documents, ['mesotherapy-cellulite', 'another', 'treatment-x'])
        },
      ),
      {numRuns: 40},
    )
  })

  it('answer exactly as groq-js when treatments share documents, or reference one document from fields of different types', async () => {
    // The plans project a referenced document once per answer and field: a side effect listed as
    // a contraindication by another treatment must still carry its `_type` there.
    const treatment = shipped.find((document) => document._type === 'treatment')!
    const sideEffect = shipped.find((document) => document._type === 'sideEffect')!
    const contraindications = (treatment as unknown as {contraindications: unknown[]}).contraindications
    const documents: DatasetDocument[] = [
      ...shipped,
      {...treatment, _id: 'copy-a', slug: {_type: 'slug', current: 'copy-a'}},
      {...treatment, _id: 'copy-b', slug: {_type: 'slug', current: 'copy-b'}, contraindications: [...contraindications, {_type: 'reference', _key: 'se', _ref: sideEffect._id}]},
    ]
    await expectSameAnswers(documents, ['copy-a', 'copy-b'])
  })
})

describe('sentRecordedHash', () => {
  it('is what GROQ answers for array::join(string::split(hash, "")[0...39], "")', async () => {
    const query = parse(`array::join(string::split($hash, "")[0...${recordedHashLength}], "")`)
    for (const hash of [sourceHash('Pregnancy'), '', 'sha256-', 'short', `sha256-${'a'.repeat(31)}😀😀`, 'sha256-😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀', 42, null, {hash: sourceHash('Pregnancy')}]) {
      const answer = await (await evaluate(query, {params: {hash}})).get()
      expect(sentRecordedHash(hash), JSON.stringify(hash)).toEqual(answer)
    }
  })
})
