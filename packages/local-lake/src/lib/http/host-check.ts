import type {IncomingMessage} from 'node:http'
import {isIPv4} from 'node:net'

import {ApiError} from '../api-error.ts'

/** When to check the `Host` header of a request, and which host names to accept besides loopback. */
export interface HostCheck {
  /** Whether `request` must be addressed to a loopback host name. */
  appliesTo(request: IncomingMessage): boolean
  /** Host names accepted besides `localhost`, `127.x.x.x` and `[::1]` (e.g. the host listened on). */
  readonly extraHosts: readonly string[]
}

/**
 * The check for a handler mounted in someone else's server, whose listen address is unknown:
 * requests on connections that arrived on a loopback address must be addressed to a loopback name.
 */
export const LOOPBACK_CONNECTIONS: HostCheck = {
  appliesTo: (request) => isLoopbackAddress(request.socket.localAddress ?? ''),
  extraHosts: [],
}

/** Whether `address` (as `net` reports it) is an IPv4 or IPv6 loopback address. */
export function isLoopbackAddress(address: string): boolean {
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
  return address === '::1' || (isIPv4(ipv4) && ipv4.startsWith('127.'))
}

/**
 * Refuses a request whose `Host` header does not name a loopback host (or one of
 * `check.extraHosts`), when `check` applies to it. A page on another site that rebinds its own
 * domain name to 127.0.0.1 (DNS rebinding) is same-origin with the lake as far as the browser
 * knows, but its requests still carry that domain name in `Host`.
 *
 * @throws ApiError 403 (`httpForbidden`) naming the host received
 */
export function assertAllowedHost(request: IncomingMessage, check: HostCheck): void {
  if (!check.appliesTo(request)) return
  const header = request.headers.host ?? ''
  const name = hostName(header)
  if (name !== undefined && (isLoopbackName(name) || check.extraHosts.some((host) => hostName(host) === name))) return
  const extra = check.extraHosts.map((host) => hostName(host) ?? host).filter((host) => !isLoopbackName(host))
  const allowed = ['localhost', '*.localhost', '127.x.x.x', ...extra].join(', ')
  throw new ApiError(
    403,
    'httpForbidden',
    `Host ${header === '' ? '(none)' : `"${header}"`} is not allowed: the local lake listens on a loopback address and only answers requests addressed to ${allowed} or [::1] (this blocks DNS rebinding)`,
  )
}

/**
 * The normalized host name of a `Host` header value or a listen host (lowercase, IPv6 in
 * brackets, no port or trailing dot), or `undefined` when it is not a plain host.
 */
function hostName(host: string): string | undefined {
  const bracketed = !host.startsWith('[') && host.indexOf(':') !== host.lastIndexOf(':') ? `[${host}]` : host
  if (!/^[A-Za-z0-9._\-:[\]]+$/.test(bracketed)) return undefined
  try {
    return new URL(`http://${bracketed}`).hostname.toLowerCase().replace(/\.$/, '')
  } catch {
    return undefined
  }
}

/**
 * Loopback names: `localhost` and its subdomains (browsers resolve `*.localhost` to loopback
 * themselves, and Sanity's client addresses `<projectId>.localhost` when `apiHost` is
 * localhost), `127.x.x.x` and `[::1]`.
 */
function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || (isIPv4(name) && name.startsWith('127.'))
}
