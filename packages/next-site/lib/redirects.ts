import type {NextConfig} from 'next'
import {localeIds} from '@treatments/content/locales'

/**
 * The site's permanent redirects, all 301 (Next.js's `permanent: true` is a 308), with relative
 * Locations and the query kept:
 * - `/it` → `/it/treatments`;
 * - a path with a trailing slash → the same path without it, only when it is made of the
 *   site's own segments (`[A-Za-z0-9-]`), so `/\evil.com/` or `/%2F.../` never become a Location
 *   a browser reads as another host. Next.js first folds repeated slashes (its own 308).
 */
type Redirect = Awaited<ReturnType<NonNullable<NextConfig['redirects']>>>[number]

export const redirects: Redirect[] = [
  {source: `/:locale(${localeIds.join('|')})`, destination: '/:locale/treatments', statusCode: 301},
  {source: '/:path((?:[A-Za-z0-9-]+/)*[A-Za-z0-9-]+)/', destination: '/:path', statusCode: 301},
]
