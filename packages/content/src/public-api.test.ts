import {describe, expect, it} from 'vitest'

// An accidental export becomes a public promise: pin each entry point's exact export list.
describe('public API', () => {
  it('@treatments/content exports exactly these names', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'ContentInvariantError',
      'ContentNotFoundError',
      'ContentSourceError',
      'ContentTimeoutError',
      'DatasetFileError',
      'DuplicateSlugError',
      'MalformedResponseError',
      'MissingContraindicationsError',
      'ReferenceTypeError',
      'TreatmentContentError',
      'allTreatmentsEveryLocaleQuery',
      'allTreatmentsQuery',
      'baseLocale',
      'createTreatmentContent',
      'defaultApiVersion',
      'fallbackChain',
      'isContentSource',
      'isTreatmentContentError',
      'localeIds',
      'locales',
      'localize',
      'matchLocale',
      'treatmentBySlugQuery',
      'treatmentListQuery',
    ])
  })

  it('@treatments/content/browser (no @sanity/client, i18next or renderer) exports exactly these names', async () => {
    expect(Object.keys(await import('./browser.ts')).sort()).toEqual([
      'ContentInvariantError',
      'ContentNotFoundError',
      'ContentSourceError',
      'ContentTimeoutError',
      'DuplicateSlugError',
      'MalformedResponseError',
      'MissingContraindicationsError',
      'ReferenceTypeError',
      'TreatmentContentError',
      'baseLocale',
      'createTreatmentContent',
      'fallbackChain',
      'isTreatmentContentError',
      'localeIds',
      'localize',
      'matchLocale',
    ])
  })

  it('@treatments/content/locales exports exactly these names', async () => {
    expect(Object.keys(await import('./locales.ts')).sort()).toEqual([
      'baseLocale',
      'fallbackChain',
      'findSlugClashes',
      'isSupportedLocale',
      'localeIds',
      'localeSlug',
      'localeSlugs',
      'locales',
      'matchLocale',
    ])
  })

  it('@treatments/content/local-dataset exports exactly these names', async () => {
    expect(Object.keys(await import('./local-dataset.ts')).sort()).toEqual(['localDataset'])
  })

  it('@treatments/content/sitemap exports exactly these names', async () => {
    expect(Object.keys(await import('./sitemap.ts')).sort()).toEqual(['sitemapXml', 'treatmentSitemap', 'treatmentSitemapEntries'])
  })

  it('@treatments/content/dataset (the dataset core for tools) exports exactly these names', async () => {
    expect(Object.keys(await import('./dataset.ts')).sort()).toEqual([
      'DatasetFileError',
      'GroqRunner',
      'NdjsonLineReader',
      'changedSinceReview',
      'controlCharacters',
      'coveredTexts',
      'datasetDocumentProblem',
      'describeJson',
      'hasVisibleText',
      'indexDocuments',
      'isDatasetFileError',
      'isDatasetFileName',
      'isRecord',
      'itemLanguage',
      'pageBySlugPlan',
      'parseNdjson',
      'readNdjson',
      'recordCoveredTexts',
      'reviewedReferences',
      'serializeNdjson',
      'sourceHash',
      'temporaryFilePattern',
      'treatmentSafetyTexts',
      'writeFileAtomically',
    ])
  })
})
