export {createTreatmentContent} from './lib/reader/create-treatment-content.ts'
export type {
  AllTreatmentsResult,
  EachTreatmentOptions,
  LocaleSlugsField,
  LocalizedAnswer,
  LocalizedTreatment,
  LocalizedTreatmentSummary,
  ReadOptions,
  ReadPerspective,
  TreatmentContent,
  TreatmentBySlugResult,
  TreatmentContentOptions,
  TreatmentListResult,
  TreatmentResult,
} from './lib/types.ts'
export type {ReviewCheck} from './lib/types.ts'
export {isContentSource} from './lib/source/content-source.ts'
export type {ContentSource, SourceFetchOptions} from './lib/source/content-source.ts'
export type {SlugMatch} from './lib/slug/pick-by-slug.ts'
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
export type {RetryOptions} from './lib/types.ts'
export {baseLocale, fallbackChain, localeIds, locales, matchLocale} from './lib/locale/locale-registry.ts'
export type {LocaleDefinition, LocaleMatch} from './lib/locale/locale-registry.ts'
export {localize} from './lib/locale/localize.ts'
export type {Fallback, Localized} from './lib/locale/localize.ts'
export {allTreatmentsEveryLocaleQuery, allTreatmentsQuery, treatmentBySlugQuery, treatmentListQuery} from './lib/query/queries.ts'
export type {CacheOptions} from './lib/types.ts'
export {defaultApiVersion} from './lib/source/sanity-project-config.ts'
export type {SanityProjectConfig} from './lib/source/sanity-project-config.ts'
