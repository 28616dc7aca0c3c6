import type {IncomingMessage} from 'node:http'

import {ApiError, badRequest, notFound} from '../api-error.ts'
import {readBody} from '../http/read-body.ts'
import {authorOfIdentity, LOCAL_LAKE_USER_ID} from '../lake-identity.ts'
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

/**
 * The project grants (`/projects/{id}/grants`), in Sanity's shape (resource type → grant sets):
 * the project can be read, and nothing else. In particular no `deployStudio` (the Studio then
 * uploads no schema or manifest) and no member `invite` (the Studio then offers no invitations).
 */
export const LOCAL_PROJECT_GRANTS = {
  'sanity.project': [{grants: [{name: 'read', params: {}}], config: {}}],
  'sanity.project.members': [{grants: [{name: 'read', params: {}}], config: {}}],
} as const

/**
 * The users of `ids` in the shape of Sanity's `/users/{ids}`: the lake's one user, and the tools
 * that named themselves as authors of writes (`translations import de.xlf`, see `authorIdentity`),
 * with that name; other ids are left out, as Sanity leaves out users it does not know.
 */
function users(ids: readonly string[]): Array<{id: string; displayName: string; isCurrentUser: boolean}> {
  return ids.flatMap((id) => {
    const name = id === LOCAL_USER.id ? LOCAL_USER.name : authorOfIdentity(id)
    return name === undefined ? [] : [{id, displayName: name, isCurrentUser: id === LOCAL_USER.id}]
  })
}

/** Where the Studio API of a local lake looks for what it needs from the request. */
export interface StudioApiContext {
  /** Whether the request carries the lake's token. */
  authorized: boolean
  /** The datasets served, to answer `acl` and the dataset list only for those. */
  datasets: readonly string[]
  /** The project id the Studio was built with (`local`). */
  projectId: string
}

/** Answers one Studio API request; see {@link createStudioApi}. */
export type StudioApi = (request: IncomingMessage, url: URL, context: StudioApiContext) => Promise<LakeResponse>

/** Most key-value pairs the lake keeps for the Studio (its layout and sort choices), and their size. */
const MAX_KEYS = 1_000
const MAX_KEY_VALUE_BODY = 64 * 1024
const CREATED_AT = '2026-01-01T00:00:00.000Z'

interface Route {
  method: 'GET' | 'PUT' | 'POST'
  path: RegExp
  /** Answered without the token (nothing in it is private). */
  public?: boolean
  answer: (match: RegExpExecArray, request: IncomingMessage, url: URL, context: StudioApiContext) => LakeResponse | Promise<LakeResponse>
}

/**
 * Answers the project-level requests a Sanity Studio makes besides the data API, as a hosted
 * project with one user and no paid add-ons would, so no control of the Studio meets an error:
 * the user and grants, the project and its datasets, the features (none), the user's key-value
 * store (kept in memory: layout and sort choices), and empty answers for the services that have
 * no offline meaning (journey/upsell content, help resources, telemetry, which is always denied,
 * scheduled publishing, user applications). Everything needs the token (401 otherwise, which
 * the Studio shows as its login screen), except `/ping`, the Studio's protocol probe.
 *
 * @returns a handler with its own key-value store
 */
