export {
  baseLocale,
  fallbackChain,
  isSupportedLocale,
  localeIds,
  locales,
  matchLocale,
} from './lib/locale/locale-registry.ts'
export type {LocaleDefinition, LocaleMatch} from './lib/locale/locale-registry.ts'
export {findSlugClashes} from './lib/slug/find-slug-clashes.ts'
export type {SlugClash} from './lib/slug/find-slug-clashes.ts'
export {localeSlug, localeSlugs} from './lib/slug/locale-slug.ts'
export type {SlugSource} from './lib/slug/locale-slug.ts'
