import Negotiator from 'negotiator'
import {matchLocale} from '@treatments/content/locales'
import {indexPath} from '../lib/treatment-slugs.ts'

/** `/` → 302 to the treatment list in the locale matched from `Accept-Language`, as on the example site. */
export function GET(request: Request): Response {
  const languages = new Negotiator({headers: {'accept-language': request.headers.get('accept-language') ?? ''}}).languages()
  // A relative Location, never built from the Host header.
  return new Response(null, {status: 302, headers: {Location: indexPath(matchLocale(languages).locale), Vary: 'Accept-Language', 'Cache-Control': 'no-store'}})
}
