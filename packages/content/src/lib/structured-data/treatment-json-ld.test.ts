import {beforeAll, describe, expect, it} from 'vitest'
import type {TreatmentResult} from '../types.ts'
import {createTreatmentContent} from '../reader/create-treatment-content.ts'
import {readNdjson, type DatasetDocument} from '../../dataset.ts'
import {localDataset} from '../source/local-dataset.ts'
import {hreflangAlternates} from './hreflang-alternates.ts'
import {serializeJsonLd} from './serialize-json-ld.ts'
import {treatmentJsonLd} from './treatment-json-ld.ts'
import {markReviewed} from '../../test-support/mark-reviewed.ts'

const seedPath = new URL('../../../../../content/dataset.ndjson', import.meta.url)
let seed: DatasetDocument[]

beforeAll(async () => {
  seed = await readNdjson(seedPath)
})

async function result(locale: string, documents: readonly DatasetDocument[] = seed): Promise<TreatmentResult> {
  return createTreatmentContent({source: localDataset(documents)}).getTreatment('mesotherapy-cellulite', {locale})
}

const urlFor = (locale: string) => `https://clinic.example/${locale}/treatments/mesotherapy-cellulite`

describe('treatmentJsonLd', () => {
  it('claims a medical review only for a page marked reviewed', async () => {
    const pending = treatmentJsonLd(await result('it'), {url: urlFor('it')})
    expect(pending).not.toHaveProperty('reviewedBy')
    expect(pending).not.toHaveProperty('lastReviewed')
    const documents = seed.map((document) =>
      document._type === 'treatment'
        ? {...document, medicalReview: {...(document.medicalReview as object), status: 'pending', reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20'}}
        : document,
    )
    expect(treatmentJsonLd(await result('it', documents), {url: urlFor('it')})).not.toHaveProperty('reviewedBy')
  })

  it('claims no review once a reviewed safety text changed, until the review is renewed', async () => {
    const reviewed = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', locales: ['it']})
    expect(treatmentJsonLd(await result('en', reviewed), {url: urlFor('en')})).toMatchObject({lastReviewed: '2026-11-20', reviewedBy: {name: 'Dr. A. Rossi'}})
    const changed = reviewed.map((document) =>
      document._type === 'treatment'
        ? {...document, disclaimer: (document.disclaimer as Array<{language: string; value: string}>).map((item) => (item.language === 'en' ? {...item, value: `${item.value} Updated.`} : item))}
        : document,
    )
    for (const locale of ['en', 'it']) {
      const jsonLd = treatmentJsonLd(await result(locale, changed), {url: urlFor(locale)})
      expect(jsonLd).not.toHaveProperty('reviewedBy')
      expect(jsonLd).not.toHaveProperty('lastReviewed')
    }
    const renewed = markReviewed(changed, {reviewer: 'Dr. B. Bianchi', lastReviewed: '2026-12-01', locales: ['it']})
    expect(treatmentJsonLd(await result('it', renewed), {url: urlFor('it')})).toMatchObject({lastReviewed: '2026-12-01', reviewedBy: {name: 'Dr. B. Bianchi'}})
  })

  it('describes the page as a MedicalWebPage for patients in the page’s language, with review data', async () => {
    const reviewedEnglish = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20'})
    expect(treatmentJsonLd(await result('it', reviewedEnglish), {url: urlFor('it')})).not.toHaveProperty('reviewedBy')
    const reviewed = markReviewed(seed, {reviewer: 'Dr. A. Rossi', lastReviewed: '2026-11-20', locales: ['it']})
    const jsonLd = treatmentJsonLd(await result('it', reviewed), {url: urlFor('it')})
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      '@id': urlFor('it'),
      url: urlFor('it'),
      name: 'Mesoterapia per la cellulite',
      inLanguage: 'it',
      medicalAudience: {'@type': 'Patient'},
      lastReviewed: '2026-11-20',
      dateModified: '2026-11-20T09:00:00Z',
      reviewedBy: {'@type': 'Person', name: 'Dr. A. Rossi'},
      mainEntity: {'@type': 'MedicalTherapy', '@id': `${urlFor('it')}#treatment`, procedureType: 'https://schema.org/PercutaneousProcedure', bodyLocation: ['Cosce', 'Glutei', 'Fianchi', 'Addome']},
    })
    expect((jsonLd as {description: string}).description).toMatch(/^La mesoterapia è un trattamento/)
  })

  it('lists a side effect of unknown severity as serious, as the page does', async () => {
    const documents = seed.map((document) => (document._id === 'side-effect-inflammation' ? {...document, severity: 'severe'} : document))
    const therapy = treatmentJsonLd(await result('en', documents), {url: urlFor('en')}).mainEntity as Record<string, unknown>
    expect(therapy.seriousAdverseOutcome).toEqual([{'@type': 'MedicalSignOrSymptom', name: 'Inflammation'}])
    expect((therapy.adverseOutcome as Array<{name: string}>).map((item) => item.name)).toEqual(['Itching', 'Swelling', 'Moderate pain', 'Bruising'])
  })

  it('lists every contraindication with its kind, ingredients as drugs, and side effects by severity', async () => {
    const documents = seed.map((document) => (document._id === 'side-effect-bruising' ? {...document, severity: 'serious'} : document))
    const jsonLd = treatmentJsonLd(await result('en', documents), {url: urlFor('en')})
    const therapy = jsonLd.mainEntity as Record<string, unknown>
    const contraindications = therapy.contraindication as Array<{'@type': string; name: string; description: string}>
    expect(contraindications).toHaveLength(10)
    expect(contraindications[0]).toEqual({'@type': 'MedicalContraindication', name: 'Pregnancy', description: 'Not possible'})
    expect(therapy.drug).toContainEqual({
      '@type': 'Drug',
      name: 'Vitamins',
      mechanismOfAction: expect.stringMatching(/^Injected into the mesoderm/) as unknown as string,
      drugClass: {'@type': 'DrugClass', name: 'Vitamins'},
    })
    expect((therapy.drug as Array<{name: string; drugClass?: unknown}>).map((drug) => [drug.name, 'drugClass' in drug])).toEqual([
      ['Phosphatidylcholine', false],
      ['Lymphatic drainage substances', true],
      ['Phlebotonic substances', true],
      ['Vitamins', true],
      ['Minerals', true],
    ])
    expect(therapy.adverseOutcome).toEqual(['Itching', 'Swelling', 'Moderate pain', 'Inflammation'].map((name) => ({'@type': 'MedicalSignOrSymptom', name})))
    expect(therapy.seriousAdverseOutcome).toEqual([{'@type': 'MedicalSignOrSymptom', name: 'Bruising'}])
  })

  it('puts the condition in about, with the therapy as its possible treatment', async () => {
    const jsonLd = treatmentJsonLd(await result('en'), {url: urlFor('en')})
    expect(jsonLd.about).toEqual([
      {'@id': `${urlFor('en')}#treatment`},
      {
        '@type': 'MedicalCondition',
        name: 'Cellulite',
        alternateName: ['Orange peel skin'],
        description: 'An orange peel appearance of the skin can be one of the signs of cellulite. Cellulite can be treated in various ways, including mesotherapy, an aesthetic-medicine treatment.',
        possibleTreatment: {'@id': `${urlFor('en')}#treatment`},
      },
    ])
  })

  it('links language versions: the base page lists its translations, a translation names the base page', async () => {
    const alternates = hreflangAlternates(['en', 'it', 'de'], urlFor)
    const en = treatmentJsonLd(await result('en'), {url: urlFor('en'), alternates})
    const de = treatmentJsonLd(await result('de'), {url: urlFor('de'), alternates})
    expect(en.workTranslation).toEqual([
      {'@type': 'MedicalWebPage', url: urlFor('it'), inLanguage: 'it'},
      {'@type': 'MedicalWebPage', url: urlFor('de'), inLanguage: 'de'},
    ])
    expect('translationOfWork' in en).toBe(false)
    expect(de.translationOfWork).toEqual({'@type': 'MedicalWebPage', url: urlFor('en'), inLanguage: 'en'})
  })

  it('keeps an item whose text is missing everywhere, without a name', async () => {
    const documents = seed.map((document) => (document._id === 'contraindication-obesity' ? {...document, text: []} : document))
    const jsonLd = treatmentJsonLd(await result('en', documents), {url: urlFor('en')})
    const contraindications = (jsonLd.mainEntity as unknown as {contraindication: unknown[]}).contraindication
    expect(contraindications).toHaveLength(10)
    expect(contraindications[2]).toEqual({'@type': 'MedicalContraindication', description: 'Not possible'})
  })

  it('survives hostile text: serialized, it parses back to the same text', async () => {
    const hostile = '</script><script>alert(1)</script>'
    const documents = seed.map((document) =>
      document._id === 'treatment-mesotherapy-cellulite'
        ? {...document, summary: (document.summary as Array<Record<string, unknown>>).map((item) => ({...item, value: hostile}))}
        : document,
    )
    const jsonLd = treatmentJsonLd(await result('en', documents), {url: urlFor('en')})
    const json = serializeJsonLd(jsonLd)
    expect(json).not.toContain('</script')
    expect((JSON.parse(json) as {description: string}).description).toBe(hostile)
  })

  it('throws a TypeError naming the call on misuse', async () => {
    const answer = await result('en')
    expect(() => treatmentJsonLd(answer, {} as never)).toThrow(new TypeError("`treatmentJsonLd` expects `url` to be the page's URL, got nothing"))
    expect(() => treatmentJsonLd(answer, undefined as never)).toThrow(new TypeError('`treatmentJsonLd` expects an options object `{url}` as its second argument, got nothing'))
    expect(() => treatmentJsonLd(answer, {url: 'https://x.example', alternates: [{hreflang: 'en'}] as never})).toThrow(
      new TypeError('`treatmentJsonLd` expects `alternates` to be an array of `{hreflang, href}` strings (see `hreflangAlternates`)'),
    )
    expect(() => treatmentJsonLd({locale: 'en'} as never, {url: 'https://x.example'})).toThrow(/^`treatmentJsonLd` expects the result of `getTreatment\(\)`/)
  })
})
