import {existsSync} from 'node:fs'
import type {IncomingMessage, ServerResponse} from 'node:http'
import {type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse, createSecureServer} from 'node:http2'
import type {AddressInfo} from 'node:net'
import type {Duplex} from 'node:stream'
import {join, resolve} from 'node:path'

import {describeJson} from '@treatments/content/dataset'
import sirv from 'sirv'

import {ApiError} from '../api-error.ts'
import {openLocalLake} from './create-local-lake-handler.ts'
import {createStudioApi} from '../endpoints/handle-studio-api.ts'
import {createPresenceSocket} from '../endpoints/presence-socket.ts'
import {type HostCheck, assertAllowedHost, isLoopbackAddress} from '../http/host-check.ts'
import {answerClientError} from '../http/client-error.ts'
import {corsHeaders} from '../http/cors-policy.ts'
import {assertFetchMetadata} from '../http/fetch-metadata.ts'
import {readAccess} from '../http/lake-access.ts'
import {type StartLocalLakeOptions, resolveLakeOptions, resolveListenOptions} from '../lake-options.ts'
import {type LocalCertificate, loadLocalCertificate} from './local-certificate.ts'
import {LocalLakeError} from '../local-lake-error.ts'
import {sendJson} from '../http/send-json.ts'
import {STUDIO_TOKEN_PATTERN, loadLocalToken} from './local-token.ts'

/** Options for {@link startStudioLake}. */
export interface StartStudioLakeOptions extends StartLocalLakeOptions {
  /**
   * The built Studio (`sanity build` output, with `index.html`). Without it the server is only
   * the Studio's API, for the Studio dev server (`pnpm studio --dev`) on another origin, which
   * must then be in `corsOrigins`.
   */
  studioDir?: string
  /** The project id the Studio was built with. Default `local`. */
  projectId?: string
  /**
   * Where the TLS certificate is kept, and the login token when `token` is not given (see
   * {@link loadLocalToken}). Default: `~/.cache/treatments/tls`.
   */
  certificateDir?: string
}

/** A running local lake serving a built Sanity Studio over HTTPS (HTTP/2). */
export interface StudioLake {
  /** The Studio's address, `https://<projectId>.localhost:PORT/`, without the token. */
  readonly url: string
  /** The address to open: {@link url} with `#token=…`, which logs the Studio in. */
  readonly loginUrl: string
  /** The token every private request must carry as `Authorization: Bearer <token>`. */
  readonly token: string
  /** Where the token is kept (`<certificateDir>/token`); `undefined` when it was passed as `token`. */
  readonly tokenFile: string | undefined
  readonly port: number
  readonly datasets: readonly string[]
  /** The self-signed certificate served. */
  readonly certificate: LocalCertificate
  readonly server: Http2SecureServer
  /** Stops accepting connections, waits for pending writes, then closes every session. */
  close(): Promise<void>
}

/**
 * Sent with the Studio's files. A page on another site that opens the Studio (a link with
 * `window.open`) keeps no handle on its window, so it cannot navigate the editor's Studio to a
 * look-alike or message its frames; the Studio keeps handles on the windows it opens (the
 * Presentation tool's preview window). Only the Studio's own origin may frame it, so no other
 * page can lay it under its own buttons (a Publish clicked unawares); browsers that send no
 * `Sec-Fetch-*` headers are held by these too.
 */
const studioFileHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
} as const

const DATA_API = /^\/v[^/]+\/data\//
const OTHER_API = /^\/v[^/]+\//

/**
 * Serves a built Sanity Studio and the local lake it edits from one HTTPS origin, over HTTP/2
 * (Chromium allows six HTTP/1.1 connections per host, and the Studio holds up to nine listen
 * streams; HTTP/1.1 clients still work). One origin means one certificate to accept and no CORS.
 * Routes: `/v{version}/data/…` is the local lake, other `/v{version}/…` the Studio's project API
 * ({@link createStudioApi}), everything else the Studio's files (unknown paths get `index.html`,
 * so the Studio's own routes load).
 *
 * @throws TypeError for invalid options
 * @throws LocalLakeError when the Studio is not built (`STUDIO_NOT_BUILT`), a dataset cannot be
 *   loaded or is served by another process (`DATASET_LOCKED`), or the port is taken (`LISTEN_FAILED`)
 */
