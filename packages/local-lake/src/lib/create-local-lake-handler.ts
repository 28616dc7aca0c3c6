import type {IncomingMessage, ServerResponse} from 'node:http'

import {ApiError, notFound} from './api-error.ts'
import type {DatasetStore} from './dataset-store.ts'
import {GroqRunner} from './groq-runner.ts'
import {handleDoc} from './handle-doc.ts'
import {handleMutate} from './handle-mutate.ts'
import {handleQuery} from './handle-query.ts'
import {type HostCheck, LOOPBACK_CONNECTIONS, assertAllowedHost} from './host-check.ts'
import {type LocalLakeOptions, type ResolvedLakeOptions, resolveLakeOptions} from './lake-options.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {loadDatasets} from './load-datasets.ts'
import {isLocalLakeError} from './local-lake-error.ts'
import {sendJson} from './send-json.ts'

/** A `node:http` request listener serving the local lake, plus a way to wait for pending writes. */
export interface LocalLakeHandler {
  (request: IncomingMessage, response: ServerResponse): void
  /** Names of the datasets served. */
  readonly datasets: readonly string[]
  /** Resolves once every mutation received so far has been applied and written. */
  idle(): Promise<void>
}

const ROUTE = /^\/v([^/]+)\/data\/([^/]+)\/([^/]+)(?:\/(.*))?$/
const ENDPOINTS: Record<string, {methods: string[]; handle: (context: LakeRequest) => LakeResponse | Promise<LakeResponse>}> = {
  query: {methods: ['GET', 'HEAD', 'POST'], handle: handleQuery},
  doc: {methods: ['GET', 'HEAD'], handle: handleDoc},
  mutate: {methods: ['POST'], handle: handleMutate},
}
const NOT_IMPLEMENTED = new Set(['listen', 'live', 'history', 'actions', 'export', 'releases'])

/**
 * Loads the datasets and returns a request listener speaking Sanity's data API over them,
 * for embedding in your own `node:http` server (see {@link startLocalLake} for a ready server).
 * Requests on connections that arrive on a loopback address must be addressed to `localhost`,
 * `127.x.x.x` or `[::1]` (403 otherwise, against DNS rebinding); POST bodies must be JSON (415).
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
  const stores = await loadDatasets(options)
  const runner = new GroqRunner(options.queryCacheSize)
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    serve(request, response, stores, runner, options, hostCheck).catch((error: unknown) => {
      // Last resort: even sending the error failed. Keep serving others; drop this connection.
      console.error(`local lake: could not answer ${request.method} ${request.url}:`, error)
      response.destroy()
    })
  }
  return Object.assign(listener, {
    datasets: [...stores.keys()],
    idle: async () => {
      await Promise.all([...stores.values()].map((store) => store.idle()))
    },
  })
}

/** Answers one request; every failure, including one while sending, becomes an error answer. */
async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  stores: ReadonlyMap<string, DatasetStore>,
  runner: GroqRunner,
  options: ResolvedLakeOptions,
  hostCheck: HostCheck,
): Promise<void> {
  const disconnected = new AbortController()
  response.once('close', () => {
    if (!response.writableFinished) disconnected.abort()
  })
  try {
    const answer = await route(request, stores, runner, options, hostCheck, disconnected.signal)
    sendJson(response, answer.statusCode, answer.body, answer.headers, options.maxResponseBytes)
  } catch (error) {
    if (disconnected.signal.aborted) return
    sendError(request, response, error)
  }
}

async function route(
  request: IncomingMessage,
  stores: ReadonlyMap<string, DatasetStore>,
  runner: GroqRunner,
  options: ResolvedLakeOptions,
  hostCheck: HostCheck,
  signal: AbortSignal,
): Promise<LakeResponse> {
  assertAllowedHost(request, hostCheck)
  const method = request.method ?? 'GET'
  const url = new URL(request.url ?? '/', 'http://local-lake')
  if (method === 'OPTIONS') return {statusCode: 204, body: undefined}
  const match = ROUTE.exec(url.pathname)
  const [, apiVersion = '', endpointName = '', datasetSegment = '', rest] = match ?? []
  const endpoint = ENDPOINTS[endpointName]
  if (match === null || (endpoint === undefined && !NOT_IMPLEMENTED.has(endpointName))) {
    throw notFound(
      `Unknown route ${method} ${url.pathname}; the local lake serves /v{apiVersion}/data/query/{dataset}, /data/doc/{dataset}/{ids} and /data/mutate/{dataset}`,
    )
  }
  if (endpoint === undefined) {
    throw new ApiError(501, 'notImplemented', `The local lake does not implement /data/${endpointName}`)
  }
  if (!endpoint.methods.includes(method)) {
    throw new ApiError(
      405,
      'httpMethodNotAllowed',
      `Method ${method} is not allowed on /data/${endpointName}; use ${endpoint.methods.join(' or ')}`,
      {},
      {Allow: [...endpoint.methods, 'OPTIONS'].join(', ')},
    )
  }
  const dataset = safeDecode(datasetSegment)
  const store = stores.get(dataset)
  if (store === undefined) {
    throw notFound(`Dataset "${dataset}" not found; the local lake serves: ${[...stores.keys()].join(', ')}`)
  }
  if (endpointName !== 'doc' && rest !== undefined && rest !== '') {
    throw notFound(`Unknown route ${method} ${url.pathname}`)
  }
  const projectHeader = request.headers['x-sanity-project-id']
  return endpoint.handle({
    request,
    method,
    url,
    store,
    apiVersion,
    projectId: typeof projectHeader === 'string' && projectHeader !== '' ? projectHeader : 'local',
    rest: rest ?? '',
    runner,
    options,
    signal,
  })
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function sendError(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  if (error instanceof ApiError) {
    if (error.statusCode === 413) {
      // The rest of the body is never read: close the connection rather than drain it.
      response.shouldKeepAlive = false
      response.once('finish', () => request.destroy())
      sendJson(response, 413, error.body, {...error.headers, Connection: 'close'})
      return
    }
    sendJson(response, error.statusCode, error.body, error.headers)
    return
  }
  const description = isLocalLakeError(error)
    ? error.message
    : `Internal error in the local lake: ${error instanceof Error ? error.message : String(error)}`
  sendJson(response, 500, {error: {description, type: 'internalError'}})
}
