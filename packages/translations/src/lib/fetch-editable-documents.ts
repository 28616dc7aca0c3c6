import type {SanityClient} from '@sanity/client'

import type {TranslatableDocument} from './document-translation-status.ts'

/** A document as an import finds it: its published version and its draft, either may be missing. */
export interface EditableDocument {
  published?: TranslatableDocument
  draft?: TranslatableDocument
}

/**
 * The published documents `ids` and their drafts (`drafts.<id>`), by published id, in one
 * query. Reading drafts needs a token (the local lake's, or a Sanity token with read access).
 */
export async function fetchEditableDocuments(client: SanityClient, ids: readonly string[]): Promise<Map<string, EditableDocument>> {
  const wanted = [...new Set(ids)]
  const found = await client.fetch<TranslatableDocument[]>(
    '*[_id in $ids]',
    {ids: [...wanted, ...wanted.map((id) => `drafts.${id}`)]},
    {perspective: 'raw'},
  )
  const byId = new Map<string, EditableDocument>()
  for (const document of found) {
    const draft = document._id.startsWith('drafts.')
    const id = draft ? document._id.slice('drafts.'.length) : document._id
    const entry = byId.get(id) ?? {}
    if (draft) entry.draft = document
    else entry.published = document
    byId.set(id, entry)
  }
  return byId
}
