import {ContentNotFoundError, createTreatmentContent} from '@treatments/content'
import {readNdjson} from '@treatments/content/dataset'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {inProcessSource, localLakeSource, sanityProjectSource, type ContractSource} from './sources.ts'

const slug = 'mesotherapy-cellulite'

// One suite, three sources: the package must answer the same from each.
for (const [label, open] of [
  ['local lake', localLakeSource],
  ['in-process', inProcessSource],
  ['Sanity', sanityProjectSource],
] as const) {
  describe(`treatment content from ${label}`, () => {
    let contract: ContractSource
    beforeAll(async () => {
      contract = await open()
      if (contract.skip) console.warn(`skipping the ${label} contract suite: ${contract.skip}`)
    })
    afterAll(async () => {
      await contract?.close?.()
    })
    const content = () => createTreatmentContent({source: contract.source(), retry: {attempts: 3, baseDelayMs: 1, maxDelayMs: 5}})

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)('returns the English page with nothing fallen back', async () => {
      const result = await content().getTreatment(slug, {locale: 'en'})
      expect(result.locale).toBe('en')
      expect(result.fallbacks).toEqual([])
      expect(result.treatment.title).toBe('Mesotherapy for cellulite')
      expect(result.treatment.contraindications).toHaveLength(10)
      expect(result.treatment.availableLocales).toEqual(['en', 'it', 'de'])
    })

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)('matches it-CH to Italian', async () => {
      const result = await content().getTreatment(slug, {locale: 'it-CH'})
      expect(result).toMatchObject({locale: 'it', requestedLocale: 'it-CH', usedDefault: false, chain: ['it', 'en'], fallbacks: []})
      expect(result.treatment.contraindications[0]?.text).toBe('Gravidanza')
    })

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)(
      'reports the German fields that fell back to English and still returns all 10 contraindications',
      async () => {
        const {treatment, fallbacks} = await content().getTreatment(slug, {locale: 'de'})
        expect(treatment.contraindications).toHaveLength(10)
        expect(treatment.contraindications.every((item) => item.text && item.text.trim().length > 0)).toBe(true)
        const fellBack = fallbacks.filter((fallback) => fallback.path.startsWith('contraindications'))
        expect(fellBack).toHaveLength(6)
        expect(fellBack.every((fallback) => fallback.requested === 'de' && fallback.served === 'en')).toBe(true)
        expect(treatment.contraindications[0]?.text).toBe('Schwangerschaft')
      },
    )

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)('answers an unsupported locale in English and says it fell back', async () => {
      const result = await content().getTreatment(slug, {locale: 'fr-FR'})
      expect(result).toMatchObject({locale: 'en', requestedLocale: 'fr-FR', usedDefault: true, fallbacks: []})
    })

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)('throws ContentNotFoundError for an unknown slug', async () => {
      await expect(content().getTreatment('no-such-treatment', {locale: 'it'})).rejects.toBeInstanceOf(ContentNotFoundError)
    })

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)('lists the treatment for index pages', async () => {
      const {treatments} = await content().listTreatments({locale: 'it'})
      expect(treatments.map((item) => [item.slug, item.title])).toEqual([[slug, 'Mesoterapia per la cellulite']])
    })

    it.skipIf(label === 'Sanity' && !process.env.SANITY_PROJECT_ID)('returns every page at once, each as getTreatment would', async () => {
      const reader = content()
      const all = await reader.getAllTreatments({locale: 'de-AT'})
      const one = await reader.getTreatment(slug, {locale: 'de-AT'})
      expect(all.locale).toBe('de')
      expect(all.pages).toHaveLength(1)
      expect(all.pages[0]).toEqual(one)
    })

    it.skipIf(label !== 'local lake')('makes exactly one HTTP request per page, carrying far fewer bytes than the whole documents', async () => {
      const reader = content()
      const before = contract.traffic!()
      await reader.getTreatment(slug, {locale: 'it'})
      const after = contract.traffic!()
      expect(after.requests - before.requests).toBe(1)
      const whole = (await readNdjson(defaultDatasetPath)).reduce((sum, document) => sum + Buffer.byteLength(JSON.stringify(document)), 0)
      const ratio = (after.bytes - before.bytes) / whole
      expect(ratio).toBeLessThan(0.4)
    })

    it.skipIf(label !== 'local lake')('retries a 503 and answers from the next attempt', async () => {
      const reader = content()
      const before = contract.traffic!().requests
      contract.failNext!(1)
      const result = await reader.getTreatment(slug, {locale: 'en'})
      expect(result.treatment.title).toBe('Mesotherapy for cellulite')
      expect(contract.traffic!().requests - before).toBe(2)
    })
  })
}
