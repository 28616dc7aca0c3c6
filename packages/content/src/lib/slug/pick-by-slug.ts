import {DuplicateSlugError} from '../errors.ts'
import {currentSlugs, localeSlug, type SlugSource} from './locale-slug.ts'

/**
 * How a page was found by the slug asked for.
 *
 * @public
 */
export interface SlugMatch {
  /** `slug`: the page's slug now (in some locale); `formerSlug`: one it had before. */
  matchedBy: 'slug' | 'formerSlug'
  /**
   * The page's slug in the answer's locale when the slug asked for is not it (a former slug, or
   * another locale's): redirect there, with 301 for a former slug. `null` when it is.
   */
  redirectTo: string | null
}

/**
 * The treatment `slug` names in `locale`, among those the by-slug query found (every published
 * treatment with it as a current slug in any locale or as a former slug; no two share a slug in
 * one locale, which the response check made sure of): first the one whose slug in `locale` it
 * is, then one with it as another locale's slug, then one with it as a former slug. Two at the
 * first rank that has any are an error naming them, never first-wins.
 *
 * @throws {DuplicateSlugError} When two treatments have `slug` at the same rank.
 * @internal
 */
export function pickBySlug<P extends SlugSource & {_id: string}>(pages: readonly P[], slug: string, locale: string): ({page: P} & SlugMatch) | undefined {
  if (pages.length === 0) return undefined
  const here = pages.find((page) => localeSlug(page, locale).slug === slug)
  if (here !== undefined) return {page: here, matchedBy: 'slug', redirectTo: null}
  const current = pages.filter((page) => currentSlugs(page).has(slug))
  const [page, ...others] = current.length > 0 ? current : pages
  if (others.length > 0) throw new DuplicateSlugError(slug, [page!, ...others].map((each) => each._id), locale)
  return {page: page!, matchedBy: current.length > 0 ? 'slug' : 'formerSlug', redirectTo: localeSlug(page!, locale).slug}
}
