import type {Metadata} from 'next'
import {notFound, permanentRedirect} from 'next/navigation'
import {cache} from 'react'
import {renderTreatmentPage, type TreatmentPage} from '@treatments/content/page'
import {serializeJsonLd, treatmentJsonLd, type TreatmentJsonLd} from '@treatments/content/structured-data'
import {createUiStrings} from '@treatments/content/ui-strings'
import {PackageHtml} from '../../../../components/package-html.tsx'
import {SiteChrome, siteName} from '../../../../components/site-chrome.tsx'
import {siteOrigin} from '../../../../lib/site-origin.ts'
import {findTreatment, indexPath, treatmentPath, treatmentPageParams, treatmentPathFor} from '../../../../lib/treatment-slugs.ts'

type Props = {params: Promise<{locale: string; slug: string}>}

/** Every locale's page of every treatment is made at build time. */
export function generateStaticParams() {
  return treatmentPageParams()
}

/**
 * The page at a URL, read once per request for both the metadata and the page: the package's page
 * model, or a redirect to the treatment's current slug, or `null` for none (the page answers 404).
 */
const pageAt = cache(async (locale: string, slug: string): Promise<{page: TreatmentPage; jsonLd: TreatmentJsonLd; pathIn: (locale: string) => string} | null> => {
  const lookup = await findTreatment(locale, slug)
  if (lookup.found === 'none') return null
  // proxy.ts has answered a moved slug with 301 and an unknown one with the 404 already; a slug
  // that moved after its read (the source changed in between) still gets the page's current URL,
  // with the 308 a page can give.
  if (lookup.found === 'moved') permanentRedirect(treatmentPath(locale, lookup.slug))
  const pathIn = treatmentPathFor(lookup.result)
  const origin = siteOrigin()
  const ui = createUiStrings(lookup.result.locale)
  const page = renderTreatmentPage(lookup.result, {urlFor: (id) => `${origin}${pathIn(id)}`, ui})
  const jsonLd = treatmentJsonLd(lookup.result, {url: `${origin}${pathIn(locale)}`, alternates: page.alternates, ui})
  return {page, jsonLd, pathIn}
})

export async function generateMetadata(props: Props): Promise<Metadata> {
  const {locale, slug} = await props.params
  const found = await pageAt(locale, slug)
  if (found === null) return {}
  const {page, pathIn} = found
  return {
    title: `${page.title} · ${siteName}`,
    ...(page.description ? {description: page.description} : {}),
    alternates: {
      canonical: `${siteOrigin()}${pathIn(locale)}`,
      languages: Object.fromEntries(page.alternates.map((alternate) => [alternate.hreflang, alternate.href])),
    },
  }
}

/**
 * A treatment page: the package's sections as it rendered and sanitized them, under the title,
 * the banner (review status, "only a doctor can advise"), a notice when parts are in another
 * language, and a table of contents; JSON-LD as a data block, which no CSP or browser runs.
 */
export default async function Treatment(props: Props) {
  const {locale, slug} = await props.params
  const found = await pageAt(locale, slug)
  if (found === null) notFound()
  const {page, jsonLd, pathIn} = found
  const ui = createUiStrings(locale)
  const servedIn = [...new Set(page.fallbacks.flatMap((fallback) => (fallback.served === null ? [] : [fallback.served])))]
  return (
    <SiteChrome ui={ui} locale={locale} pathIn={pathIn}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{__html: serializeJsonLd(jsonLd)}} />
      <p className="back-link">
        <a href={indexPath(locale)}>{ui.t('backToTreatments')}</a>
      </p>
      <article className="treatment">
        <h1 dangerouslySetInnerHTML={{__html: page.titleHtml}} />
        <PackageHtml html={page.banner.html} />
        {servedIn.length > 0 ? (
          <p className="page-notice">
            {ui.t('fellBackNotice', {
              requested: ui.formatLanguageName(page.locale),
              language: new Intl.ListFormat(page.locale, {type: 'conjunction'}).format(servedIn.map((id) => ui.formatLanguageName(id))),
            })}
          </p>
        ) : null}
        <nav className="toc" aria-labelledby="toc-heading">
          <h2 id="toc-heading">{ui.t('onThisPage')}</h2>
          <ol>
            {page.sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.heading}</a>
              </li>
            ))}
          </ol>
        </nav>
        {page.sections.map((section) => (
          <PackageHtml key={section.id} html={section.html} />
        ))}
      </article>
    </SiteChrome>
  )
}
