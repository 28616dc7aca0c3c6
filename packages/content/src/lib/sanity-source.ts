import {createClient, type ClientPerspective} from '@sanity/client'
import type {ContentSource} from './content-source.ts'
import {minifyGroq} from './minify-groq.ts'
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
  return {fetch: (query, params, options) => client.fetch(minifyGroq(query), params, options ?? {})}
}
