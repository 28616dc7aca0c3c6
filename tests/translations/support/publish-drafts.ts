import type {SanityClient} from '@sanity/client'

/** Publishes every draft, as a reviewer pressing Publish in the Studio does (the Actions API). */
export async function publishDrafts(client: SanityClient): Promise<number> {
  const drafts = await client.fetch<Array<{_id: string; _rev: string}>>('*[_id in path("drafts.**")]{_id, _rev}', {}, {perspective: 'raw'})
  if (drafts.length === 0) return 0
  await client.action(
    drafts.map((draft) => ({
      actionType: 'sanity.action.document.publish' as const,
      draftId: draft._id,
      publishedId: draft._id.slice('drafts.'.length),
      ifDraftRevisionId: draft._rev,
    })),
  )
  return drafts.length
}
