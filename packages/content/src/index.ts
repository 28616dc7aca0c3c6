export {createTreatmentContent} from './lib/create-treatment-content.ts'
export type {
  AllTreatmentsResult,
  LocalizedAnswer,
  LocalizedTreatment,
  LocalizedTreatmentSummary,
  ReadOptions,
  TreatmentContent,
  TreatmentContentOptions,
  TreatmentListResult,
  TreatmentResult,
} from './lib/create-content-reader.ts'
export type {ReviewCheck} from './lib/medical-review-status.ts'
export {isContentSource} from './lib/content-source.ts'
export type {ContentSource} from './lib/content-source.ts'
export {
  ContentInvariantError,
  ContentNotFoundError,
  ContentSourceError,
  ContentTimeoutError,
  DuplicateSlugError,
  isTreatmentContentError,
  MalformedResponseError,
  MissingContraindicationsError,
  ReferenceTypeError,
  TreatmentContentError,
} from './lib/errors.ts'
export {DatasetFileError} from './lib/dataset/dataset-file-error.ts'
export type {TreatmentContentErrorCode} from './lib/errors.ts'
export type {RetryOptions} from './lib/fetch-with-retry.ts'
export {baseLocale, fallbackChain, localeIds, locales, matchLocale} from './lib/locale-registry.ts'
export type {LocaleDefinition, LocaleMatch} from './lib/locale-registry.ts'
export {localize} from './lib/localize.ts'
export type {Fallback, Localized} from './lib/localize.ts'
export {allTreatmentsQuery, treatmentBySlugQuery, treatmentListQuery} from './lib/queries.ts'
export type {CacheOptions} from './lib/response-cache.ts'
export {defaultApiVersion} from './lib/sanity-project-config.ts'
export type {SanityProjectConfig} from './lib/sanity-project-config.ts'
