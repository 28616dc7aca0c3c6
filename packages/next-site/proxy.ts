import {NextResponse, type NextRequest} from 'next/server'
import {movedTreatmentPath} from './lib/treatment-slugs.ts'

/**
 * A treatment URL at a slug the page no longer has (a former slug, or another locale's) is a 301
 * to the page's slug in the URL's locale, the query kept: a page can only answer 308
 * (`permanentRedirect`), so the proxy answers before the page. Runs in Node.js (Next.js 16's
 * proxy has no other runtime), in the server's process under `next start`.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const [, locale = '', , slug = ''] = request.nextUrl.pathname.split('/')
  let path: string | null
  try {
    path = await movedTreatmentPath(locale, slug)
  } catch {
    // The content source failed: the page reads it again and answers as it would without the proxy.
    return NextResponse.next()
  }
  if (path === null) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = path
  // Same-origin, so Next.js sends a relative Location (never one built from the Host header).
  return NextResponse.redirect(url, {status: 301, headers: {'Cache-Control': 'no-store'}})
}

export const config = {matcher: '/:locale/treatments/:slug'}
