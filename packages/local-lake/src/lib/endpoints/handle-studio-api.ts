import type {IncomingMessage} from 'node:http'

import {ApiError, notFound} from '../api-error.ts'
import {LOCAL_LAKE_USER_ID} from '../lake-identity.ts'
import type {LakeResponse} from './lake-request.ts'

/** The one user of a local lake, as Sanity's `/users/me` describes a user (its id is the `identity` of listen events). */
export const LOCAL_USER = {
  id: LOCAL_LAKE_USER_ID,
  name: 'Local editor',
  email: 'editor@localhost',
  provider: 'local',
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator', description: 'Reads and writes every document of the local lake'}],
} as const

/**
 * What the token holder may do, in the shape of Sanity's dataset ACL (`grants`): everything, on
 * every document. `history` is granted because the Studio hides the history panel without it; the
 * lake answers the history API from the dataset's history log.
 */
export const LOCAL_GRANTS = [{filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history']}] as const

/** Where the Studio API of a local lake looks for what it needs from the request. */
export interface StudioApiContext {
  /** Whether the request carries the lake's token. */
  authorized: boolean
  /** The datasets served, to answer `acl` only for those. */
  datasets: readonly string[]
}

const USERS_ME = /^\/v[^/]+\/users\/me$/
const DATASET_ACL = /^\/v[^/]+\/projects\/[^/]+\/datasets\/([^/]+)\/acl$/

/**
 * Answers the project-level API requests a Sanity Studio makes besides the data API:
 * `GET /v{version}/users/me` (the local user) and `GET /v{version}/projects/{projectId}/datasets/{dataset}/acl`
 * (grants), both only with the token (401 otherwise, which the Studio shows as its login screen).
 * Everything else a Studio asks for (project, features, key-value store, journey, help, ping,
 * intake, presence socket, scheduled publishing) is a hosted Sanity service: it gets a 404 that
 * says so, which the Studio tolerates.
 *
 * @throws ApiError 401 without the token, 404 for anything else, 405 for a method other than GET
 */
export function handleStudioApi(request: IncomingMessage, url: URL, context: StudioApiContext): LakeResponse {
  const method = request.method ?? 'GET'
  const acl = DATASET_ACL.exec(url.pathname)
  if (!USERS_ME.test(url.pathname) && acl === null) {
    throw notFound(`${url.pathname} is a hosted Sanity service that is not available offline; the local lake answers only /users/me, /projects/{id}/datasets/{name}/acl and the data API`)
  }
  if (method !== 'GET' && method !== 'HEAD') {
    throw new ApiError(405, 'httpMethodNotAllowed', `Method ${method} is not allowed on ${url.pathname}; use GET`, {}, {Allow: 'GET, HEAD, OPTIONS'})
  }
  if (!context.authorized) {
    throw new ApiError(401, 'httpUnauthorized', 'Not logged in: send the token `pnpm studio` printed as "Authorization: Bearer <token>"')
  }
  if (acl === null) return {statusCode: 200, body: LOCAL_USER}
  const dataset = safeDecode(acl[1] ?? '')
  if (!context.datasets.includes(dataset)) {
    throw notFound(`Dataset "${dataset}" not found; the local lake serves: ${context.datasets.join(', ')}`)
  }
  return {statusCode: 200, body: LOCAL_GRANTS}
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
