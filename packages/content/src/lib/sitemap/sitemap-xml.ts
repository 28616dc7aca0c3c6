import type {HreflangAlternate} from '../structured-data/hreflang-alternates.ts'

/**
 * One `<url>` of a sitemap.
 *
 * @public
 */
export interface SitemapEntry {
  /** The page's absolute URL. */
  loc: string
  /** When the page's content last changed (W3C datetime, e.g. a Sanity `_updatedAt`). */
  lastmod?: string | undefined
  /** The page in each language, and `x-default`, as `xhtml:link` alternates. */
  alternates: readonly HreflangAlternate[]
}

// Escapes text and attribute values; the URLs are also parsed, so no control character is written.
const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (character) => entities[character]!)

function absoluteUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TypeError(`a sitemap needs absolute http(s) URLs, got ${JSON.stringify(url)}`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`a sitemap needs absolute http(s) URLs, got ${JSON.stringify(url)}`)
  return parsed.href
}

/**
 * A sitemap (sitemaps.org 0.9) with Google's `xhtml:link` hreflang alternates. Written by hand
 * because it is a few fixed elements; the `sitemap` package needs Node streams, and this entry
 * runs in edge runtimes too. Its output is checked against the sitemap schema in the tests.
 *
 * @public
 */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
  for (const entry of entries) {
    lines.push('  <url>', `    <loc>${escapeXml(absoluteUrl(entry.loc))}</loc>`)
    if (entry.lastmod !== undefined) lines.push(`    <lastmod>${escapeXml(entry.lastmod)}</lastmod>`)
    for (const {hreflang, href} of entry.alternates) {
      lines.push(`    <xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(absoluteUrl(href))}"/>`)
    }
    lines.push('  </url>')
  }
  lines.push('</urlset>', '')
  return lines.join('\n')
}
