import type {IncomingMessage, ServerResponse} from 'node:http'

import {ApiError, notFound} from '../api-error.ts'
import {corsHeaders} from '../http/cors-policy.ts'
import {assertFetchMetadata} from '../http/fetch-metadata.ts'
import type {DatasetStore} from '../store/dataset-store.ts'
import type {HistoryRepair} from '../history/history-log.ts'
import {GroqRunner} from '../query/groq-runner.ts'
import {QueryPool} from '../query/query-pool.ts'
import {type HostCheck, LOOPBACK_CONNECTIONS, assertAllowedHost} from '../http/host-check.ts'
import {holdsToken, readAccess, requireLoopbackOrToken, requireToken} from '../http/lake-access.ts'
import {DATA_ENDPOINTS, LAKE_ROUTES, NOT_IMPLEMENTED} from '../endpoints/lake-endpoints.ts'
import {type LocalLakeOptions, type ResolvedLakeOptions, resolveLakeOptions} from '../lake-options.ts'
import type {LakeResponse} from '../endpoints/lake-request.ts'
import {loadDatasets} from './load-datasets.ts'
import {isLocalLakeError} from '../local-lake-error.ts'
import {sendJson} from '../http/send-json.ts'
import {BodyBudget} from '../http/body-budget.ts'

/** A `node:http` request listener serving the local lake, plus a way to wait for pending writes. */
export interface LocalLakeHandler {
  (request: IncomingMessage, response: ServerResponse): void
  /** Names of the datasets served. */
  readonly datasets: readonly string[]
  /** The token clients send as `Authorization: Bearer <token>` (given, or made at start). */
  readonly token: string
  /** Resolves once every mutation received so far has been applied and written. */
  idle(): Promise<void>
  /** Ends open streams (listen) so the server can close. */
  closeStreams(): void
  /** The history logs cut at start (option `repairHistory`), with where their damaged tails went. */
  readonly historyRepairs: readonly HistoryRepair[]
  /** Records where the lake listens in its dataset lock files, for other commands to find it. */
  announce(url: string, port: number): Promise<void>
  /**
   * Ends streams, waits for pending writes and releases the dataset locks. Call it when your
   * server stops (the locks are also released when the process exits).
   */
  close(): Promise<void>
}

const ROUTE = /^\/v([^/]+)\/data\/([^/]+)\/([^/]+)(?:\/(.*))?$/

/**
 * Loads the datasets and returns a request listener speaking Sanity's data API over them,
 * for embedding in your own `node:http` server (see {@link startLocalLake} for a ready server).
 * Requests on connections that arrive on a loopback address must be addressed to `localhost`,
 * `*.localhost`, `127.x.x.x` or `[::1]` (403 otherwise, against DNS rebinding); POST bodies must
 * be JSON (415); writes, listen and reads of drafts need the token; browser pages from origins
 * not in `corsOrigins` get 403, and so do requests other sites or ports make without CORS
 * (`Sec-Fetch-Site`: images, forms, scripts, links).
 *
 * @throws TypeError for invalid options
 * @throws LocalLakeError when a dataset cannot be loaded
 */
export async function createLocalLakeHandler(options: LocalLakeOptions): Promise<LocalLakeHandler> {
  return openLocalLake(resolveLakeOptions(options, 'createLocalLakeHandler'))
}

/**
 * Builds the handler from already-checked options. `hostCheck` says when requests must be
 * addressed to a loopback host name (default: when they arrive on a loopback address). @internal
 */
export async function openLocalLake(
  options: ResolvedLakeOptions,
  hostCheck: HostCheck = LOOPBACK_CONNECTIONS,
): Promise<LocalLakeHandler> {
  const {stores, locks, historyRepairs} = await loadDatasets(options)
  const runner = new GroqRunner(options.queryCacheSize)
  // Each worker holds a copy of the datasets it queries: about the heap they take here.
  // Workers start with the first query that needs one.
  const memoryMb = options.queryMemoryMb ?? 512 + Math.ceil(process.memoryUsage().heapUsed / 2 ** 20)
  const queries = options.queryWorkers > 0 ? new QueryPool(options.queryWorkers, memoryMb, options.queryCacheSize) : undefined
  const lake: Lake = {stores, runner, queries, options, hostCheck, streams: new Set(), bodies: new BodyBudget(BODIES_AT_ONCE * options.maxBodyBytes)}
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    serve(lake, request, response).catch((error: unknown) => {
      // Last resort: even sending the error failed. Keep serving others; drop this connection.
      console.error(`local lake: could not answer ${request.method} ${request.url}:`, error)
      response.destroy()
    })
  }
  return Object.assign(listener, {
    datasets: [...stores.keys()],
    token: options.token,
    historyRepairs,
    idle: async () => {
      await Promise.all([...stores.values()].map((store) => store.idle()))
    },
    closeStreams: () => {
      for (const response of lake.streams) response.end()
    },
    announce: async (url: string, port: number) => {
      await Promise.all(locks.map((lock) => lock.announce(url, port)))
    },
    close: async () => {
      for (const response of lake.streams) response.end()
      await queries?.close()
      await Promise.all([...stores.values()].map((store) => store.idle()))
      await Promise.all(locks.map((lock) => lock.release()))
    },
  })
}

interface Lake {
  stores: ReadonlyMap<string, DatasetStore>
  runner: GroqRunner
  queries: QueryPool | undefined
  options: ResolvedLakeOptions
  hostCheck: HostCheck
  /** Responses that stay open (listen), ended when the lake closes. */
  streams: Set<ServerResponse>
  /** Request bodies held at once. */
  bodies: BodyBudget
}

/** How many bodies of the largest size the lake holds at once (smaller ones: more). */
const BODIES_AT_ONCE = 4

