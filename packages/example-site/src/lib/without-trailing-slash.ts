// Segments of the site's own routes: letters, digits and hyphens. Anything else (an empty
// segment, `\`, `%`, `.`) gets no redirect, so `//evil.com/` or `/\evil.com/` can never become
// a Location a browser reads as another host.
const ownPath = /^(\/[A-Za-z0-9-]+)+$/
const plainQuery = /^\?[\x21-\x7e]*$/

/**
 * Where a request for `url` with trailing slashes should be redirected (301): the same path
 * without them, the query kept; undefined when `url` has no trailing slash or the path is not
 * one of the site's own shape.
 */
export function withoutTrailingSlash(url: string): string | undefined {
  const queryAt = url.indexOf('?')
  const pathname = queryAt < 0 ? url : url.slice(0, queryAt)
  if (pathname.length < 2 || !pathname.endsWith('/')) return undefined
  const target = pathname.replace(/\/+$/, '')
  if (!ownPath.test(target)) return undefined
  return target + keptQuery(url)
}

/** The query of `url` (with its `?`) that a redirect keeps: printable ASCII only, else none. */
export function keptQuery(url: string): string {
  const queryAt = url.indexOf('?')
  const query = queryAt < 0 ? '' : url.slice(queryAt)
  return plainQuery.test(query) ? query : ''
}
