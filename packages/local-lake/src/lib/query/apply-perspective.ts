import type {DatasetDocument} from '@treatments/content/dataset'
import type {Perspective} from './perspective.ts'

const DRAFTS_PREFIX = 'drafts.'
const VERSIONS_PREFIX = 'versions.'

/**
 * The documents a query sees under `perspective`, in dataset order.
 *
 * - `raw` returns `documents` itself.
 * - `published` drops `drafts.*` and `versions.*` documents.
 * - `drafts` shows each document once, at the position of its first stored variant: the draft
 *   when there is one, else the published document, always with the published `_id` and the
 *   stored id in `_originalId`. `versions.*` documents are dropped.
 */
export function applyPerspective(
  documents: readonly DatasetDocument[],
  perspective: Perspective,
): readonly DatasetDocument[] {
  if (perspective === 'raw') return documents
  if (perspective === 'published') {
    return documents.filter((document) => !isDraftId(document._id) && !isVersionId(document._id))
  }
  const drafts = new Map<string, DatasetDocument>()
  for (const document of documents) {
    if (isDraftId(document._id)) drafts.set(document._id.slice(DRAFTS_PREFIX.length), document)
  }
  const seen = new Set<string>()
  const view: DatasetDocument[] = []
  for (const document of documents) {
    if (isVersionId(document._id)) continue
    const publishedId = isDraftId(document._id)
      ? document._id.slice(DRAFTS_PREFIX.length)
      : document._id
    if (seen.has(publishedId)) continue
    seen.add(publishedId)
    const chosen = drafts.get(publishedId) ?? document
    view.push({...chosen, _id: publishedId, _originalId: chosen._id})
  }
  return view
}

/** Whether `id` is a draft id (`drafts.…`). */
export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

/** Whether `id` is a release version id (`versions.…`). */
export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS_PREFIX)
}
