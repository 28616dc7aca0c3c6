import {baseLocale, localeIds} from '@treatments/content/locales'
import type {StoredSlugs} from './slug-clashes.ts'

/** One former slug as stored in `formerSlugs`. */
export interface FormerSlug {
  _key: string
  _type: 'formerSlug'
  language: string
  slug: string
}

/** A locale's own slug as stored: the base locale's is `slug.current`, the others' in `localizedSlugs`. */
function ownSlug(document: StoredSlugs | undefined, locale: string): string | undefined {
  if (document === undefined) return undefined
  const value =
    locale === baseLocale
      ? document.slug?.current
      : (Array.isArray(document.localizedSlugs) ? (document.localizedSlugs as Array<{language?: unknown; value?: unknown} | null>) : []).find((item) => item?.language === locale)?.value
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The former slugs publishing `draft` over `published` must keep, so the old URLs redirect:
 * each locale's published own slug that the draft changes or removes, unless the draft still
 * has it as a current slug (in any locale) or already keeps it. Keys are derived from the
 * locale and the slug, so recording them twice adds nothing.
 */
export function formerSlugsToKeep(published: (StoredSlugs & {formerSlugs?: unknown}) | undefined, draft: (StoredSlugs & {formerSlugs?: unknown}) | undefined): FormerSlug[] {
  if (published === undefined || draft === undefined) return []
  const current = new Set(localeIds.map((locale) => ownSlug(draft, locale)).filter((slug) => slug !== undefined))
  const kept = new Set((Array.isArray(draft.formerSlugs) ? (draft.formerSlugs as Array<{language?: unknown; slug?: unknown} | null>) : []).map((item) => `${String(item?.language)}:${String(item?.slug)}`))
  const keep: FormerSlug[] = []
  for (const locale of localeIds) {
    const old = ownSlug(published, locale)
    if (old === undefined || current.has(old) || kept.has(`${locale}:${old}`)) continue
    keep.push({_key: `${locale}-${old}`.slice(0, 64), _type: 'formerSlug', language: locale, slug: old})
  }
  return keep
}
