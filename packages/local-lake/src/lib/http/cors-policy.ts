import type {IncomingMessage} from 'node:http'

import {ApiError} from '../api-error.ts'

/** The origins of the Sanity Studio that `pnpm studio` serves, allowed by default. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = ['http://localhost:3333', 'https://localhost:3333']

/** Methods and request headers a listed origin may use. */
const ALLOW_METHODS = 'GET, HEAD, POST, OPTIONS'
const ALLOW_HEADERS =
  'Authorization, Content-Type, X-Sanity-Project-ID, X-Sanity-App, X-Sanity-Lineage, X-Sanity-Client, Last-Event-ID, Cache-Control, traceparent'
const EXPOSE_HEADERS = 'Content-Type, X-Sanity-Warning'

/**
 * The CORS answer for `request`: headers for a listed origin, nothing for a request without
 * `Origin` (command-line and server clients), and a 403 for any other origin, so a page
 * elsewhere can neither read an answer nor cause a side effect. Credentials are only ever
 * allowed for the listed origin that asked, never with `*`.
 *
 * @param origins - allowed origins, exact `scheme://host[:port]`
 * @throws ApiError 403 (`httpForbidden`) for an origin that is not listed
 */
export function corsHeaders(request: IncomingMessage, origins: ReadonlySet<string>): Record<string, string> {
  const origin = request.headers.origin
  if (origin === undefined) return {}
  if (!origins.has(origin) && !isSameOrigin(origin, request)) {
    throw new ApiError(
      403,
      'httpForbidden',
      `Origin ${origin} is not allowed to use the local lake; start it with --cors-origin ${origin} if you trust that page`,
      {},
      {Vary: 'Origin'},
    )
  }
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSE_HEADERS,
    Vary: 'Origin',
  }
  if (request.method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = ALLOW_METHODS
    headers['Access-Control-Allow-Headers'] = ALLOW_HEADERS
    headers['Access-Control-Max-Age'] = '600'
  }
  return headers
}

/** A page served by the lake's own origin (the `Host` it was addressed as) is no stranger. */
function isSameOrigin(origin: string, request: IncomingMessage): boolean {
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}

/**
 * Checks an origin given in options (`http://localhost:3333`).
 *
 * @returns the origin in its normalized form, or `undefined` when it is not one
 */
export function normalizeOrigin(value: string): string | undefined {
  // `new URL` refuses "*" and blanks; http(s) URLs always have an origin (never "null").
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') return undefined
    return url.origin
  } catch {
    return undefined
  }
}
