import type {ContentSource, SourceFetchOptions} from './content-source.ts'
import {defaultApiVersion, type SanityProjectConfig} from './sanity-project-config.ts'

/** Longest GET URL before the query goes in a POST body, as `@sanity/client` decides. */
const maxGetUrlLength = 11_264

/**
 * A {@link ContentSource} over Sanity's HTTP query API with the platform's `fetch`, for browser
 * bundles that cannot afford `@sanity/client`: `GET /v{apiVersion}/data/query/{dataset}` with
 * `query`, `$name=<JSON>` parameters, `perspective` (default `published`) and
 * `returnQuery=false` (the query as given: the package's come without their layout), on the CDN host
 * (`{projectId}.apicdn.sanity.io`) unless `useCdn: false` or a token is set; a query whose URL would pass 11,264 characters goes in a POST body, as
 * `@sanity/client` does. HTTP errors carry `statusCode` and the response's headers, so the
 * package's retries (429, 5xx, `Retry-After`) work as with `@sanity/client`.
 *
 * @param config - A checked Sanity project configuration.
 * @param fetchImpl - The `fetch` to use. Default `globalThis.fetch`.
 * @internal
 */
export function queryApiSource(config: SanityProjectConfig, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): ContentSource {
  const useCdn = config.useCdn ?? !config.token
  const host = config.apiHost
    ? config.apiHost.replace(/\/+$/, '')
    : `https://${config.projectId}.${useCdn ? 'apicdn' : 'api'}.sanity.io`
  const path = `/v${config.apiVersion ?? defaultApiVersion}/data/query/${encodeURIComponent(config.dataset)}`
  const publicEndpoint = `${host}${path}`
  const privateEndpoint = `https://${config.projectId}.api.sanity.io${path}`
  const baseHeaders: Record<string, string> = {accept: 'application/json'}
  if (config.token) baseHeaders.authorization = `Bearer ${config.token}`

  return {
    async fetch<R>(query: string, params: Record<string, unknown>, requestOptions: SourceFetchOptions = {}): Promise<R> {
      // A read's own token and perspective win over the config's; such a read skips the CDN.
      const headers = requestOptions.token === undefined ? baseHeaders : {...baseHeaders, authorization: `Bearer ${requestOptions.token}`}
      const perspective = requestOptions.perspective ?? config.perspective ?? 'published'
      const options = `perspective=${encodeURIComponent(perspective)}&returnQuery=false`
      const endpoint = (requestOptions.token !== undefined || perspective === 'drafts') && !config.apiHost ? privateEndpoint : publicEndpoint
      let search = `?query=${encodeURIComponent(query)}`
      for (const [name, value] of Object.entries(params)) search += `&${encodeURIComponent(`$${name}`)}=${encodeURIComponent(JSON.stringify(value))}`
      const get = `${endpoint}${search}&${options}`
      const init: RequestInit =
        get.length <= maxGetUrlLength
          ? {method: 'GET', headers}
          : {method: 'POST', headers: {...headers, 'content-type': 'application/json'}, body: JSON.stringify({query, params})}
      let response: Response
      try {
        response = await fetchImpl(init.method === 'GET' ? get : `${endpoint}?${options}`, {...init, ...(requestOptions.signal ? {signal: requestOptions.signal} : {})})
      } catch (error) {
        // A browser's failed fetch is a bare `TypeError`: say it is the network, so it is retried.
        if ((error as {name?: unknown} | null)?.name === 'AbortError') throw error
        // Outside browsers the failed fetch's own cause says why (`connect ECONNREFUSED 127.0.0.1:3334`).
        const cause = (error as {cause?: {message?: unknown}} | null)?.cause?.message
        throw Object.assign(new Error(`Request to ${host} failed: ${(error as Error)?.message ?? String(error)}${typeof cause === 'string' ? ` (${cause})` : ''}`, {cause: error}), {
          code: 'ECONNRESET',
        })
      }
      const text = await response.text()
      if (!response.ok) {
        let detail = text.slice(0, 200)
        try {
          const body = JSON.parse(text) as {error?: {description?: unknown}; message?: unknown}
          const description = body.error?.description ?? body.message
          if (typeof description === 'string') detail = description
        } catch {
          // Not JSON: keep the start of the text.
        }
        throw Object.assign(new Error(`HTTP ${response.status} from ${host}: ${detail}`), {
          statusCode: response.status,
          response: {headers: Object.fromEntries(response.headers)},
        })
      }
      let body: {result?: unknown}
      try {
        body = JSON.parse(text) as {result?: unknown}
      } catch {
        // Say where: "Unexpected token '<'" alone does not tell that apiHost is some other server.
        throw new Error(`HTTP ${response.status} from ${host} is not JSON: ${text.slice(0, 200)}`)
      }
      return body?.result as R
    },
  }
}
