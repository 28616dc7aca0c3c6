import {baseLocale, localeIds} from '../locale/locale-registry.ts'
import {describeValue as describe} from '../describe-value.ts'

/**
 * One `<link rel="alternate" hreflang="…" href="…">` of a page.
 *
 * @public
 */
export interface HreflangAlternate {
  /** A supported locale id, or `x-default` for the page to show when no language matches. */
  hreflang: string
  /** The page's URL in that locale, as `urlFor` gave it. */
  href: string
}

/**
 * The hreflang alternates of a page: one per supported locale the page has text in (in the
 * locale registry's order; unsupported ids are ignored), then `x-default`, pointing at the
 * base locale's URL.
 *
 * @example
 * ```ts
 * hreflangAlternates(treatment.availableLocales, (locale) => `https://example.com/${locale}/treatments/${treatment.slug}`)
 * // [{hreflang: 'en', href: 'https://example.com/en/…'}, {hreflang: 'it', …}, {hreflang: 'de', …}, {hreflang: 'x-default', href: 'https://example.com/en/…'}]
 * ```
 * @param availableLocales - Locales that have the page, e.g. `treatment.availableLocales`.
 * @param urlFor - The page's URL in a locale. Absolute URLs are what search engines expect.
 * @throws {TypeError} When `availableLocales` is not an array of strings, `urlFor` is not a
 *   function, or `urlFor` returns something other than a non-empty string.
 * @public
 */
export function hreflangAlternates(availableLocales: readonly string[], urlFor: (locale: string) => string): HreflangAlternate[] {
  if (!Array.isArray(availableLocales) || !availableLocales.every((id) => typeof id === 'string')) {
    throw new TypeError(`\`hreflangAlternates\` expects an array of locale ids as its first argument, got ${describe(availableLocales)}`)
  }
  if (typeof urlFor !== 'function') {
    throw new TypeError(`\`hreflangAlternates\` expects a \`urlFor(locale)\` function as its second argument, got ${describe(urlFor)}`)
  }
  return alternatesFor(availableLocales, urlFor, 'hreflangAlternates')
}

/**
 * The alternates of checked arguments; a bad URL from `urlFor` is reported under `call`, the
 * public function the caller used.
 *
 * @internal
 */
export function alternatesFor(availableLocales: readonly string[], urlFor: (locale: string) => string, call: string): HreflangAlternate[] {
  const href = (locale: string) => pageUrl(call, urlFor, locale)
  const available = new Set(availableLocales)
  const alternates = localeIds.filter((id) => available.has(id)).map((id) => ({hreflang: id, href: href(id)}))
  alternates.push({hreflang: 'x-default', href: href(baseLocale)})
  return alternates
}

/**
 * `urlFor(locale)`, checked to be a non-empty string.
 *
 * @throws {TypeError} Naming `call`, when it is not.
 * @internal
 */
export function pageUrl(call: string, urlFor: (locale: string) => string, locale: string): string {
  const url: unknown = urlFor(locale)
  if (typeof url !== 'string' || url.trim() === '') {
    throw new TypeError(`\`${call}\`: \`urlFor(${JSON.stringify(locale)})\` must return a non-empty URL string, got ${describe(url)}`)
  }
  return url
}
