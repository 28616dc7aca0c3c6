import {createHash, timingSafeEqual} from 'node:crypto'
import type {IncomingMessage} from 'node:http'

import {ApiError} from '../api-error.ts'
import {isLoopbackAddress} from './host-check.ts'

/** Who is asking: a client holding the lake's token, or an anonymous client. */
export interface LakeAccess {
  /** Whether the request carried the lake's token (`Authorization: Bearer <token>`). */
  readonly authenticated: boolean
  /** Whether the request came from a loopback address (anonymous published reads are open to those). */
  readonly loopback: boolean
}

/**
 * Reads the request's credentials. A request without `Authorization` is anonymous; one with a
 * wrong token is refused outright, as Content Lake refuses an invalid token.
 *
 * @throws ApiError 401 for a malformed `Authorization` header or a token that does not match
 */
export function readAccess(request: IncomingMessage, token: string): LakeAccess {
  const loopback = isLoopbackAddress(request.socket.remoteAddress ?? '')
  const header = request.headers.authorization
  if (header === undefined || header === '') return {authenticated: false, loopback}
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (match === null) {
    throw unauthorized('The Authorization header must be "Bearer <token>", with the token the local lake printed at start (or LAKE_TOKEN)')
  }
  if (!sameSecret(match[1]!, token)) {
    throw unauthorized('The token is not this local lake\'s token; use the one `pnpm lake` printed (or the LAKE_TOKEN / --token it was started with)')
  }
  return {authenticated: true, loopback}
}

/** Whether the request carries the lake's token; a malformed or wrong one counts as none (never throws). */
export function holdsToken(request: IncomingMessage, token: string): boolean {
  try {
    return readAccess(request, token).authenticated
  } catch {
    return false
  }
}

/**
 * Refuses an anonymous request for something that needs the token.
 *
 * @param what - what needs it, for the message, e.g. `Mutations`
 * @throws ApiError 401 (`httpUnauthorized`) when `access` is anonymous
 */
export function requireToken(access: LakeAccess, what: string): void {
  if (access.authenticated) return
  throw unauthorized(`${what} need the local lake's token: send "Authorization: Bearer <token>" (the token \`pnpm lake\` printed, or LAKE_TOKEN); with @sanity/client, pass {token}`)
}

/**
 * Refuses anonymous requests from other machines: without the token, only loopback clients may
 * read (published documents).
 *
 * @throws ApiError 401 for an anonymous request from a non-loopback address
 */
export function requireLoopbackOrToken(access: LakeAccess): void {
  if (access.authenticated || access.loopback) return
  throw unauthorized('Requests from other machines need the local lake\'s token: send "Authorization: Bearer <token>"')
}

function unauthorized(description: string): ApiError {
  return new ApiError(401, 'httpUnauthorized', description, {}, {'WWW-Authenticate': 'Bearer realm="local-lake"'})
}

/** Compares secrets in constant time (hashing first, so lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
