import type {IncomingMessage} from 'node:http'

import {ApiError} from '../api-error.ts'

/**
 * Refuses a browser request that another site or another localhost port made without CORS, by
 * its Fetch Metadata: `Sec-Fetch-Site: cross-site` or `same-site` (a page on another port of
 * localhost is same-site) with no listed `Origin`. That covers what CORS cannot see, because such
 * requests carry no `Origin`: images, scripts, stylesheets, forms and links from other pages, each
 * of which could otherwise start a query. Requests without the header (servers, scripts, older
 * browsers), from the lake's own origin, typed into the address bar (`none`), and CORS requests
 * from a listed origin (the Studio dev server) pass.
 *
 * @param navigations - whether a top-level page load (`navigate` to a `document`) from anywhere
 *   passes: only the Studio's own pages need it
 * @throws ApiError 403 `httpForbidden`
 */
export function assertFetchMetadata(request: IncomingMessage, origins: ReadonlySet<string>, navigations: boolean): void {
  const site = request.headers['sec-fetch-site']
  if (site === undefined || site === 'same-origin' || site === 'none') return
  const origin = request.headers.origin
  if (typeof origin === 'string' && origins.has(origin)) return
  if (navigations && isTopLevelNavigation(request)) return
  throw new ApiError(
    403,
    'httpForbidden',
    `The local lake refuses ${site} requests (Sec-Fetch-Site) without an allowed Origin: a page on another site or port cannot use it through images, forms, scripts or links`,
  )
}

function isTopLevelNavigation(request: IncomingMessage): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.headers['sec-fetch-mode'] === 'navigate' &&
    request.headers['sec-fetch-dest'] === 'document'
  )
}
