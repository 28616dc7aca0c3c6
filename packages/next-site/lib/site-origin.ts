/**
 * The site's public origin for canonical, hreflang, sitemap and JSON-LD URLs: `SITE_ORIGIN`
 * (read when a page is rendered), default `http://localhost:3000`. Never taken from a request.
 */
export function siteOrigin(): string {
  const value = process.env.SITE_ORIGIN?.trim() || 'http://localhost:3000'
  const origin = URL.canParse(value) ? new URL(value).origin : 'null'
  if (origin === 'null') throw new TypeError(`SITE_ORIGIN must be an http(s) origin such as https://clinic.example, got ${JSON.stringify(value)}`)
  return origin
}
