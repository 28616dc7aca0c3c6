import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {DuplicateSlugError, createTreatmentContent, type TreatmentContent} from '@treatments/content'
import {parseNdjson, serializeNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {renderTreatmentPage} from '@treatments/content/page'
import {startLocalLake, type LocalLake} from '@treatments/local-lake'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'

// Localized slugs, the same from every reader: localDataset (the in-process plan), the local
// lake over HTTP (its main-thread plan for the by-slug read) and a caller's own @sanity/client.
// The shipped page has its own Italian and German slug; former slugs are added here.

const treatmentId = 'treatment-mesotherapy-cellulite'
const slugs = {en: 'mesotherapy-cellulite', it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'}
const item = (language: string, value: string) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value})

let seed: DatasetDocument[]
let directory: string
beforeAll(async () => {
  seed = parseNdjson(await readFile(defaultDatasetPath, 'utf8'))
  directory = await mkdtemp(join(tmpdir(), 'localized-slugs-'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

function edited(change: (documents: DatasetDocument[], treatment: Record<string, unknown>) => void): DatasetDocument[] {
  const documents = structuredClone(seed)
  change(documents, documents.find((document) => document._id === treatmentId) as Record<string, unknown>)
  return documents
}

/** Runs `check` with each reader over `documents`, one lake for all. */
let files = 0
async function withEveryReader(documents: DatasetDocument[], check: (content: TreatmentContent, reader: string) => Promise<void>): Promise<void> {
  const file = join(directory, `dataset-${++files}.ndjson`)
  await writeFile(file, serializeNdjson(documents))
  const lake: LocalLake = await startLocalLake({datasets: {production: file}, readOnly: true})
  try {
    const readers: Array<[string, TreatmentContent]> = [
      ['localDataset', createTreatmentContent({source: localDataset(file)})],
      ['the local lake over HTTP', createTreatmentContent({source: {projectId: 'local', dataset: 'production', apiHost: lake.url, useCdn: false}, retry: {attempts: 1}})],
      ['a caller’s own @sanity/client', createTreatmentContent({source: createClient({...lake.clientConfig}), retry: {attempts: 1}})],
    ]
    for (const [name, content] of readers) await check(content, name)
  } finally {
    await lake.close()
  }
}

describe('localized slugs, the same from every reader', () => {
  it('find the page by each locale’s slug and by a former slug, and say which (redirectTo the locale’s slug)', async () => {
    const documents = edited((_all, treatment) => {
      treatment.formerSlugs = [
        {_key: 'f1', _type: 'formerSlug', language: 'it', slug: 'mesoterapia-anticellulite'},
        {_key: 'f2', _type: 'formerSlug', language: 'en', slug: 'cellulite-mesotherapy'},
      ]
    })
    await withEveryReader(documents, async (content, reader) => {
      for (const locale of ['en', 'it', 'de'] as const) {
        const result = await content.getTreatment(slugs[locale], {locale})
        expect({slug: result.treatment.slug, matchedBy: result.matchedBy, redirectTo: result.redirectTo}, `${reader} ${locale}`).toEqual({slug: slugs[locale], matchedBy: 'slug', redirectTo: null})
        expect(result.treatment.slugs, reader).toEqual(slugs)
        expect(result.fallbacks.filter((fallback) => fallback.path === 'slug'), reader).toEqual([])
      }
      // Another locale's slug finds the page; the answer names the locale's own slug to redirect to.
      const english = await content.getTreatment(slugs.en, {locale: 'it'})
      expect([english.treatment.slug, english.matchedBy, english.redirectTo], reader).toEqual([slugs.it, 'slug', slugs.it])
      // A former slug, in its own locale or another.
      const former = await content.getTreatment('mesoterapia-anticellulite', {locale: 'it'})
      expect([former.treatment._id, former.treatment.slug, former.matchedBy, former.redirectTo], reader).toEqual([treatmentId, slugs.it, 'formerSlug', slugs.it])
      const formerEnglish = await content.getTreatment('cellulite-mesotherapy', {locale: 'de'})
      expect([formerEnglish.matchedBy, formerEnglish.redirectTo], reader).toEqual(['formerSlug', slugs.de])
      // The index page links each page at the locale's slug.
      expect((await content.listTreatments({locale: 'de'})).treatments.map((summary) => summary.slug), reader).toEqual([slugs.de])
    })
  })

  it('fall back to the base locale’s slug where a locale has none, and report it as a text fallback is', async () => {
    const documents = edited((_all, treatment) => {
      // With the empty English item the Studio's internationalized-array plugin adds to the field.
      treatment.localizedSlugs = [{_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en'}, item('it', slugs.it)]
    })
    await withEveryReader(documents, async (content, reader) => {
      const german = await content.getTreatment(slugs.en, {locale: 'de'})
      expect([german.treatment.slug, german.redirectTo], reader).toEqual([slugs.en, null])
      expect(german.fallbacks, reader).toContainEqual({path: 'slug', requested: 'de', served: 'en'})
      expect(german.treatment.slugs, reader).toEqual({...slugs, de: slugs.en})
      const list = await content.listTreatments({locale: 'de'})
      expect(list.fallbacks, reader).toContainEqual({path: '[0].slug', requested: 'de', served: 'en'})
      // The page's alternates link each locale at its own slug.
      const page = renderTreatmentPage(await content.getTreatment(slugs.it, {locale: 'it'}), {urlFor: (locale, slug) => `https://clinic.example/${locale}/treatments/${slug}`})
      expect(page.alternates.map(({hreflang, href}) => `${hreflang} ${href}`), reader).toEqual([
        'en https://clinic.example/en/treatments/mesotherapy-cellulite',
        'it https://clinic.example/it/treatments/mesoterapia-cellulite',
        'de https://clinic.example/de/treatments/mesotherapy-cellulite',
        'x-default https://clinic.example/en/treatments/mesotherapy-cellulite',
      ])
    })
  })

  it('allow one slug in two locales (different URLs), and refuse one slug in one locale on every read, naming the locale', async () => {
    const copy = (all: DatasetDocument[], localizedSlugs: unknown[]) => ({
      ...structuredClone(all.find((document) => document._id === treatmentId)!),
      _id: 'a-treatment-copy',
      slug: {_type: 'slug', current: 'copy'},
      localizedSlugs,
    })
    // The copy's Italian slug is the original's English one.
    await withEveryReader(
      edited((all) => all.push(copy(all, [item('it', slugs.en), item('de', 'kopie')]))),
      async (content, reader) => {
        expect((await content.getTreatment(slugs.en, {locale: 'en'})).treatment._id, reader).toBe(treatmentId)
        expect((await content.getTreatment(slugs.en, {locale: 'it'})).treatment._id, reader).toBe('a-treatment-copy')
        expect((await content.getAllTreatments({locale: 'it'})).pages, reader).toHaveLength(2)
      },
    )
    // The copy's Italian slug is the original's Italian one: /it/treatments/mesoterapia-cellulite
    // would name two pages. (A by-slug read sees the treatments with the slug it asks for: the
    // English slug names the original alone, and is answered.)
    await withEveryReader(
      edited((all) => all.push(copy(all, [item('it', slugs.it), item('de', 'kopie')]))),
      async (content, reader) => {
        const expected = {code: 'DUPLICATE_SLUG', slug: slugs.it, locale: 'it', ids: ['a-treatment-copy', treatmentId]}
        for (const [call, run] of [
          ['getTreatment', () => content.getTreatment(slugs.it, {locale: 'it'})],
          ['listTreatments', () => content.listTreatments()],
          ['getAllTreatments', () => content.getAllTreatments({locale: 'de'})],
        ] as const) {
          const error = await run().then(() => 'no error', (caught: unknown) => caught)
          expect(error, `${reader}: ${call}`).toBeInstanceOf(DuplicateSlugError)
          expect(error, `${reader}: ${call}`).toMatchObject(expected)
          expect((error as Error).message, `${reader}: ${call}`).toContain('in locale it')
        }
      },
    )
  })
})