export function createStudioApi(): StudioApi {
  const keyValues = new Map<string, unknown>()
  const routes: Route[] = [
    {method: 'GET', path: /^\/ping$/, public: true, answer: () => ok('PONG')},
    {method: 'GET', path: /^\/users\/me$/, answer: () => ok(LOCAL_USER)},
    // The Studio's user store: who made a change in its history (`/users/{id1,id2}`).
    {method: 'GET', path: /^\/users\/([^/]+)$/, answer: (match) => ok(users(safeDecode(match[1] ?? '').split(',')))},
    // The Studio's auth probe: who the token belongs to.
    {method: 'GET', path: /^\/auth\/id$/, answer: () => ok({id: LOCAL_USER.id})},
    {
      method: 'GET',
      path: /^\/projects\/([^/]+)\/datasets\/([^/]+)\/acl$/,
      answer: (match, _request, _url, context) => {
        const dataset = safeDecode(match[2] ?? '')
        if (!context.datasets.includes(dataset)) throw notFound(`Dataset "${dataset}" not found; the local lake serves: ${context.datasets.join(', ')}`)
        return ok(LOCAL_GRANTS)
      },
    },
    {method: 'GET', path: /^\/projects\/([^/]+)\/grants$/, answer: () => ok(LOCAL_PROJECT_GRANTS)},
    {method: 'GET', path: /^\/projects\/([^/]+)$/, answer: (_match, _request, _url, context) => ok(project(context))},
    {
      method: 'GET',
      path: /^\/projects\/([^/]+)\/datasets$/,
      // Add-on datasets (comments) do not exist offline.
      answer: (_match, _request, url, context) => ok(url.searchParams.has('addonFor') ? [] : context.datasets.map(dataset)),
    },
    {method: 'GET', path: /^\/projects\/([^/]+)\/user-applications$/, answer: () => ok([])},
    {method: 'GET', path: /^\/features$/, answer: () => ok([])},
    {method: 'GET', path: /^\/journey\/.+$/, answer: () => ok(null)},
    {method: 'GET', path: /^\/help$/, answer: () => ok({resources: {sectionArray: []}})},
    {method: 'GET', path: /^\/intake\/telemetry-status$/, answer: () => ok({status: 'denied'})},
    // Telemetry is denied above, so the Studio should send none; anything sent is dropped.
    {method: 'POST', path: /^\/intake\/batch$/, answer: () => ({statusCode: 204, body: undefined})},
    {method: 'GET', path: /^\/schedules\/([^/]+)\/([^/]+)$/, answer: () => ok({schedules: []})},
    {
      method: 'GET',
      path: /^\/users\/me\/keyvalue\/([^/]+)$/,
      answer: (match) => {
        const keys = safeDecode(match[1] ?? '').split(',')
        return ok(keys.filter((key) => keyValues.has(key)).map((key) => ({key, value: keyValues.get(key)})))
      },
    },
    {
      method: 'PUT',
      path: /^\/users\/me\/keyvalue$/,
      answer: async (_match, request) => {
        const pairs = parseKeyValues(await readBody(request, MAX_KEY_VALUE_BODY))
        for (const {key} of pairs) {
          if (!keyValues.has(key) && keyValues.size >= MAX_KEYS) throw badRequest(`The local lake keeps at most ${MAX_KEYS} key-value pairs`)
        }
        for (const {key, value} of pairs) keyValues.set(key, value)
        return ok(pairs)
      },
    },
  ]

  return async (request, url, context) => {
    const path = url.pathname.replace(/^\/v[^/]+/, '')
    const method = request.method ?? 'GET'
    const matching = routes.filter((route) => route.path.test(path))
    if (matching.length === 0) {
      throw notFound(`${url.pathname} is a hosted Sanity service that is not available offline; the local lake answers the Studio's user, project and data API`)
    }
    const route = matching.find((candidate) => candidate.method === method || (method === 'HEAD' && candidate.method === 'GET'))
    if (route === undefined) {
      const allowed = [...new Set(matching.map((candidate) => candidate.method))].join(', ')
      throw new ApiError(405, 'httpMethodNotAllowed', `Method ${method} is not allowed on ${url.pathname}; use ${allowed}`, {}, {Allow: `${allowed}, OPTIONS`})
    }
    if (!route.public && !context.authorized) {
      throw new ApiError(401, 'httpUnauthorized', 'Not logged in: send the token `pnpm studio` printed as "Authorization: Bearer <token>"')
    }
    return route.answer(route.path.exec(path)!, request, url, context)
  }
}

function ok(body: unknown): LakeResponse {
  return {statusCode: 200, body}
}

/** The project as Sanity's `/projects/{id}` describes it: one member, the local editor, no organization. */
function project(context: StudioApiContext) {
  return {
    id: context.projectId,
    displayName: 'Treatments (local)',
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    activityFeedEnabled: false,
    metadata: {},
    maxRetentionDays: 0,
    organizationId: null,
    organization: null,
    createdAt: CREATED_AT,
    createdBy: LOCAL_USER.id,
    pendingInvites: 0,
    features: [],
    members: [{id: LOCAL_USER.id, role: 'administrator', roles: LOCAL_USER.roles, isRobot: false, isCurrentUser: true, createdAt: CREATED_AT, updatedAt: CREATED_AT}],
  }
}

function dataset(name: string) {
  return {name, aclMode: 'private', createdAt: CREATED_AT, createdByUserId: LOCAL_USER.id, addonFor: null, datasetProfile: 'content', features: [], tags: []}
}

/** `[{key, value}]` with string keys, as the Studio's key-value store sends it. */
function parseKeyValues(text: string): Array<{key: string; value: unknown}> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`)
  }
  const pairs = Array.isArray(value) ? value : [value]
  for (const pair of pairs) {
    if (typeof pair !== 'object' || pair === null || typeof (pair as {key?: unknown}).key !== 'string' || (pair as {key: string}).key === '') {
      throw badRequest('Request body must be an array of {"key": string, "value": any}')
    }
  }
  return pairs.map((pair: {key: string; value?: unknown}) => ({key: pair.key, value: pair.value ?? null}))
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
