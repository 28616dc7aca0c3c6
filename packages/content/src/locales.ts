export {
  baseLocale,
  fallbackChain,
  isSupportedLocale,
  localeIds,
  locales,
  matchLocale,
} from './lib/locale/locale-registry.ts'
export type {LocaleDefinition, LocaleMatch} from './lib/locale/locale-registry.ts'
