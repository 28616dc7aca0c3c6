import type {HistoryDocumentChange, HistoryEntry} from './history-log.ts'

/** A lifecycle event in the shape of Content Lake's document events API (what the Studio lists). */
export interface DocumentEvent {
  type:
    | 'createDocumentVersion'
    | 'deleteDocumentVersion'
    | 'publishDocumentVersion'
    | 'unpublishDocument'
    | 'deleteDocumentGroup'
  documentId: string
  timestamp: string
  author: string
  documentVariantType: 'published' | 'draft' | 'version'
  versionId?: string
  versionRevisionId?: string
  revisionId?: string
  publishCause?: 'document.publish'
}

/**
 * The lifecycle events of the document group of `id` (its published document and its draft),
 * newest first: a draft created, published, discarded; a document unpublished or deleted. Edits
 * are not events: the Studio builds them from the transactions endpoint.
 */
export function documentEvents(entries: readonly HistoryEntry[], id: string): DocumentEvent[] {
  const publishedId = id.startsWith('drafts.') ? id.slice('drafts.'.length) : id.startsWith('versions.') ? id.split('.').slice(2).join('.') : id
  const draftId = `drafts.${publishedId}`
  const documentVariantType = id.startsWith('drafts.') ? 'draft' : id.startsWith('versions.') ? 'version' : 'published'
  const events: DocumentEvent[] = []
  for (const entry of entries) {
    const published = entry.changes.find((change) => change.id === publishedId)
    const draft = entry.changes.find((change) => change.id === draftId)
    if (published === undefined && draft === undefined) continue
    const base = {documentId: publishedId, timestamp: entry.timestamp, author: entry.identity, documentVariantType} as const
    const draftCreated = draft !== undefined && created(draft)
    const draftDeleted = draft !== undefined && deleted(draft)
    if (published !== undefined && deleted(published)) {
      events.push(
        draftCreated
          ? {...base, type: 'unpublishDocument', versionId: draftId, versionRevisionId: draft!.resultRev ?? ''}
          : {...base, type: 'deleteDocumentGroup'},
      )
      continue
    }
    if (published !== undefined) {
      if (draftDeleted) {
        events.push({
          ...base,
          type: 'publishDocumentVersion',
          revisionId: published.resultRev ?? '',
          versionId: draftId,
          versionRevisionId: draft!.previousRev ?? '',
          publishCause: 'document.publish',
        })
      } else if (created(published)) {
        const revision = published.resultRev ?? ''
        events.push({...base, type: 'createDocumentVersion', versionId: publishedId, versionRevisionId: revision, revisionId: revision})
      } else {
        events.push({...base, type: 'publishDocumentVersion', revisionId: published.resultRev ?? '', versionId: publishedId, publishCause: 'document.publish'})
      }
      if (draftCreated) events.push({...base, type: 'createDocumentVersion', versionId: draftId, versionRevisionId: draft!.resultRev ?? ''})
      continue
    }
    if (draftCreated) events.push({...base, type: 'createDocumentVersion', versionId: draftId, versionRevisionId: draft!.resultRev ?? ''})
    else if (draftDeleted) events.push({...base, type: 'deleteDocumentVersion', versionId: draftId, versionRevisionId: draft!.previousRev ?? ''})
  }
  return events.reverse()
}

function created(change: HistoryDocumentChange): boolean {
  return change.previousRev === null && change.after !== null
}

function deleted(change: HistoryDocumentChange): boolean {
  return change.after === null && change.previousRev !== null
}