export async function startStudioLake(options: StartStudioLakeOptions): Promise<StudioLake> {
  const {studioDir, projectId = 'local', certificateDir} = options
  if (typeof projectId !== 'string' || !/^[a-z0-9-]+$/.test(projectId)) {
    throw new TypeError(`startStudioLake: option "projectId" must be a Sanity project id (a-z, 0-9, -); received ${describeJson(projectId)}`)
  }
  if (studioDir !== undefined && (typeof studioDir !== 'string' || studioDir.trim() === '')) {
    throw new TypeError(`startStudioLake: option "studioDir" must be the path of a built Studio; received ${describeJson(studioDir)}`)
  }
  // The Studio takes a token from the address only when it has 32 or more characters and no "&".
  if (options.token !== undefined && (typeof options.token !== 'string' || !STUDIO_TOKEN_PATTERN.test(options.token))) {
    const received = typeof options.token === 'string' ? `a string of ${options.token.length} characters` : describeJson(options.token)
    throw new TypeError(`startStudioLake: option "token" must have at least 32 characters and no "&", "#" or spaces (the Studio reads only such tokens from #token=); received ${received}`)
  }
  const root = studioDir === undefined ? undefined : resolve(studioDir)
  if (root !== undefined && !existsSync(join(root, 'index.html'))) {
    throw new LocalLakeError('STUDIO_NOT_BUILT', `No built Studio in ${root} (index.html is missing); run \`pnpm studio:build\``)
  }
  // The Studio's own origin is same-origin for the lake, so no CORS origin needs listing.
  // A server by default: other commands on the same file send their writes to it.
  // Without a token, the one kept beside the certificate: a restart keeps open tabs logged in.
  const kept = options.token === undefined ? await loadLocalToken(certificateDir) : undefined
  const resolved = resolveLakeOptions({lock: {server: true}, ...options, ...(kept ? {token: kept.token} : {})}, 'startStudioLake')
  const {token} = resolved
  const {port, host} = resolveListenOptions(options, 'startStudioLake')
  const projectHost = `${projectId}.localhost`
  const certificate = await loadLocalCertificate(certificateDir, [projectHost])

  let listensOnLoopback = true
  const hostCheck: HostCheck = {appliesTo: () => listensOnLoopback, extraHosts: [host, projectHost]}
  const lake = await openLocalLake(resolved, hostCheck)
  const files = root === undefined ? undefined : sirv(root, {single: true, etag: true, dotfiles: false})
  const studioApi = createStudioApi()

  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    // HTTP/2 carries the host in `:authority`; the lake's Host check reads `host`.
    request.headers.host ??= request.headers[':authority'] as string | undefined
    let cors: Record<string, string> = {}
    try {
      // A request line such as `GET //` is not a URL path: 400, never a thrown listener.
      const url = URL.parse(request.url ?? '/', 'https://studio-lake')
      if (url === null) throw new ApiError(400, 'httpBadRequest', `The request path ${JSON.stringify(request.url)} is not a valid URL path`)
      assertAllowedHost(request, hostCheck)
      if (DATA_API.test(url.pathname)) return lake(request, response)
      if (OTHER_API.test(url.pathname)) {
        // Same origin needs no CORS; the dev server's origin must be listed, as for the data API.
        cors = corsHeaders(request, resolved.corsOrigins)
        assertFetchMetadata(request, resolved.corsOrigins, false)
        if (request.method === 'OPTIONS') return sendJson(response, 204, undefined, cors)
        const context = {authorized: readAccess(request, token).authenticated, datasets: lake.datasets, projectId}
        studioApi(request, url, context).then(
          ({statusCode, body}) => sendJson(response, statusCode, body, cors),
          (error: unknown) => sendError(response, error, cors),
        )
        return
      }
      if (files === undefined) {
        throw new ApiError(404, 'httpNotFound', 'This server is the local lake for the Studio dev server (pnpm studio --dev); open the Studio at the address pnpm studio printed')
      }
      // A link to the Studio from anywhere opens it; nothing else from another site loads its files.
      assertFetchMetadata(request, resolved.corsOrigins, true)
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        throw new ApiError(405, 'httpMethodNotAllowed', `Method ${request.method} is not allowed on the Studio's files; use GET`, {}, {Allow: 'GET, HEAD'})
      }
      for (const [name, value] of Object.entries(studioFileHeaders)) response.setHeader(name, value)
      files(request, response)
    } catch (error) {
      sendError(response, error, cors)
    }
  }

  const server = createSecureServer({key: certificate.key, cert: certificate.cert, allowHTTP1: true}, listener as unknown as (request: Http2ServerRequest, response: Http2ServerResponse) => void)
  server.on('clientError', answerClientError)
  // The Studio's presence WebSocket comes as an HTTP/1.1 upgrade (no extended CONNECT on HTTP/2).
  const presence = createPresenceSocket({token, hostCheck, corsOrigins: resolved.corsOrigins})
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!presence.handleUpgrade(request, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  // A session left open by a browser must not keep `close()` waiting.
  const sessions = new Set<{close(): void; destroy(): void}>()
  server.on('session', (session) => {
    sessions.add(session)
    session.once('close', () => sessions.delete(session))
  })
  const sockets = new Set<{destroy(): void}>()
  server.on('secureConnection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  try {
    await listen(server, port, host)
  } catch (error) {
    await lake.close()
    throw error
  }
  const address = server.address() as AddressInfo
  listensOnLoopback = isLoopbackAddress(address.address)
  const url = `https://${projectHost}:${address.port}/`
  // Other commands (translations import, seed) find the running lake through its lock file.
  await lake.announce(`https://localhost:${address.port}`, address.port)
  let closing: Promise<void> | undefined
  return {
    url,
    loginUrl: `${url}#token=${encodeURIComponent(token)}`,
    token,
    tokenFile: kept?.file,
    port: address.port,
    datasets: lake.datasets,
    certificate,
    server,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((done) => server.close(() => done()))
        presence.close()
        for (const session of sessions) session.close()
        await lake.close()
        for (const session of sessions) session.destroy()
        for (const socket of sockets) socket.destroy()
        await closed
      })()
      return closing
    },
  }
}

/** Whatever went wrong, the request gets an answer and the server keeps serving. */
function sendError(response: ServerResponse, error: unknown, cors: Record<string, string>): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  if (!(error instanceof ApiError)) {
    sendJson(response, 500, {error: {description: `Internal error in the Studio's lake: ${error instanceof Error ? error.message : String(error)}`, type: 'internalError'}}, cors)
    return
  }
  sendJson(response, error.statusCode, error.body, {...cors, ...error.headers})
}

function listen(server: Http2SecureServer, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    const onError = (error: NodeJS.ErrnoException) => {
      fail(
        new LocalLakeError('LISTEN_FAILED', `Cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message}`, {
          cause: error,
        }),
      )
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      done()
    })
  })
}
