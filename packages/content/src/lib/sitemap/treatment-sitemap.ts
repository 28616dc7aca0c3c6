import {describeValue as describe} from '../describe-value.ts'
import {localeIds} from '../locale/locale-registry.ts'
import {alternatesFor} from '../structured-data/hreflang-alternates.ts'
import type {TreatmentContent, TreatmentResult} from '../types.ts'
import {sitemapXml, type SitemapEntry} from './sitemap-xml.ts'

/**
 * Options of {@link treatmentSitemap}.
 *
 * @public
 */
export interface TreatmentSitemapOptions {
  /** The absolute URL of a treatment's page in a locale, given that locale's slug. */
  urlFor: (locale: string, slug: string) => string
  /**
   * Leave out a locale whose page would show a safety text (contraindication, side effect, when
   * to get help, disclaimer, claim) in another language, or from a translation made before its
   * source text last changed. Default `false`:
   * every locale the treatment has text in is listed.
   */
  requireTranslatedSafetyTexts?: boolean
}

// The safety texts of a page, as a review covers them (`treatmentSafetyTexts`): what a patient
// must read in their language.
const safetyPath = /^(disclaimer|claims\[\d+\]\.statement|contraindications\[\d+\]\.text|sideEffects\[\d+\]\.(text|whenToSeekHelp))$/

/**
 * The sitemap entries of every published treatment: one per locale that has the page (the
 * treatment has text in it, and with `requireTranslatedSafetyTexts` every safety text is
 * translated and current), each with the other locales' URLs and `x-default` as alternates and
 * the treatment's `_updatedAt` as `lastmod`. One `getAllTreatments` read per supported locale.
 *
 * @public
 */
export async function treatmentSitemapEntries(content: TreatmentContent, options: TreatmentSitemapOptions): Promise<SitemapEntry[]> {
  if (typeof content?.getAllTreatments !== 'function') {
    throw new TypeError(`\`treatmentSitemap\` expects the reader from \`createTreatmentContent()\`, got ${describe(content)}`)
  }
  if (typeof options?.urlFor !== 'function') {
    throw new TypeError(`\`treatmentSitemap\` expects \`{urlFor(locale, slug)}\`, got ${describe(options)}`)
  }
  const strict = options.requireTranslatedSafetyTexts === true
  // Treatment id → locale → its page there; Map keeps the base locale's order of treatments.
  const pages = new Map<string, Map<string, TreatmentResult>>()
  for (const locale of localeIds) {
    for (const page of (await content.getAllTreatments({locale})).pages) {
      if (!page.treatment.availableLocales?.includes(locale)) continue
      if (strict && page.fallbacks.some((fallback) => safetyPath.test(fallback.path))) continue
      const byLocale = pages.get(page.treatment._id) ?? new Map<string, TreatmentResult>()
      byLocale.set(locale, page)
      pages.set(page.treatment._id, byLocale)
    }
  }
  const entries: SitemapEntry[] = []
  for (const byLocale of pages.values()) {
    const urlIn = (locale: string): string => {
      const page = byLocale.get(locale) ?? [...byLocale.values()][0]!
      return options.urlFor(locale, page.treatment.slug)
    }
    const alternates = alternatesFor([...byLocale.keys()], urlIn, 'treatmentSitemap')
    for (const [locale, page] of byLocale) entries.push({loc: urlIn(locale), lastmod: page.treatment._updatedAt, alternates})
  }
  return entries
}

/**
 * {@link treatmentSitemapEntries} as sitemap XML, for `/sitemap.xml`.
 *
 * @example
 * ```ts
 * const xml = await treatmentSitemap(content, {urlFor: (locale, slug) => `https://clinic.example/${locale}/treatments/${slug}`})
 * ```
 * @public
 */
export async function treatmentSitemap(content: TreatmentContent, options: TreatmentSitemapOptions): Promise<string> {
  return sitemapXml(await treatmentSitemapEntries(content, options))
}
