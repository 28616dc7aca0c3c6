/**
 * Link protocols a rendered link may use, as `URL#protocol` gives them: the same list the Studio
 * enforces on `link` annotations.
 */
const allowedProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * The `href` to render for a link annotation, or `undefined` when it must not be rendered.
 *
 * Only absolute `http:`, `https:`, `mailto:` and `tel:` URLs pass. The scheme is read with the
 * WHATWG URL parser, the one browsers use, so tricks such as ` JaVaScRiPt:`, `java\tscript:` or
 * leading control characters are judged the way a browser would follow them. Relative URLs,
 * `javascript:`, `data:`, `vbscript:` and anything unparsable are refused. The returned value is
 * the input without surrounding whitespace, otherwise unchanged.
 *
 * @param href - The `href` of a `link` annotation, any value.
 * @public
 */
export function safeLinkUrl(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const trimmed = href.trim()
  if (trimmed === '') return undefined
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return undefined
  }
  if (!allowedProtocols.has(url.protocol)) return undefined
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return undefined
  return trimmed
}
