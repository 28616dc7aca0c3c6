import {join} from 'node:path'
import {createTreatmentContent, type TreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'

/**
 * Where the site's content comes from, as the example site's `contentFromEnv`: a Sanity project
 * (or a local lake) when `SANITY_PROJECT_ID` is set (`SANITY_DATASET`, default `production`;
 * optional `SANITY_TOKEN`, server-side only; optional `SANITY_API_HOST`), else the NDJSON file in
 * `CONTENT_DATASET`, else the repository's embedded dataset.
 *
 * Sanity is read without its CDN, so that the pages made after a webhook see the change, and its
 * answers are kept for a minute; when it fails, the last good answer is served.
 */
export function contentFromEnv(env: NodeJS.ProcessEnv = process.env): TreatmentContent {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  if (projectId) {
    const token = env.SANITY_TOKEN?.trim() || undefined
    const apiHost = env.SANITY_API_HOST?.trim() || undefined
    return createTreatmentContent({
      source: {projectId, dataset: env.SANITY_DATASET?.trim() || 'production', useCdn: false, ...(token ? {token} : {}), ...(apiHost ? {apiHost} : {})},
      cache: {ttlMs: 60_000},
    })
  }
  // `next build` and `next start` run in this package's directory.
  const path = env.CONTENT_DATASET?.trim() || join(process.cwd(), '../../content/dataset.ndjson')
  return createTreatmentContent({source: localDataset(path)})
}

// One reader per process: Next.js bundles each route apart, and the revalidation route swaps in
// the reader it has just read everything with.
const key = Symbol.for('@treatments/next-site content')
const store = globalThis as typeof globalThis & {[key]?: TreatmentContent}

/** The site's reader, made on first use. */
export function siteContent(): TreatmentContent {
  store[key] ??= contentFromEnv()
  return store[key]
}

/**
 * Makes `content` the site's reader: a new one, warmed by reading everything after a change, so
 * that the pages made next read those answers (and fall back to them if the source fails).
 */
export function replaceSiteContent(content: TreatmentContent): void {
  store[key] = content
}
