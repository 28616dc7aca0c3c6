export {createTreatmentContent} from './lib/reader/create-treatment-content.browser.ts'
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
export type {TreatmentContentErrorCode} from './lib/errors.ts'
export type {RetryOptions} from './lib/types.ts'
export {baseLocale, fallbackChain, localeIds, matchLocale} from './lib/locale/locale-registry.ts'
export type {LocaleMatch} from './lib/locale/locale-registry.ts'
export {localize} from './lib/locale/localize.ts'
export type {Fallback, Localized} from './lib/locale/localize.ts'
export type {CacheOptions} from './lib/types.ts'
export type {SanityProjectConfig} from './lib/source/sanity-project-config.ts'
