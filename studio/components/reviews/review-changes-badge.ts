import type {DocumentBadgeComponent, DocumentBadgeDescription} from 'sanity'

import {useReviewChanges} from './use-review-changes.ts'

/**
 * The badge "Changed since review" on a treatment, contraindication or side effect whose text
 * changed after a doctor's (or a translation) review covered it: pages stop claiming that review
 * until it is renewed. The tooltip names the reviews and the texts.
 */
export const ReviewChangesBadge: DocumentBadgeComponent = (props): DocumentBadgeDescription | null => {
  const {reviews} = useReviewChanges(props.version ?? props.draft ?? props.published)
  const changed = (reviews ?? []).filter((review) => review.changed.length > 0)
  if (changed.length === 0) return null
  return {
    label: 'Changed since review',
    color: 'warning',
    title: changed
      .map((review) => `${review.review === 'medical' ? 'Medical review' : `${review.locale} review`} of ${review.treatmentId}${review.reviewer ? ` by ${review.reviewer}` : ''}: ${review.changed.map((change) => `${change.field} (${change.change})`).join(', ')}`)
      .join('; '),
  }
}
ReviewChangesBadge.displayName = 'ReviewChangesBadge'
