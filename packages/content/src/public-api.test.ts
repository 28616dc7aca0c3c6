import {describe, expect, it} from 'vitest'

// An accidental export becomes a public promise: pin each entry point's exact export list.
describe('public API', () => {
  it('@treatments/content exports exactly these names', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'ContentNotFoundError',
      'ContentSourceError',
      'ContentTimeoutError',
      'MalformedResponseError',
      'TreatmentContentError',
      'allTreatmentsQuery',
      'baseLocale',
      'createTreatmentContent',
      'defaultApiVersion',
      'fallbackChain',
      'hasContent',
      'isContentSource',
      'isTreatmentContentError',
      'itemLanguage',
      'localeIds',
      'locales',
      'localize',
      'matchLocale',
      'sourceHash',
      'treatmentBySlugQuery',
      'treatmentListQuery',
    ])
  })

  it('@treatments/content/locales exports exactly these names', async () => {
    expect(Object.keys(await import('./locales.ts')).sort()).toEqual([
      'baseLocale',
      'fallbackChain',
      'isSupportedLocale',
      'localeIds',
      'locales',
      'matchLocale',
    ])
  })

  it('@treatments/content/local-dataset exports exactly these names', async () => {
    expect(Object.keys(await import('./local-dataset.ts')).sort()).toEqual(['localDataset', 'parseNdjson', 'readNdjson'])
  })
})
