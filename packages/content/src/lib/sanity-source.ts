import {createClient, type ClientConfig, type ClientPerspective} from '@sanity/client'
import type {ContentSource} from './content-source.ts'

/**
 * A Sanity project to read from.
 *
 * @public
 */
export interface SanityProjectConfig {
  projectId: string
  dataset: string
  /** Sanity API version, a `YYYY-MM-DD` date. Default: {@link defaultApiVersion}. */
  apiVersion?: string
  /** A read token. Needed for private datasets and drafts; server-only. */
  token?: string
  /** Use Sanity's CDN. Default: `true` without a token, `false` with one. */
  useCdn?: boolean
  /** Default `published`. `drafts` needs a token. */
  perspective?: 'published' | 'drafts' | 'raw'
  /**
   * Another host that speaks Sanity's HTTP API, such as the local lake
   * (`http://127.0.0.1:3333`). The project id is then not put into the host name.
   */
  apiHost?: string
}

/**
 * The Sanity API version the package's queries are written for.
 *
 * @public
 */
export const defaultApiVersion = '2025-02-19'

/** Creates the `@sanity/client` behind a {@link SanityProjectConfig}. Retries are the package's own. */
export function sanitySource(config: SanityProjectConfig): ContentSource {
  const perspective: ClientPerspective = config.perspective ?? 'published'
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion ?? defaultApiVersion,
    ...(config.token ? {token: config.token} : {}),
    useCdn: config.useCdn ?? !config.token,
    perspective,
    ...(config.apiHost ? {apiHost: config.apiHost, useProjectHostname: false} : {}),
    maxRetries: 0,
  })
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
