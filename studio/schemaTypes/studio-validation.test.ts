import {readFile} from 'node:fs/promises'

import {getFallbackLocaleSource} from '@sanity/validation/_internal'
import {parseNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {createSchema, validateDocument, type SanityDocument} from 'sanity'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startLakeFixture, type LakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'
import config from '../sanity.config.ts'
import {uniqueItemLists} from './rules/index.ts'

// The Studio's own rules, run by Sanity's document validation in Node on the real Studio config
// (its schema types and the internationalized-array plugin's), against a local lake for the
// reference and slug checks: what an editor sees as errors in the Studio, without a browser.
// Environment "studio", as in the Studio: the "cli" one turns an object's custom rule into
// warnings (it adds its unknown-fields check to each rule with .warning()).

const datasetUrl = new URL('../../content/dataset.ndjson', import.meta.url)

const pluginTypes = (config.plugins ?? []).flatMap((plugin) => {
  const types = (plugin as {schema?: {types?: unknown}}).schema?.types
  return Array.isArray(types) ? types : []
})
const schema = createSchema({name: 'default', types: [...((config.schema?.types ?? []) as unknown[]), ...pluginTypes] as never})

let lake: LakeFixture
let seed: DatasetDocument[]
beforeAll(async () => {
  seed = parseNdjson(await readFile(datasetUrl, 'utf8'))
  lake = await startLakeFixture({}, {contents: await readFile(datasetUrl, 'utf8')})
})
afterAll(async () => {
  await lake?.close()
})

const treatment = () => structuredClone(seed.find((document) => document._type === 'treatment')!) as Record<string, any>

/** The Studio's error messages for `document`, each with its path as `a.b[0]`. */
async function studioErrors(document: Record<string, unknown>): Promise<Array<{path: string; message: string}>> {
  const markers = await validateDocument({
    document: document as SanityDocument,
    workspace: {schema, getClient: () => lake.client, i18n: getFallbackLocaleSource()},
    environment: 'studio',
  })
  return markers
    .filter((marker) => marker.level === 'error')
    .map((marker) => ({
      path: marker.path.map((segment) => (typeof segment === 'string' ? segment : JSON.stringify(segment))).join('.'),
      message: marker.message,
    }))
}

describe('the Studio’s rules, run by Sanity’s validation', () => {
  it('find no error in the seed treatment', async () => {
    expect(await studioErrors(treatment())).toEqual([])
  })

  it('refuse a page marked reviewed without the reviewer, the date and the texts the review covered', async () => {
    const document = treatment()
    document.medicalReview = {...document.medicalReview, status: 'reviewed'}
    expect(await studioErrors(document)).toEqual([
      {path: 'medicalReview.reviewer', message: 'A reviewed page needs the name of the reviewing doctor.'},
      {path: 'medicalReview.lastReviewed', message: 'A reviewed page needs the date of the review.'},
      {
        path: 'medicalReview.coveredTexts',
        message: 'A review must record the texts the doctor read: use the “Mark medically reviewed” action (pages do not claim a review that records none).',
      },
    ])
  })

  it.each([
    ['before the last review', '2026-06-01', 'The next review (2026-06-01) must be after the last review (2026-07-01).'],
    ['on the day of the last review', '2026-07-01', 'The next review (2026-07-01) must be after the last review (2026-07-01).'],
  ])('refuse a next review due %s', async (_case, nextReviewDue, message) => {
    const document = treatment()
    document.medicalReview = {...document.medicalReview, lastReviewed: '2026-07-01', nextReviewDue}
    expect(await studioErrors(document)).toEqual([{path: 'medicalReview.nextReviewDue', message}])
  })

  it.each([['01/07/2026'], ['2026-7-1'], ['2026-02-30T00:00'], ['2026-13-01'], ['2026-02-31']])('refuse a review date written %s', async (date) => {
    const document = treatment()
    document.medicalReview = {...document.medicalReview, lastReviewed: date}
    expect(await studioErrors(document)).toContainEqual({path: 'medicalReview.lastReviewed', message: `Use a date in the form YYYY-MM-DD (got ${JSON.stringify(date)}).`})
  })

  it('accept a reviewed page with reviewer, dates in order and covered texts', async () => {
    const document = treatment()
    document.medicalReview = {
      ...document.medicalReview,
      status: 'reviewed',
      reviewer: 'Dr. A. Example',
      lastReviewed: '2026-07-01',
      nextReviewDue: '2026-07-02',
      coveredTexts: [{_key: 'c1', _type: 'coveredText', field: 'disclaimer', hash: 'sha256-0'}],
    }
    expect(await studioErrors(document)).toEqual([])
  })

  it('refuse a translation holding a control character, naming it', async () => {
    const document = treatment()
    document.title.find((item: {language: string}) => item.language === 'de').value = 'Mesotherapie\x07'
    expect(await studioErrors(document)).toEqual([
      {path: 'title.{"_key":"de"}.value', message: 'The DE text holds a control character, U+0007 ALERT: it is not text, and readers would see nothing or a box. Remove it.'},
    ])
  })

  it('refuse two translation states for one language', async () => {
    const document = treatment()
    const italian = document.translations.find((state: {language: string}) => state.language === 'it')
    document.translations.push({...italian, _key: 'it-again'})
    expect(await studioErrors(document)).toEqual([{path: 'translations', message: 'There are two translation states for “it”. Keep one.'}])
  })

  it('refuse the same contraindication listed twice', async () => {
    const document = treatment()
    document.contraindications.push({...document.contraindications[0], _key: 'again'})
    const errors = await studioErrors(document)
    expect(errors.map((error) => error.path)).toEqual(['contraindications.{"_key":"c1"}', 'contraindications.{"_key":"again"}'])
  })

  describe('slugs, unique per locale against the other treatments in the lake', () => {
    const item = (language: string, value: string) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value})
    const copy = (localizedSlugs: unknown[], current = 'copy') => ({...treatment(), _id: 'drafts.treatment-copy', slug: {_type: 'slug', current}, localizedSlugs})

    it('accept another page’s slug in another locale, and a draft of the seed page itself', async () => {
      expect(await studioErrors(copy([item('it', 'mesotherapy-cellulite'), item('de', 'kopie')]))).toEqual([])
      expect(await studioErrors({...treatment(), _id: 'drafts.treatment-mesotherapy-cellulite'})).toEqual([])
    })

    it('refuse another page’s slug in the same locale, naming the language, at the slug it is about', async () => {
      expect(await studioErrors(copy([item('it', 'mesoterapia-cellulite'), item('de', 'kopie')]))).toEqual([
        {
          path: 'localizedSlugs.{"_key":"it"}',
          message: 'The Italiano (it) slug “mesoterapia-cellulite” is already used by treatment-mesotherapy-cellulite in Italiano (it). Each language\'s slugs must be unique.',
        },
      ])
      expect(await studioErrors(copy([item('it', 'copia'), item('de', 'kopie')], 'mesotherapy-cellulite'))).toEqual([
        {
          path: 'slug',
          message: 'The English (en) slug “mesotherapy-cellulite” is already used by treatment-mesotherapy-cellulite in English (en). Each language\'s slugs must be unique.',
        },
      ])
    })

    it('refuse a page without its own German slug whose English one another page has in German', async () => {
      // Without a German slug the copy is served at its English slug in German: /de/treatments/mesotherapie-cellulite twice.
      expect(await studioErrors(copy([item('it', 'copia')], 'mesotherapie-cellulite'))).toEqual([
        {
          path: 'localizedSlugs',
          message: 'The Deutsch (de) slug “mesotherapie-cellulite” is already used by treatment-mesotherapy-cellulite in Deutsch (de). Each language\'s slugs must be unique.',
        },
      ])
    })

    it('refuse an English item among the other languages’ slugs and a slug unsafe in a URL', async () => {
      expect(await studioErrors(copy([item('it', 'Copia'), item('en', 'copy-en')]))).toEqual([
        {path: 'localizedSlugs.{"_key":"it"}.value', message: 'Use lowercase letters, digits and single dashes, like “mesoterapia-cellulite” (got "Copia").'},
        {path: 'localizedSlugs.{"_key":"en"}', message: 'The English slug is the Slug field above; leave this one empty.'},
      ])
      // The empty English item the internationalized-array plugin adds to every such field.
      expect(await studioErrors(copy([item('it', 'copia'), {_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en'}]))).toEqual([])
    })
  })

  it('name in uniqueItemLists every list the schema holds unique (content:check applies those)', () => {
    const declared: Record<string, string[]> = {}
    for (const name of schema.getTypeNames()) {
      const type = schema.get(name) as {type?: {name?: string}; fields?: Array<{name: string; type: {validation?: unknown}}>}
      if (type?.type?.name !== 'document' || name.startsWith('sanity.')) continue
      for (const field of type.fields ?? []) {
        const rules = (Array.isArray(field.type.validation) ? field.type.validation : []) as Array<{_rules?: Array<{flag: string}>}>
        if (rules.some((rule) => rule._rules?.some((entry) => entry.flag === 'unique'))) (declared[name] ??= []).push(field.name)
      }
    }
    expect(declared).toEqual(uniqueItemLists)
  })
})
