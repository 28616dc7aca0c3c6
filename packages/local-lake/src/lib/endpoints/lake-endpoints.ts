import {handleActions} from './handle-actions.ts'
import {handleDoc} from './handle-doc.ts'
import {handleHistory} from './handle-history.ts'
import {handleListen} from './handle-listen.ts'
import {handleLiveEvents} from './handle-live-events.ts'
import {handleMutate} from './handle-mutate.ts'
import {handleQuery} from './handle-query.ts'
import {handleReferences} from './handle-references.ts'
import type {LakeRequest, LakeResponse, LakeRouteRequest} from './lake-request.ts'

/** One endpoint of the data API, `/v{version}/data/{name}/{dataset}[/{rest}]`. */
export interface DataEndpoint {
  /** HTTP methods accepted (others get 405). */
  methods: readonly string[]
  /**
   * Who may call it: `read` is open to anonymous loopback clients (the handler still refuses
   * drafts to them); `token` needs the lake's token.
   */
  access: 'read' | 'token'
  /** Whether the path may go on after the dataset segment (`/data/doc/{dataset}/{ids}`). */
  rest?: boolean
  /**
   * Answers the request. Returning `undefined` means the handler wrote the response itself
   * (a stream such as listen); it must then send `context.corsHeaders` too.
   */
  handle(context: LakeRequest): LakeResponse | undefined | Promise<LakeResponse | undefined>
}

/**
 * The data API endpoints the lake serves, by name. Add an endpoint by adding an entry (its
 * handler in its own file).
 */
export const DATA_ENDPOINTS: ReadonlyMap<string, DataEndpoint> = new Map<string, DataEndpoint>([
  ['query', {methods: ['GET', 'HEAD', 'POST'], access: 'read', handle: handleQuery}],
  ['doc', {methods: ['GET', 'HEAD'], access: 'read', rest: true, handle: handleDoc}],
  ['mutate', {methods: ['POST'], access: 'token', handle: handleMutate}],
  ['listen', {methods: ['GET'], access: 'token', handle: handleListen}],
  ['actions', {methods: ['POST'], access: 'token', handle: handleActions}],
  ['history', {methods: ['GET'], access: 'token', rest: true, handle: handleHistory}],
  ['references', {methods: ['GET', 'HEAD'], access: 'read', rest: true, handle: handleReferences}],
])

/** Data API endpoints Content Lake has and the local lake answers with 501. */
export const NOT_IMPLEMENTED: ReadonlySet<string> = new Set(['live', 'export', 'releases'])

/**
 * A route outside the data API (for example `/v{version}/users/me`): matched on the whole path
 * before the data API routes are.
 */
export interface LakeRoute {
  /** Matches the URL path (`/v2025-02-19/users/me`). */
  path: RegExp
  /** HTTP methods accepted (others get 405). */
  methods: readonly string[]
  /** `open`: anyone the Host and CORS checks let through; `read`: loopback or token; `token`: the token. */
  access: 'open' | 'read' | 'token'
  /** Answers the request; `undefined` means the handler wrote the response itself. */
  handle(context: LakeRouteRequest): LakeResponse | undefined | Promise<LakeResponse | undefined>
}

/** Routes outside the data API. Add one by adding an entry (its handler in its own file). */
export const LAKE_ROUTES: readonly LakeRoute[] = [
  // The Live Content API (`client.live.events()`); its path has no dataset where the data API's has.
  {path: /^\/v([^/]+)\/data\/live\/events\/([^/]+)$/, methods: ['GET'], access: 'read', handle: handleLiveEvents},
]
