import type {IncomingMessage} from 'node:http'

import {describe, expect, it} from 'vitest'

import {ApiError} from '../api-error.ts'
import {corsHeaders, normalizeOrigin} from './cors-policy.ts'
import {LOOPBACK_CONNECTIONS, assertAllowedHost, isLoopbackAddress} from './host-check.ts'
import {readAccess, requireLoopbackOrToken, requireToken} from './lake-access.ts'

// The lake's three gates as functions, on requests described by their headers and addresses
// (the HTTP tests beside these send real requests; these reach every branch and message fast).

const TOKEN = 'test-token-0123456789abcdef'

function request(parts: {headers?: Record<string, string>; remoteAddress?: string; localAddress?: string; method?: string}): IncomingMessage {
  return {headers: parts.headers ?? {}, method: parts.method ?? 'GET', socket: {remoteAddress: parts.remoteAddress, localAddress: parts.localAddress}} as unknown as IncomingMessage
}

function thrown(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

const challenge = {'WWW-Authenticate': 'Bearer realm="local-lake"'}

describe('readAccess', () => {
  it('knows loopback callers by their address, IPv4, IPv6 and IPv4-mapped', () => {
    for (const address of ['127.0.0.1', '127.200.3.4', '::1', '::ffff:127.0.0.1']) expect(readAccess(request({remoteAddress: address}), TOKEN)).toEqual({authenticated: false, loopback: true})
    for (const address of ['198.18.0.2', '::ffff:10.0.0.1', '::2', '']) expect(readAccess(request({remoteAddress: address}), TOKEN)).toEqual({authenticated: false, loopback: false})
    expect(readAccess(request({}), TOKEN)).toEqual({authenticated: false, loopback: false})
  })

  it('takes an empty Authorization header as none', () => {
    expect(readAccess(request({headers: {authorization: ''}, remoteAddress: '127.0.0.1'}), TOKEN)).toEqual({authenticated: false, loopback: true})
  })

  it('accepts the token as a bearer token, the scheme in any case, spaces around it', () => {
    for (const header of [`Bearer ${TOKEN}`, `bearer   ${TOKEN}  `, `BEARER ${TOKEN}`]) {
      expect(readAccess(request({headers: {authorization: header}, remoteAddress: '198.18.0.2'}), TOKEN)).toEqual({authenticated: true, loopback: false})
    }
  })

  it('refuses a header that is not "Bearer <token>" with 401, saying how it must look', () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${TOKEN} extra`, `x Bearer ${TOKEN}`, `Bearer${TOKEN}`]) {
      const error = thrown(() => readAccess(request({headers: {authorization: header}, remoteAddress: '127.0.0.1'}), TOKEN))
      expect(error, header).toMatchObject({
        statusCode: 401,
        body: {error: {type: 'httpUnauthorized', description: 'The Authorization header must be "Bearer <token>", with the token the local lake printed at start (or LAKE_TOKEN)'}},
        headers: challenge,
      })
    }
  })

  it('refuses another token, a prefix of it or one longer, with 401', () => {
    for (const token of ['not-the-token-at-all-000', TOKEN.slice(0, -1), `${TOKEN}x`]) {
      const error = thrown(() => readAccess(request({headers: {authorization: `Bearer ${token}`}, remoteAddress: '127.0.0.1'}), TOKEN))
      expect(error).toMatchObject({
        statusCode: 401,
        body: {error: {type: 'httpUnauthorized', description: "The token is not this local lake's token; use the one `pnpm lake` printed (or the LAKE_TOKEN / --token it was started with)"}},
        headers: challenge,
      })
    }
  })
})

describe('requireToken and requireLoopbackOrToken', () => {
  it('let the token through, and refuse anonymous callers where the token is needed', () => {
    expect(() => requireToken({authenticated: true, loopback: false}, 'Mutations')).not.toThrow()
    expect(thrown(() => requireToken({authenticated: false, loopback: true}, 'Mutations'))).toMatchObject({
      statusCode: 401,
      body: {
        error: {
          type: 'httpUnauthorized',
          description: 'Mutations need the local lake\'s token: send "Authorization: Bearer <token>" (the token `pnpm lake` printed, or LAKE_TOKEN); with @sanity/client, pass {token}',
        },
      },
      headers: challenge,
    })
  })

  it('let loopback or the token through, and refuse an anonymous caller from another machine', () => {
    expect(() => requireLoopbackOrToken({authenticated: false, loopback: true})).not.toThrow()
    expect(() => requireLoopbackOrToken({authenticated: true, loopback: false})).not.toThrow()
    expect(thrown(() => requireLoopbackOrToken({authenticated: false, loopback: false}))).toMatchObject({
      statusCode: 401,
      body: {error: {type: 'httpUnauthorized', description: 'Requests from other machines need the local lake\'s token: send "Authorization: Bearer <token>"'}},
      headers: challenge,
    })
  })
})

describe('the Host check', () => {
  const always = {appliesTo: () => true, extraHosts: [] as string[]}
  const refusal = (shown: string, allowed = 'localhost, *.localhost, 127.x.x.x') =>
    `Host ${shown} is not allowed: the local lake listens on a loopback address and only answers requests addressed to ${allowed} or [::1] (this blocks DNS rebinding)`

  it('accepts loopback names, with or without port, in any case, with a trailing dot', () => {
    for (const host of ['localhost', 'localhost:3334', 'LocalHost:1', 'localhost.', 'abc123.localhost:3334', '127.0.0.1', '127.9.8.7:80', '[::1]:3334', '[::1]']) {
      expect(() => assertAllowedHost(request({headers: {host}}), always), host).not.toThrow()
    }
  })

  it('refuses other names, look-alikes included, naming the host received', () => {
    // Characters a URL parser would drop or read as credentials or a path never make a name pass.
    const lookAlikes = ['evil.example', 'localhost.evil.example', 'evillocalhost', '127.0.0.1.evil.example', '128.0.0.1', '[::2]', 'local host', '10.0.0.1:3334']
    const smuggled = ['evil.example@localhost', '@localhost', 'localhost/', 'localhost/evil', 'localhost#x', '[zz::1]']
    for (const host of [...lookAlikes, ...smuggled]) {
      const error = thrown(() => assertAllowedHost(request({headers: {host}}), always))
      expect(error, host).toMatchObject({statusCode: 403, body: {error: {type: 'httpForbidden', description: refusal(`"${host}"`)}}})
    }
    expect(thrown(() => assertAllowedHost(request({}), always)).message).toBe(refusal('(none)'))
  })

  it('accepts the extra hosts it is given (the host listened on), and names them when refusing', () => {
    const check = {appliesTo: () => true, extraHosts: ['lake.internal:3334', '[fd00::1]', 'localhost']}
    expect(() => assertAllowedHost(request({headers: {host: 'LAKE.internal'}}), check)).not.toThrow()
    expect(() => assertAllowedHost(request({headers: {host: '[fd00::1]:3334'}}), check)).not.toThrow()
    // A listen host is given as an IPv6 address without brackets (--host fd00::2).
    const bare = {appliesTo: () => true, extraHosts: ['fd00::2']}
    expect(() => assertAllowedHost(request({headers: {host: '[fd00::2]:3334'}}), bare)).not.toThrow()
    expect(thrown(() => assertAllowedHost(request({headers: {host: '[fd00::3]'}}), bare)).message).toBe(refusal('"[fd00::3]"', 'localhost, *.localhost, 127.x.x.x, [fd00::2]'))
    expect(thrown(() => assertAllowedHost(request({headers: {host: 'other'}}), check)).message).toBe(refusal('"other"', 'localhost, *.localhost, 127.x.x.x, lake.internal, [fd00::1]'))
  })

  it('checks nothing where it does not apply; mounted in another server, only connections that arrived on loopback', () => {
    expect(() => assertAllowedHost(request({headers: {host: 'evil.example'}}), {appliesTo: () => false, extraHosts: []})).not.toThrow()
    expect(LOOPBACK_CONNECTIONS.appliesTo(request({localAddress: '127.0.0.1'}))).toBe(true)
    expect(LOOPBACK_CONNECTIONS.appliesTo(request({localAddress: '::ffff:127.0.0.1'}))).toBe(true)
    expect(LOOPBACK_CONNECTIONS.appliesTo(request({localAddress: '198.18.0.1'}))).toBe(false)
    expect(LOOPBACK_CONNECTIONS.appliesTo(request({}))).toBe(false)
    expect(LOOPBACK_CONNECTIONS.extraHosts).toEqual([])
  })

  it('tells loopback addresses from others', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.1.2.3'].map(isLoopbackAddress)).toEqual([true, true, true])
    expect(['128.0.0.1', '10.127.0.1', '::ffff:10.0.0.1', '::', 'localhost', '127.0.0.1.5', ''].map(isLoopbackAddress)).toEqual([false, false, false, false, false, false, false])
  })
})

describe('the CORS policy', () => {
  const origins = new Set(['http://localhost:3333'])
  const allowed = {
    'Access-Control-Allow-Origin': 'http://localhost:3333',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Content-Type, X-Sanity-Warning',
    Vary: 'Origin',
  }

  it('adds nothing for a request without Origin', () => {
    expect(corsHeaders(request({headers: {host: 'localhost:3334'}}), origins)).toEqual({})
  })

  it('answers a listed origin with its own origin and credentials, and its preflight with what it may send', () => {
    expect(corsHeaders(request({headers: {origin: 'http://localhost:3333'}}), origins)).toEqual(allowed)
    expect(corsHeaders(request({headers: {origin: 'http://localhost:3333'}, method: 'OPTIONS'}), origins)).toEqual({
      ...allowed,
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
      'Access-Control-Allow-Headers':
        'Authorization, Content-Type, X-Sanity-Project-ID, X-Sanity-App, X-Sanity-Lineage, X-Sanity-Client, Last-Event-ID, Cache-Control, traceparent',
      'Access-Control-Max-Age': '600',
    })
  })

  it('answers a page of the lake’s own origin', () => {
    expect(corsHeaders(request({headers: {origin: 'http://127.0.0.1:3334', host: '127.0.0.1:3334'}}), origins)).toMatchObject({'Access-Control-Allow-Origin': 'http://127.0.0.1:3334'})
  })

  it('refuses any other origin with 403, saying how to allow it', () => {
    for (const origin of ['http://localhost:5173', 'null', 'http://localhost:3333.evil.example', 'not a url']) {
      const error = thrown(() => corsHeaders(request({headers: {origin, host: 'localhost:3334'}}), origins))
      expect(error, origin).toMatchObject({
        statusCode: 403,
        body: {error: {type: 'httpForbidden', description: `Origin ${origin} is not allowed to use the local lake; start it with --cors-origin ${origin} if you trust that page`}},
        headers: {Vary: 'Origin'},
      })
    }
  })

  it('takes origins given as options only as scheme, host and port, never *', () => {
    expect(normalizeOrigin('http://localhost:3333')).toBe('http://localhost:3333')
    expect(normalizeOrigin('HTTPS://Example.org:443/')).toBe('https://example.org')
    for (const value of ['*', '', '  ', 'ftp://example.org', 'file:///tmp', 'http://x/path', 'http://x/?q=1', 'http://x/#h', 'http://user@x', 'not a url']) {
      expect(normalizeOrigin(value), value).toBeUndefined()
    }
  })
})
