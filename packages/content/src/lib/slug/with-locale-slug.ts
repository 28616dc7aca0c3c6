import type {Fallback} from '../locale/localize.ts'
import {localeSlug, localeSlugs, type SlugSource} from './locale-slug.ts'

/**
 * A localized treatment (or summary) with `slug` set to its slug in `locale` and `slugs` to
 * every locale's, as `localeSlugs` gives them. A slug served from another locale is reported in
 * `fallbacks` (path `slug`), as a text served from another locale is.
 *
 * @internal
 */
export function withLocaleSlug<T extends SlugSource>(treatment: T, locale: string, fallbacks: Fallback[]): T & {slugs: Record<string, string>} {
  const {slug, served} = localeSlug(treatment, locale)
  if (served !== locale) fallbacks.unshift({path: 'slug', requested: locale, served})
  return {...treatment, slug, slugs: localeSlugs(treatment)}
}
