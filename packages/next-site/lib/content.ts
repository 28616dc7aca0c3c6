import {join} from 'node:path'
import {createTreatmentContent, type TreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'

/**
 * Where the site's content comes from, as the example site's `contentFromEnv`: a Sanity project
 * (or a local lake) when `SANITY_PROJECT_ID` is set (`SANITY_DATASET`, default `production`;
 * optional `SANITY_TOKEN`, server-side only; optional `SANITY_API_HOST`), else the NDJSON file in
 * `CONTENT_DATASET`, else the repository's embedded dataset. Nothing is cached here: Next.js
 * keeps the rendered pages until a revalidation call says the content changed.
 */
function contentFromEnv(env: NodeJS.ProcessEnv): TreatmentContent {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  if (projectId) {
    const token = env.SANITY_TOKEN?.trim() || undefined
    const apiHost = env.SANITY_API_HOST?.trim() || undefined
    return createTreatmentContent({
      source: {projectId, dataset: env.SANITY_DATASET?.trim() || 'production', useCdn: false, ...(token ? {token} : {}), ...(apiHost ? {apiHost} : {})},
    })
  }
  // `next build` and `next start` run in this package's directory.
  const path = env.CONTENT_DATASET?.trim() || join(process.cwd(), '../../content/dataset.ndjson')
  return createTreatmentContent({source: localDataset(path)})
}

let content: TreatmentContent | undefined

/** The one reader of the site, made on first use. */
export function siteContent(): TreatmentContent {
  content ??= contentFromEnv(process.env)
  return content
}
