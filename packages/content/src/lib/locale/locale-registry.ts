import {lookupLocale} from './lookup-locale.ts'

/**
 * One supported content locale.
 *
 * @public
 */
export interface LocaleDefinition {
  /** BCP 47 tag, in canonical case (`en`, `it`, `de-AT`). */
  readonly id: string
  /** The language's own name for itself, shown in language switchers and the Studio. */
  readonly title: string
  /**
   * Locales to try, in order, when this one has no text for a field. The base locale is
   * appended when missing, so every chain ends there.
   */
  readonly fallbacks?: readonly string[]
}

/**
 * The base locale: the language content is written in first, and the end of every fallback
 * chain. Every required text field must exist in it.
 *
 * @public
 */
export const baseLocale = 'en'

/**
 * Every locale the content is localized into. The Studio's localized fields, the package's
 * queries and the translation scripts are all built from this one list.
 *
 * @public
 */
export const locales: readonly LocaleDefinition[] = [
  {id: 'en', title: 'English'},
  {id: 'it', title: 'Italiano'},
  {id: 'de', title: 'Deutsch'},
]

/**
 * The supported locale ids, base locale first.
 *
 * @public
 */
export const localeIds: readonly string[] = locales.map((locale) => locale.id)

const definitions = new Map(locales.map((locale) => [locale.id, locale]))

/**
 * Whether `id` is exactly one of the supported locale ids.
 *
 * @public
 */
export function isSupportedLocale(id: string): boolean {
  return definitions.has(id)
}

/**
 * The ordered list of locales to read text from for `id`: the locale itself, its explicit
 * fallbacks, its BCP 47 parents that are supported (`it-CH` → `it`), and the base locale.
 *
 * @param id - A supported locale id.
 * @throws {TypeError} When `id` is not a supported locale; match a request with
 *   {@link matchLocale} first.
 * @public
 */
export function fallbackChain(id: string): string[] {
  const chain = chainOf(id)
  if (!chain) {
    throw new TypeError(
      `Cannot build a fallback chain for \`${id}\`: expected one of ${localeIds.join(', ')}; use \`matchLocale()\` to map a requested tag to a supported locale`,
    )
  }
  return [...chain]
}

/**
 * The fallback chain of a supported locale, made once (the list is fixed): shared and frozen, for
 * the package's own per-item lookups (a build asks for it about ten times per page); `undefined`
 * for an unsupported id.
 *
 * @internal
 */
export function chainOf(id: string): readonly string[] | undefined {
  return chains.get(id)
}

const chains = new Map(
  locales.map(({id, fallbacks = []}) => [id, Object.freeze([...new Set([id, ...fallbacks, ...parentTags(id), baseLocale])].filter((tag) => definitions.has(tag)))]),
)

/**
 * The result of matching a requested locale against the supported ones.
 *
 * @public
 */
export interface LocaleMatch {
  /** The supported locale that serves the request. */
  locale: string
  /** Where text is read from, in order; ends with the base locale. */
  chain: string[]
  /** What was asked for, as given (first entry when a list was given). */
  requested: string
  /** True when no requested tag matched a supported locale and the base locale was used. */
  usedDefault: boolean
}

/**
 * Match requested BCP 47 tags (a tag, a priority list, or an `Accept-Language`-style list of
 * tags) to a supported locale, with `Intl.LocaleMatcher` lookup semantics: `it-CH` matches
 * `it`, `de-AT` matches `de`, and anything unsupported gets the base locale.
 *
 * @param requested - One tag or a priority-ordered list of tags. Invalid tags are ignored.
 * @public
 */
export function matchLocale(requested: string | readonly string[]): LocaleMatch {
  const list = (typeof requested === 'string' ? [requested] : [...requested]).filter(isValidTag)
  const first = (typeof requested === 'string' ? requested : requested[0]) ?? ''
  const locale = list.length > 0 ? lookupLocale(list, localeIds, baseLocale) : baseLocale
  const usedDefault = locale === baseLocale && !list.some((tag) => matchesBase(tag))
  return {locale, chain: fallbackChain(locale), requested: first, usedDefault}
}

function matchesBase(tag: string): boolean {
  const canonical = Intl.getCanonicalLocales(tag)[0] ?? ''
  return canonical === baseLocale || canonical.startsWith(`${baseLocale}-`)
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1
  } catch {
    return false
  }
}

/** BCP 47 parents by truncation: `de-CH-1996` → `de-CH`, `de`. */
function parentTags(id: string): string[] {
  const parts = id.split('-')
  const parents: string[] = []
  for (let end = parts.length - 1; end > 0; end--) parents.push(parts.slice(0, end).join('-'))
  return parents
}
