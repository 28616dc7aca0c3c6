import {fileURLToPath} from 'node:url'
import {createTreatmentContent, type TreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'

/** The embedded dataset of the repository. */
export const defaultDatasetPath = fileURLToPath(new URL('../../../../content/dataset.ndjson', import.meta.url))

/** Where {@link contentFromEnv} reads content from, for the startup message. */
export interface ContentChoice {
  content: TreatmentContent
  /** `Sanity project abc123, dataset production` or `NDJSON /path/to/dataset.ndjson`. */
  description: string
}

/**
 * Content for the site from environment variables: a Sanity project when `SANITY_PROJECT_ID` is
 * set (`SANITY_DATASET`, default `production`; optional `SANITY_TOKEN`, server-side only;
 * optional `SANITY_API_HOST`), else the NDJSON file in `CONTENT_DATASET`, else the embedded
 * dataset. Sanity answers are cached for a minute, and the last good answer is served when
 * Sanity cannot be reached; answers of a local lake (`SANITY_API_HOST` on localhost) are not cached.
 */
export function contentFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): ContentChoice {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  if (projectId) {
    const dataset = env.SANITY_DATASET?.trim() || 'production'
    const token = env.SANITY_TOKEN?.trim() || undefined
    const apiHost = env.SANITY_API_HOST?.trim() || undefined
    const content = createTreatmentContent({
      source: {projectId, dataset, useCdn: token === undefined, ...(token ? {token} : {}), ...(apiHost ? {apiHost} : {})},
      // A local lake (`pnpm studio`, `pnpm lake`) is on this machine: no cache, so a change
      // published in the Studio shows on the next request.
      ...(apiHost !== undefined && isLoopbackUrl(apiHost) ? {} : {cache: {ttlMs: 60_000}}),
    })
    return {content, description: `Sanity project ${projectId}, dataset ${dataset}${apiHost ? ` at ${apiHost}` : ''}`}
  }
  const path = env.CONTENT_DATASET?.trim() || defaultDatasetPath
  return {content: createTreatmentContent({source: localDataset(path)}), description: `NDJSON ${path}`}
}

function isLoopbackUrl(url: string): boolean {
  try {
    const {hostname} = new URL(url)
    return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.startsWith('127.') || hostname === '[::1]'
  } catch {
    return false
  }
}
