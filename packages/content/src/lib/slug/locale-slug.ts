import {baseLocale, chainOf, localeIds} from '../locale/locale-registry.ts'

/**
 * A treatment's slugs as the queries project them: the base locale's (`slug.current`) and the
 * other locales' own (`localizedSlugs`, an internationalized array of strings).
 *
 * @public
 */
export interface SlugSource {
  /** The base locale's slug, required. */
  slug: string
  /** Other locales' own slugs; a locale without one falls back along its chain. */
  localizedSlugs?: ReadonlyArray<{language?: string | null; value?: string | null} | null> | null
}

/**
 * A treatment's slug in `locale`: the locale's own, else the first of its fallback chain that
 * has one, which ends with the base locale's (`slug.current`), so there always is one.
 * `served` says whose slug it is, as a text fallback does.
 *
 * @public
 */
export function localeSlug(source: SlugSource, locale: string): {slug: string; served: string} {
  const chain = chainOf(locale) ?? [locale, baseLocale]
  for (const candidate of chain) {
    // The base locale's slug is `slug.current`: an item of it in `localizedSlugs` is ignored.
    if (candidate === baseLocale) break
    const own = source.localizedSlugs?.find((item) => item?.language === candidate)?.value
    if (typeof own === 'string' && own !== '') return {slug: own, served: candidate}
  }
  return {slug: source.slug, served: baseLocale}
}

/**
 * The slug of every supported locale (its own or its fallback's), by locale id: what a site
 * builds each language's URL of the page from.
 *
 * @public
 */
export function localeSlugs(source: SlugSource): Record<string, string> {
  return Object.fromEntries(localeIds.map((locale) => [locale, localeSlug(source, locale).slug]))
}

/**
 * Every slug `source` is found by now, in any locale (not its former slugs).
 *
 * @internal
 */
export function currentSlugs(source: SlugSource): Set<string> {
  const slugs = new Set([source.slug])
  for (const item of source.localizedSlugs ?? []) if (typeof item?.value === 'string' && item.language !== baseLocale) slugs.add(item.value)
  return slugs
}
