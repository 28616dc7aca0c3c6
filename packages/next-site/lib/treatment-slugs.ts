import {ContentNotFoundError, type TreatmentResult} from '@treatments/content'
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
    return result.treatment.slug === slug ? {found: 'page', result} : {found: 'moved', slug: result.treatment.slug}
  } catch (error) {
    if (error instanceof ContentNotFoundError) return {found: 'none'}
    throw error
  }
}

/** The URL of each locale's page of a treatment (at that locale's own slug), for hreflang alternates and the switcher. */
export function treatmentPathFor(result: TreatmentResult): (locale: string) => string {
  return (locale) => treatmentPath(locale, result.treatment.slugs[locale] ?? result.treatment.slug)
}
