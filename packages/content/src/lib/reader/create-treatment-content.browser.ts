import type {TreatmentContent, TreatmentContentOptions} from '../types.ts'
import {createContentReader} from './create-content-reader.ts'
import {queryApiSource} from '../source/query-api-source.ts'

/**
 * `createTreatmentContent` for browser bundles: the same options, checks, retries, cache,
 * localization and fallback report as the main entry's, but a Sanity project's settings are
 * read with the platform's `fetch` against Sanity's query API (GET with `$params`,
 * `perspective=published`, the CDN host) instead of `@sanity/client`, which alone is about
 * 40 kB gzip. A `ContentSource` you pass (your own client) is used as it is: give a
 * `SanityClient` `maxRetries: 0`, or its own retries multiply the package's.
 *
 * @example
 * ```ts
 * import {createTreatmentContent} from '@treatments/content/browser'
 *
 * const content = createTreatmentContent({source: {projectId: 'abc123', dataset: 'production'}})
 * const {treatment, fallbacks} = await content.getTreatment('mesotherapy-cellulite', {locale: navigator.languages})
 * ```
 * @public
 */
export function createTreatmentContent(options: TreatmentContentOptions): TreatmentContent {
  return createContentReader(options, {project: (config) => queryApiSource(config), client: (source) => source})
}
