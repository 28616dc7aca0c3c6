import {NextResponse, type NextRequest} from 'next/server'
import {notFoundPath, pathRoute, withoutTrailingSlash, type PathRoute} from './lib/path-route.ts'

/**
 * The site's redirects, each one 301 straight to the final URL (the query kept), before the page
 * (a page can only answer 308, and `next.config.ts` redirects run before the proxy, so a trailing
 * slash there would be a second hop): a bare locale, a treatment at a former slug or another
 * locale's, a trailing slash; and the 404 of a treatment URL its lookup found nothing at. Runs in
 * Node.js (Next.js 16's proxy has no other runtime), in the server's process under `next start`.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const {pathname} = request.nextUrl
  let route: PathRoute
  try {
    route = await pathRoute(pathname)
  } catch {
    // The content source failed: the page reads it again and answers as it would without the
    // proxy; at a trailing slash, as the path without it would (no 301 to a page that fails too).
    const unslashed = withoutTrailingSlash(pathname)
    return unslashed === undefined ? NextResponse.next() : NextResponse.rewrite(at(request, unslashed))
  }
  if (route.to === 'page') return NextResponse.next()
  // The lookup said no treatment is there: the site's 404 page, without the page's second lookup
  // (a rewrite is how a proxy hands the page what it found; a header would make pages dynamic).
  if (route.to === 'not-found') return NextResponse.rewrite(at(request, notFoundPath))
  // Same-origin, so Next.js sends a relative Location (never one built from the Host header).
  return NextResponse.redirect(at(request, route.path), {status: 301, headers: {'Cache-Control': 'no-store'}})
}

/** The request's URL at `pathname`, its query kept (a plain URL: a `NextURL` would put back the request's trailing slash). */
function at(request: NextRequest, pathname: string): URL {
  return new URL(`${pathname}${request.nextUrl.search}`, request.nextUrl.origin)
}

// Literals only (Next.js reads them at build time). Each also matches its path with a trailing
// slash; the last, any other path of the site's own segments with one.
export const config = {matcher: ['/:locale', '/:locale/treatments/:slug', '/:path((?:[A-Za-z0-9-]+/)*[A-Za-z0-9-]+)/']}
