import type {IncomingMessage, ServerResponse} from 'node:http'

import type {DatasetStore} from '../store/dataset-store.ts'
import type {GroqRunner} from '../query/groq-runner.ts'
import type {LakeAccess} from '../http/lake-access.ts'
import type {QueryPool} from '../query/query-pool.ts'
import type {ResolvedLakeOptions} from '../lake-options.ts'

/** A routed data API request, as the endpoint handlers see it. */
export interface LakeRequest {
  request: IncomingMessage
  /** The response, for endpoints that stream (they must send {@link LakeRequest.corsHeaders}). */
  response: ServerResponse
  /** Whether the client holds the token, and whether it is on loopback. */
  access: LakeAccess
  /** CORS headers for this request's origin (empty without `Origin`). */
  corsHeaders: Record<string, string>
  method: string
  url: URL
  /** The dataset named in the URL. */
  store: DatasetStore
  /** The API version from the URL, without the `v` (`2025-02-19`, `1`, `X`). */
  apiVersion: string
  /** The project id the client sent (`X-Sanity-Project-ID`), or `local`. */
  projectId: string
  /** Path after the dataset segment (the ids of `/data/doc`), still URL-encoded. */
  rest: string
  runner: GroqRunner
  /** The worker threads that evaluate queries (`undefined` with `queryWorkers: 0`). */
  queries: QueryPool | undefined
  options: ResolvedLakeOptions
  /** Aborts when the client disconnects before the answer is sent. */
  signal: AbortSignal
  /** Open streaming responses; a streaming endpoint adds its response so `close()` can end it. */
  streams: Set<ServerResponse>
}

/** A request to a route outside the data API (no dataset in the path). */
export type LakeRouteRequest = Omit<LakeRequest, 'store' | 'rest' | 'apiVersion'> & {
  /** Every dataset served, by name. */
  stores: ReadonlyMap<string, DatasetStore>
  /** The groups of the route's `path` match. */
  match: RegExpExecArray
}

/** What an endpoint handler answers with (sent as JSON). */
export interface LakeResponse {
  statusCode: number
  body: unknown
  /** Extra response headers. */
  headers?: Record<string, string>
}
