import {baseLocale, findSlugClashes, localeIds, locales, type SlugSource} from '@treatments/content/locales'
import type {RuleProblem} from './localized-value.ts'
import {slugPattern} from './slug.ts'

/** A treatment's slugs as stored: `slug.current` and the internationalized `localizedSlugs`. */
export interface StoredSlugs {
  _id?: unknown
  slug?: {current?: unknown} | null
  localizedSlugs?: unknown
}

/** The published id: a draft, a release version and the published document are one page. */
export function publishedIdOf(id: string): string {
  return id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
}

/** `stored` as a {@link SlugSource}, or `undefined` without a base-locale slug (nothing to clash). */
export function slugSourceOf(stored: StoredSlugs): (SlugSource & {_id: string}) | undefined {
  const current = stored.slug?.current
  if (typeof current !== 'string' || typeof stored._id !== 'string') return undefined
  const items = Array.isArray(stored.localizedSlugs) ? (stored.localizedSlugs as Array<{language?: unknown; value?: unknown} | null>) : []
  const localizedSlugs = items.flatMap((item) => (typeof item?.language === 'string' && typeof item.value === 'string' ? [{language: item.language, value: item.value}] : []))
  return {_id: publishedIdOf(stored._id), slug: current, localizedSlugs}
}

const titles = new Map(locales.map((locale) => [locale.id, locale.title]))

/**
 * Where `document`'s slugs clash with another treatment's in some locale (slugs are unique per
 * locale: each language's URL names one page), as problems of the `slug` field (`locale:
 * baseLocale`) or of `localizedSlugs` (other locales, at the item when the slug is the
 * locale's own).
 */
export function slugClashProblems(document: StoredSlugs, others: readonly StoredSlugs[]): Array<RuleProblem & {locale: string}> {
  const own = slugSourceOf(document)
  if (own === undefined) return []
  const sources = [own, ...others.flatMap((other) => slugSourceOf(other) ?? []).filter((other) => other._id !== own._id)]
  const problems: Array<RuleProblem & {locale: string}> = []
  for (const clash of findSlugClashes(sources)) {
    if (!clash.ids.includes(own._id)) continue
    const elsewhere = clash.ids.filter((id) => id !== own._id).join(', ')
    const language = `${titles.get(clash.locale) ?? clash.locale} (${clash.locale})`
    const item = own.localizedSlugs?.find((entry) => entry?.language === clash.locale)
    problems.push({
      locale: clash.locale,
      message: `The ${language} slug “${clash.slug}” is already used by ${elsewhere} in ${language}. Each language's slugs must be unique.`,
      path: clash.locale === baseLocale || item === undefined ? [] : [{_key: keyOf(document.localizedSlugs, clash.locale)}],
    })
  }
  return problems
}

function keyOf(items: unknown, locale: string): string {
  const found = (items as Array<{_key?: unknown; language?: unknown}>).find((item) => item?.language === locale)
  return typeof found?._key === 'string' ? found._key : locale
}

/**
 * The other locales' own slugs: lowercase words joined by dashes, none for the base locale
 * (its slug is the Slug field; an empty item of it is allowed).
 */
export function checkLocalizedSlugs(items: unknown): RuleProblem[] {
  if (!Array.isArray(items)) return []
  const problems: RuleProblem[] = []
  for (const [index, item] of items.entries()) {
    const at = typeof item?._key === 'string' ? {_key: item._key as string} : index
    if (item?.language === baseLocale) {
      // Studios before this one added an empty base-locale item here on opening (the plugin's
      // `defaultLanguages`), and "+ English" still can: only one with a slug in it is a mistake.
      if (typeof item.value === 'string' && item.value.trim() !== '') problems.push({message: `The English slug is the Slug field above; leave this one empty.`, path: [at]})
    } else if (item?.value !== undefined && (typeof item.value !== 'string' || !slugPattern.test(item.value))) {
      problems.push({message: `Use lowercase letters, digits and single dashes, like “mesoterapia-cellulite” (got ${JSON.stringify(item.value)}).`, path: [at, 'value']})
    }
  }
  return problems
}

/** Former slugs: a supported language each, and a slug of the URL-safe form. */
export function checkFormerSlugs(items: unknown): RuleProblem[] {
  if (!Array.isArray(items)) return []
  return (items as Array<{_key?: string; language?: unknown; slug?: unknown}>).flatMap((item, index): RuleProblem[] => {
    const at = typeof item?._key === 'string' ? {_key: item._key} : index
    if (typeof item?.language === 'string' && !localeIds.includes(item.language)) return [{message: `Unknown language “${item.language}”: use one of ${localeIds.join(', ')}.`, path: [at, 'language']}]
    if (typeof item?.slug === 'string' && !slugPattern.test(item.slug)) return [{message: `Use lowercase letters, digits and single dashes (got ${JSON.stringify(item.slug)}).`, path: [at, 'slug']}]
    return []
  })
}
