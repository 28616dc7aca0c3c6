import {readFile} from 'node:fs/promises'
import {createTreatmentContent, type TreatmentResult} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {parseNdjson} from '@treatments/content/dataset'
import {beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath} from '../scripts/lib/paths.ts'

const content = createTreatmentContent({source: localDataset(defaultDatasetPath)})
const slug = 'mesotherapy-cellulite'

describe('the seed dataset', () => {
  const pages: Record<string, TreatmentResult> = {}
  beforeAll(async () => {
    for (const locale of ['en', 'it', 'de']) pages[locale] = await content.getTreatment(slug, {locale})
  })

  for (const locale of ['en', 'it', 'de']) {
    it(`has every safety fact of the article in ${locale}`, () => {
      const {treatment} = pages[locale]!
      expect(treatment.contraindications).toHaveLength(10)
      expect(treatment.sideEffects).toHaveLength(5)
      for (const item of [...treatment.contraindications, ...(treatment.sideEffects ?? [])]) {
        expect(item.text?.trim()).toBeTruthy()
      }
      expect(treatment.protocol).toEqual({sessionsMin: 3, sessionsMax: 4, intervalMinWeeks: 3, intervalMaxWeeks: 4})
      expect(treatment.disclaimer).toBeTruthy()
      expect(treatment.procedureType).toBe('PercutaneousProcedure')
    })
  }

  it('names the condition, its other name and every ingredient with its role in English', () => {
    const {treatment} = pages.en!
    expect(treatment.condition?.name).toBe('Cellulite')
    expect(treatment.condition?.alternateNames?.map((name) => name.name)).toContain('Orange peel skin')
    expect(treatment.ingredients?.map((use) => use.ingredient.ingredientClass)).toEqual([
      'lipolytic',
      'lymphaticDrainage',
      'phlebotonic',
      'vitamin',
      'mineral',
    ])
    expect(treatment.ingredients?.[0]?.ingredient.name).toBe('Phosphatidylcholine')
    for (const use of treatment.ingredients ?? []) expect(use.role).toBeTruthy()
  })

  it('keeps the article’s claims as claims awaiting medical review, not as facts', () => {
    const {treatment} = pages.en!
    const dayThree = treatment.effects?.find((effect) => effect.onsetDays === 3)
    expect(dayThree?.claimStatus).toBe('needsReview')
    expect(treatment.claims?.map((claim) => [claim.topic, claim.claimStatus])).toEqual(
      expect.arrayContaining([
        ['durability', 'needsReview'],
        ['comparison', 'needsReview'],
      ]),
    )
    expect(treatment.claims?.find((claim) => claim.topic === 'comparison')?.statement).toMatch(/liposuction/)
  })

  it('has a complete Italian translation: no Italian field falls back', () => {
    expect(pages.it!.locale).toBe('it')
    expect(pages.it!.fallbacks).toEqual([])
    expect(pages.it!.treatment.title).toBe('Mesoterapia per la cellulite')
  })

  it('has a partial German translation whose missing fields fall back to English and say so', () => {
    const {fallbacks, treatment} = pages.de!
    expect(treatment.title).not.toBe(pages.en!.treatment.title)
    expect(fallbacks.length).toBeGreaterThan(0)
    expect(fallbacks.every((fallback) => fallback.requested === 'de' && fallback.served === 'en')).toBe(true)
    expect(fallbacks.map((fallback) => fallback.path)).toContain('disclaimer')
    expect(fallbacks.map((fallback) => fallback.path)).not.toContain('title')
  })

  it('marks the Italian translation of every document “translated, awaiting medical review”', async () => {
    const documents = parseNdjson(await readFile(defaultDatasetPath, 'utf8'))
    for (const document of documents) {
      const states = document.translations as Array<{language: string; status: string}>
      expect(states.find((state) => state.language === 'it')?.status, document._id).toBe('translated')
    }
  })
})

describe('a safety text whose source changed after translation', () => {
  it('shows the current source text, marked as a stale fallback, instead of the old translation', async () => {
    const documents = parseNdjson(await readFile(defaultDatasetPath, 'utf8')).map((document) =>
      document._id === 'contraindication-pregnancy'
        ? {
            ...document,
            text: (document.text as Array<{language: string; value: string}>).map((item) =>
              item.language === 'en' ? {...item, value: 'Pregnancy, and for 6 months after giving birth'} : item,
            ),
          }
        : document,
    )
    const edited = createTreatmentContent({source: localDataset(documents)})
    const italian = await edited.getTreatment(slug, {locale: 'it'})
    expect(italian.treatment.contraindications[0]?.text).toBe('Pregnancy, and for 6 months after giving birth')
    expect(italian.fallbacks).toEqual([{path: 'contraindications[0].text', requested: 'it', served: 'en', stale: true}])
    expect(italian.treatment.contraindications[1]?.text).toBe('Allattamento')
    const unchanged = await content.getTreatment(slug, {locale: 'it'})
    expect(unchanged.treatment.contraindications[0]?.text).toBe('Gravidanza')
  })
})
