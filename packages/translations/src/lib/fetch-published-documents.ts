import type {SanityClient} from '@sanity/client'

import type {TranslatableDocument} from './document-translation-status.ts'

/**
 * Published documents: no drafts (`drafts.…`), release versions (`versions.…`) or system
 * documents (`_.…`), ordered by `_type` then `_id`. Works the same against Sanity and the local lake.
 */
export const publishedDocumentsQuery =
  '*[!(_id in path("drafts.**")) && !(_id in path("versions.**")) && !(_id in path("_.**"))] | order(_type asc, _id asc)'

/**
 * Reads every published document through `client` with one GROQ query. With `ids`, only those.
 */
export async function fetchPublishedDocuments(client: SanityClient, ids?: readonly string[]): Promise<TranslatableDocument[]> {
  if (ids === undefined) return client.fetch<TranslatableDocument[]>(publishedDocumentsQuery, {}, {perspective: 'published'})
  return client.fetch<TranslatableDocument[]>('*[_id in $ids]', {ids: [...ids]}, {perspective: 'published'})
}
