import {createClient, type ClientConfig, type ClientPerspective} from '@sanity/client'
import type {ContentSource} from './content-source.ts'
import {minifyGroq} from '../query/minify-groq.ts'
import {defaultApiVersion, type SanityProjectConfig} from './sanity-project-config.ts'

/**
 * Creates the `@sanity/client` behind a {@link SanityProjectConfig}. Retries are the package's
 * own; queries are sent without their layout (`minifyGroq`).
 */
export function sanitySource(config: SanityProjectConfig): ContentSource {
  const perspective: ClientPerspective = config.perspective ?? 'published'
  const client = createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion ?? defaultApiVersion,
    ...(config.token ? {token: config.token} : {}),
    useCdn: config.useCdn ?? !config.token,
    perspective,
    ...(config.apiHost ? {apiHost: config.apiHost, useProjectHostname: false} : {}),
    maxRetries: 0,
  })
  return {
    fetch: (query, params, options = {}) =>
      // A read with its own token or of drafts never goes to the CDN (which serves published content to anyone).
      client.fetch(minifyGroq(query), params, options.token !== undefined || options.perspective === 'drafts' ? {...options, useCdn: false} : options),
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
  const config = client.config() as ClientConfig
  if (config.maxRetries === 0) return source
  return createClient({...config, maxRetries: 0})
}
