import {localeIds} from '../locale/locale-registry.ts'
import {localeSlug, type SlugSource} from './locale-slug.ts'

/**
 * Treatments that would share one URL: the same slug in the same locale.
 *
 * @public
 */
export interface SlugClash {
  /** The locale whose URL clashes. */
  locale: string
  slug: string
  /** The treatments with that slug in that locale, in the order given (each once). */
  ids: string[]
}

/**
 * Slug uniqueness per locale: in each supported locale, the slug each treatment is served by
 * there (its own, or its fallback's: a page without an Italian slug is served at its English
 * one in Italian too) must name one treatment. The same slug in two locales is allowed: the
 * locale is part of the URL. A draft and its published document share an id here (the
 * caller strips `drafts.`), so they never clash with each other.
 *
 * @public
 */
export function findSlugClashes(treatments: ReadonlyArray<SlugSource & {_id: string}>): SlugClash[] {
  const clashes: SlugClash[] = []
  for (const locale of localeIds) {
    const bySlug = new Map<string, string[]>()
    for (const treatment of treatments) {
      const {slug} = localeSlug(treatment, locale)
      const ids = bySlug.get(slug)
      if (ids === undefined) bySlug.set(slug, [treatment._id])
      else if (!ids.includes(treatment._id)) ids.push(treatment._id)
    }
    for (const [slug, ids] of bySlug) if (ids.length > 1) clashes.push({locale, slug, ids})
  }
  return clashes
}
