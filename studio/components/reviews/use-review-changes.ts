import {reviewedReferences} from '@treatments/content/dataset'
import {reviewChanges, type ReviewChanges} from '@treatments/translations'
import {useEffect, useState} from 'react'
import {useClient} from 'sanity'

/** A treatment review that covers a document, with the changes since that concern it. */
export interface DocumentReviewChanges extends ReviewChanges {
  treatmentId: string
}

/** What the review tools need: the treatment and the safety texts it references. */
export interface ReviewContext {
  /** The reviews covering the document, `undefined` while loading. */
  reviews: DocumentReviewChanges[] | undefined
  /** Finds a referenced (published) contraindication, side effect or effect, for recording a review. */
  resolve: (id: string) => Record<string, unknown> | undefined
}

// The types whose texts or facts a treatment review covers (`treatmentSafetyTexts`).
const SAFETY_TYPES = new Set(['treatment', 'contraindication', 'sideEffect', 'effect'])

/**
 * The treatment reviews (medical and per locale) that cover `document`, each with the safety
 * texts changed since it, computed with the same check the package makes before a page claims a
 * review. For a treatment, its own reviews; for a contraindication or side effect, the reviews of
 * the treatments that reference it, with the document's shown value (a draft included) in place
 * of its published text, so an editor sees "changed since review" before publishing.
 */
export function useReviewChanges(document: Record<string, unknown> | null | undefined): ReviewContext {
  const client = useClient({apiVersion: '2025-02-19'})
  const [state, setState] = useState<{key: unknown; reviews: DocumentReviewChanges[]; documents: Map<string, Record<string, unknown>>}>()
  const type = typeof document?._type === 'string' ? document._type : undefined
  const id = typeof document?._id === 'string' ? document._id.replace(/^(drafts|versions\.[^.]+)\./, '') : undefined
  useEffect(() => {
    if (document == null || type === undefined || id === undefined || !SAFETY_TYPES.has(type)) return undefined
    let current = true
    void (async () => {
      const treatments =
        type === 'treatment'
          ? [document]
          : await client.fetch<Array<Record<string, unknown>>>('*[_type == "treatment" && references($id)]', {id}, {perspective: 'published'})
      const ids = [...new Set(treatments.flatMap((treatment) => referencedIds(treatment)))]
      const fetched = await client.fetch<Array<Record<string, unknown>>>('*[_id in $ids]', {ids}, {perspective: 'published'})
      const documents = new Map(fetched.map((item) => [item._id as string, item]))
      if (type !== 'treatment') documents.set(id, document)
      const reviews = treatments.flatMap((treatment) =>
        reviewChanges(treatment, (reference) => documents.get(reference)).map((review) => ({
          ...review,
          treatmentId: String(treatment._id).replace(/^drafts\./, ''),
          changed: type === 'treatment' ? review.changed : review.changed.filter((change) => change.field.includes(`[${id}]`)),
        })),
      )
      if (current) setState({key: document, reviews, documents})
    })().catch(() => {
      if (current) setState({key: document, reviews: [], documents: new Map()})
    })
    return () => {
      current = false
    }
  }, [client, document, type, id])
  const ready = state !== undefined && state.key === document
  return {reviews: ready ? state.reviews : undefined, resolve: (reference) => state?.documents.get(reference)}
}

function referencedIds(treatment: Record<string, unknown>): string[] {
  return reviewedReferences.flatMap(([field]) =>
    (Array.isArray(treatment[field]) ? (treatment[field] as unknown[]) : []).flatMap((reference) =>
      typeof reference === 'object' && reference !== null && typeof (reference as {_ref?: unknown})._ref === 'string' ? [(reference as {_ref: string})._ref] : [],
    ),
  )
}
