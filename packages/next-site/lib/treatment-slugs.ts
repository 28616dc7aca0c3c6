import type {TreatmentContent, TreatmentContentErrorCode, TreatmentResult} from '@treatments/content'
import {isSupportedLocale, localeIds} from '@treatments/content/locales'
import {siteContent} from './content.ts'

// Everything the site knows about slugs is here, so that localized and former slugs (issue 25,
// item 1) change this module only.

const slugPattern = /^[a-z0-9-]+$/

/** The path of the treatment list in a locale. */
export const indexPath = (locale: string): string => `/${locale}/treatments`

/** The path of a treatment's page in a locale, given that locale's slug. */
export const treatmentPath = (locale: string, slug: string): string => `/${locale}/treatments/${slug}`

/** `{locale, slug}` of every treatment page, for `generateStaticParams`. */
export async function treatmentPageParams(): Promise<Array<{locale: string; slug: string}>> {
  const params: Array<{locale: string; slug: string}> = []
  for (const locale of localeIds) {
    for (const treatment of (await siteContent().listTreatments({locale})).treatments) params.push({locale, slug: treatment.slug})
  }
  return params
}

/** What a treatment URL shows: the page, a redirect to the treatment's current slug, or nothing. */
export type TreatmentLookup = {found: 'page'; result: TreatmentResult} | {found: 'moved'; slug: string} | {found: 'none'}

/**
 * The treatment at `/{locale}/treatments/{slug}`. A locale or slug not of the site never reaches
 * the package; a lookup the package answers with another slug (a former one) is `moved`.
 */
export async function findTreatment(locale: string, slug: string): Promise<TreatmentLookup> {
  // An unsupported locale would be answered in the base locale: not a page of this site.
  if (!isSupportedLocale(locale) || !slugPattern.test(slug)) return {found: 'none'}
  try {
    const result = await siteContent().getTreatment(slug, {locale})
    if (result.redirectTo === null) return {found: 'page', result}
    // The slug goes into a Location: only one of the site's own shape.
    return slugPattern.test(result.redirectTo) ? {found: 'moved', slug: result.redirectTo} : {found: 'none'}
  } catch (error) {
    // By its code, not `instanceof`: the reader may have been made in another bundle (the
    // revalidation route's, the proxy's), whose copy of the package's classes is not this one's.
    if ((error as {code?: unknown} | null)?.code === ('CONTENT_NOT_FOUND' satisfies TreatmentContentErrorCode)) return {found: 'none'}
    throw error
  }
}

/** The URL of each locale's page of a treatment (at that locale's own slug), for hreflang alternates and the switcher. */
export function treatmentPathFor(result: TreatmentResult): (locale: string) => string {
  return (locale) => treatmentPath(locale, result.treatment.slugs[locale] ?? result.treatment.slug)
}

// The current slugs of each locale, read once per site reader: a revalidation swaps the reader,
// so these follow a content change when the pages do.
const currentSlugsOf = new WeakMap<TreatmentContent, Map<string, Promise<Set<string>>>>()

function currentSlugs(locale: string): Promise<Set<string>> {
  const content = siteContent()
  let byLocale = currentSlugsOf.get(content)
  if (byLocale === undefined) currentSlugsOf.set(content, (byLocale = new Map()))
  let slugs = byLocale.get(locale)
  if (slugs === undefined) {
    const read = content.listTreatments({locale}).then((list) => new Set(list.treatments.map((treatment) => treatment.slug)))
    byLocale.set(locale, (slugs = read))
    // A failed read is not kept: the next request tries again.
    read.catch(() => byLocale.delete(locale))
  }
  return slugs
}

/** What the proxy does with `/{locale}/treatments/{slug}`: the page answers, a 301 to `path`, or a 404. */
export type TreatmentRoute = {found: 'page'} | {found: 'moved'; path: string} | {found: 'none'}

/**
 * What `/{locale}/treatments/{slug}` is, for the proxy: a page of the site, a former slug or
 * another locale's (moved to the page's path at its slug in `locale`), or none. A current slug
 * costs no read after the first; any other is looked up, once: the proxy answers a 301 or a 404
 * itself, so the page never looks up a slug the proxy has found nothing at.
 */
export async function treatmentRoute(locale: string, slug: string): Promise<TreatmentRoute> {
  if (!isSupportedLocale(locale) || !slugPattern.test(slug)) return {found: 'none'}
  if ((await currentSlugs(locale)).has(slug)) return {found: 'page'}
  const lookup = await findTreatment(locale, slug)
  return lookup.found === 'moved' ? {found: 'moved', path: treatmentPath(locale, lookup.slug)} : {found: lookup.found}
}
