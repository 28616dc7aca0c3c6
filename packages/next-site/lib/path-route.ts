import {isSupportedLocale} from '@treatments/content/locales'
import {indexPath, treatmentRoute} from './treatment-slugs.ts'

// Segments of the site's own routes: letters, digits and hyphens. Only a path of them ever
// becomes a Location: `/\evil.com/` or `/%2F.../` would be read by a browser as another host.
const ownPath = /^(\/[A-Za-z0-9-]+)+$/

/** What the proxy answers for a path: the route's own answer, a 301 to `path`, or the site's 404. */
export type PathRoute = {to: 'page'} | {to: 'redirect'; path: string} | {to: 'not-found'}

/**
 * A path no route matches, which Next.js answers with `app/global-not-found.tsx` (404): where the
 * proxy sends a treatment URL it has found nothing at, so that the page does not look it up again.
 */
export const notFoundPath = '/not-found/treatment'

/** `pathname` without its trailing slashes, when that is a path of the site's own segments. */
export function withoutTrailingSlash(pathname: string): string | undefined {
  const unslashed = pathname.replace(/\/+$/, '')
  return unslashed !== pathname && ownPath.test(unslashed) ? unslashed : undefined
}

/**
 * Where a request for `pathname` goes, in one hop, as the example site's `route`:
 * - `/{locale}` → `/{locale}/treatments`;
 * - a treatment at a former slug or another locale's → the page at its slug in that locale;
 * - a trailing slash → where the path without it goes (`/it/` → `/it/treatments`, a former slug
 *   straight to the current one, an unknown slug straight to the 404), else the path itself.
 * Throws when the content source fails.
 */
export async function pathRoute(pathname: string): Promise<PathRoute> {
  const unslashed = withoutTrailingSlash(pathname)
  if (unslashed === undefined) return unslashedRoute(pathname)
  const onward = await unslashedRoute(unslashed)
  return onward.to === 'page' ? {to: 'redirect', path: unslashed} : onward
}

async function unslashedRoute(pathname: string): Promise<PathRoute> {
  const [, locale = '', section, slug, ...rest] = pathname.split('/')
  if (section === undefined) return isSupportedLocale(locale) ? {to: 'redirect', path: indexPath(locale)} : {to: 'page'}
  if (section !== 'treatments' || slug === undefined || rest.length > 0) return {to: 'page'}
  const route = await treatmentRoute(locale, slug)
  if (route.found === 'moved') return {to: 'redirect', path: route.path}
  return route.found === 'none' ? {to: 'not-found'} : {to: 'page'}
}