/** Answers one request; every failure, including one while sending, becomes an error answer. */
async function serve(lake: Lake, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const disconnected = new AbortController()
  response.once('close', () => {
    if (!response.writableFinished) disconnected.abort()
  })
  let cors: Record<string, string> = {}
  let release = () => {}
  try {
    assertAllowedHost(request, lake.hostCheck)
    cors = corsHeaders(request, lake.options.corsOrigins)
    assertFetchMetadata(request, lake.options.corsOrigins, false)
    // Held from before the body is read until it is answered: its parsed values live that long.
    // The token holder's writes (an import's large transaction) never wait for strangers' bodies.
    if (!holdsToken(request, lake.options.token)) release = await lake.bodies.hold(request, lake.options.maxBodyBytes)
    const answer = await route(lake, request, response, cors, disconnected.signal)
    if (answer === undefined) return
    sendJson(response, answer.statusCode, answer.body, {...cors, ...answer.headers}, lake.options.maxResponseBytes)
  } catch (error) {
    if (disconnected.signal.aborted) return
    sendError(request, response, error, cors)
  } finally {
    release()
  }
}

async function route(
  lake: Lake,
  request: IncomingMessage,
  response: ServerResponse,
  cors: Record<string, string>,
  signal: AbortSignal,
): Promise<LakeResponse | undefined> {
  const {stores, options} = lake
  const method = request.method ?? 'GET'
  const url = URL.parse(request.url ?? '/', 'http://local-lake')
  if (url === null) throw new ApiError(400, 'httpBadRequest', `The request path ${JSON.stringify(request.url)} is not a valid URL path`)
  if (method === 'OPTIONS') return {statusCode: 204, body: undefined}
  const access = readAccess(request, options.token)
  const projectHeader = request.headers['x-sanity-project-id']
  const projectId = typeof projectHeader === 'string' && projectHeader !== '' ? projectHeader : 'local'
  for (const extra of LAKE_ROUTES) {
    const found = extra.path.exec(url.pathname)
    if (found === null) continue
    if (!extra.methods.includes(method)) throw methodNotAllowed(method, url.pathname, extra.methods)
    if (extra.access !== 'open') requireLoopbackOrToken(access)
    if (extra.access === 'token') requireToken(access, `Requests to ${url.pathname}`)
    const common = {request, response, access, corsHeaders: cors, method, url, projectId, runner: lake.runner, queries: lake.queries, options, signal, streams: lake.streams}
    return extra.handle({...common, stores, match: found})
  }
  requireLoopbackOrToken(access)
  const match = ROUTE.exec(url.pathname)
  const [, apiVersion = '', endpointName = '', datasetSegment = '', rest] = match ?? []
  const endpoint = DATA_ENDPOINTS.get(endpointName)
  if (match === null || (endpoint === undefined && !NOT_IMPLEMENTED.has(endpointName))) {
    throw notFound(
      `Unknown route ${method} ${url.pathname}; the local lake serves /v{apiVersion}/data/{${[...DATA_ENDPOINTS.keys()].join(',')}}/{dataset}`,
    )
  }
  if (endpoint === undefined) {
    throw new ApiError(501, 'notImplemented', `The local lake does not implement /data/${endpointName}`)
  }
  if (!endpoint.methods.includes(method)) throw methodNotAllowed(method, `/data/${endpointName}`, endpoint.methods)
  if (endpoint.access === 'token') requireToken(access, `Requests to /data/${endpointName}`)
  const dataset = safeDecode(datasetSegment)
  const store = stores.get(dataset)
  if (store === undefined) {
    throw notFound(`Dataset "${dataset}" not found; the local lake serves: ${[...stores.keys()].join(', ')}`)
  }
  if (endpoint.rest !== true && rest !== undefined && rest !== '') {
    throw notFound(`Unknown route ${method} ${url.pathname}`)
  }
  return endpoint.handle({
    request,
    response,
    access,
    corsHeaders: cors,
    method,
    url,
    store,
    apiVersion,
    projectId,
    rest: rest ?? '',
    runner: lake.runner,
    queries: lake.queries,
    options,
    signal,
    streams: lake.streams,
  })
}

function methodNotAllowed(method: string, path: string, methods: readonly string[]): ApiError {
  return new ApiError(405, 'httpMethodNotAllowed', `Method ${method} is not allowed on ${path}; use ${methods.join(' or ')}`, {}, {
    Allow: [...methods, 'OPTIONS'].join(', '),
  })
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function sendError(request: IncomingMessage, response: ServerResponse, error: unknown, cors: Record<string, string>): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  if (error instanceof ApiError) {
    if (error.statusCode === 413) {
      // The rest of the body is never read: close the connection rather than drain it.
      response.shouldKeepAlive = false
      response.once('finish', () => request.destroy())
      sendJson(response, 413, error.body, {...cors, ...error.headers, ...(request.httpVersionMajor < 2 ? {Connection: 'close'} : {})})
      return
    }
    sendJson(response, error.statusCode, error.body, {...cors, ...error.headers})
    return
  }
  if (isLocalLakeError(error) && error.code === 'DATASET_CHANGED_OUTSIDE') {
    // The client's write conflicts with an edit made to the file: a 409 it can show, not a crash.
    sendJson(response, 409, {error: {description: error.message, type: 'datasetChangedOutsideError'}}, cors)
    return
  }
  const description = isLocalLakeError(error)
    ? error.message
    : `Internal error in the local lake: ${error instanceof Error ? error.message : String(error)}`
  if (!isLocalLakeError(error)) console.error('local lake: internal error:', error)
  sendJson(response, 500, {error: {description, type: 'internalError'}}, cors)
}
