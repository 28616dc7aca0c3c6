import {createClient, type ClientConfig, type SanityClient} from '@sanity/client'
import type {ContentSource} from './content-source.ts'
import {defaultApiVersion, type SanityProjectConfig} from './sanity-project-config.ts'

/**
 * Creates the `@sanity/client` behind a {@link SanityProjectConfig}. Retries are the package's
 * own; queries are sent as given (the package's come without their layout), by a caller's client too.
 */
export function sanitySource(config: SanityProjectConfig): ContentSource {
  return clientSource(
    createClient({
      projectId: config.projectId,
      dataset: config.dataset,
      apiVersion: config.apiVersion ?? defaultApiVersion,
      token: config.token,
      useCdn: config.useCdn ?? !config.token,
      perspective: config.perspective ?? 'published',
      // Unset, @sanity/client's own default host (with the project id in the host name).
      apiHost: config.apiHost,
      useProjectHostname: !config.apiHost,
      maxRetries: 0,
    }),
  )
}

/**
 * A `SanityClient` as a source, the package's or the caller's. It is asked for the whole response
 * body and `result` is taken here: the client's own `res.result` throws a TypeError on a 200 with
 * an empty body, which the reader would rethrow as a bug in the caller's code instead of a
 * malformed answer.
 */
function clientSource(client: SanityClient): ContentSource {
  return {
    fetch: (query, params, options = {}) =>
      client
        .fetch(query, params, {
          ...options,
          // A read with its own token or of drafts never goes to the CDN (which serves published content to anyone).
          ...((options.token !== undefined || options.perspective === 'drafts') && {useCdn: false}),
          filterResponse: false,
          returnQuery: false,
        })
        .then((body) => (body as {result?: unknown} | undefined)?.result as never),
  }
}

/**
 * A `SanityClient` retries 5 times by default; under the package's own retries that would make
 * up to 18 requests for 3 attempts. Its retries are fixed when it is created (`withConfig` keeps
 * them), so the package makes a client of the same config (project, dataset, token, host,
 * perspective) with `maxRetries: 0` for its own calls; the caller's client is left as it is.
 * Other sources are used as given.
 */
export function withoutOwnRetries(source: ContentSource): ContentSource {
  const client = source as ContentSource & {config?: () => unknown; withConfig?: unknown}
  if (typeof client.config !== 'function' || typeof client.withConfig !== 'function') return source
  return clientSource(createClient({...(client.config() as ClientConfig), maxRetries: 0}))
}
