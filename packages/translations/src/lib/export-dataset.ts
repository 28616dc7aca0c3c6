import type {SanityClient} from '@sanity/client'

import {publishedDocumentsQuery} from './fetch-published-documents.ts'
import type {DatasetDocument} from '@treatments/content/dataset'

/** Options for {@link exportDataset}. */
export interface ExportDatasetOptions {
  /** Include drafts (`drafts.…`). Default `false`: published documents only. */
  drafts?: boolean
}

const WITH_DRAFTS_QUERY = '*[!(_id in path("versions.**")) && !(_id in path("_.**"))]'

/**
 * Reads a whole dataset through `client` (Sanity or the local lake) with one GROQ query, without
 * release versions and system documents, and drafts only when asked. Sorted by `_type`, then
 * `_id` (code-point order), so two exports of the same content are byte-identical and diff cleanly.
 */
export async function exportDataset(client: SanityClient, options: ExportDatasetOptions = {}): Promise<DatasetDocument[]> {
  const documents = options.drafts
    ? await client.fetch<DatasetDocument[]>(WITH_DRAFTS_QUERY, {}, {perspective: 'raw'})
    : await client.fetch<DatasetDocument[]>(publishedDocumentsQuery, {}, {perspective: 'published'})
  return [...documents].sort((a, b) => compare(a._type, b._type) || compare(a._id, b._id))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
