import {treatmentSitemap} from '@treatments/content/sitemap'
import {siteContent} from '../../lib/content.ts'
import {siteOrigin} from '../../lib/site-origin.ts'
import {treatmentPath} from '../../lib/treatment-slugs.ts'

// Made at build time and again after each revalidation call.
export const dynamic = 'force-static'

/** The package's sitemap: every locale's page of every treatment, with hreflang alternates. */
export async function GET(): Promise<Response> {
  const origin = siteOrigin()
  const xml = await treatmentSitemap(siteContent(), {urlFor: (locale, slug) => `${origin}${treatmentPath(locale, slug)}`})
  return new Response(xml, {headers: {'Content-Type': 'application/xml; charset=utf-8'}})
}
