import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {markMedicallyReviewedPatch} from '@treatments/translations'
import {useCurrentUser, useDocumentOperation, type DocumentActionComponent} from 'sanity'

import {useReviewChanges} from '../components/reviews/use-review-changes.ts'

/**
 * The treatment action "Mark medically reviewed": records that the signed-in doctor reviewed the
 * page today, with the hash of every safety text they read (see `markMedicallyReviewedPatch`),
 * so that a later edit to any of them takes the page's "reviewed by a doctor" away. Reviews what
 * patients see: the published contraindications and side effects, and this treatment as shown.
 */
export const MarkMedicallyReviewedAction: DocumentActionComponent = (props) => {
  const document = props.version ?? props.draft ?? props.published
  const {reviews, resolve} = useReviewChanges(document)
  const {patch} = useDocumentOperation(props.id, props.type)
  const user = useCurrentUser()
  const reviewer = user?.name || user?.email || user?.id || ''
  if (props.type !== 'treatment') return null
  const medical = reviews?.find((review) => review.review === 'medical')
  const current = medical !== undefined && medical.changed.length === 0
  return {
    label: 'Mark medically reviewed',
    icon: CheckmarkCircleIcon,
    disabled: !document || reviews === undefined || Boolean(patch.disabled) || reviewer === '' || current,
    title:
      reviewer === ''
        ? 'Sign in to record a review.'
        : current
          ? 'The medical review covers the current text.'
          : 'Record that you reviewed the contraindications, side effects, when to get help, disclaimer and claims as they read now.',
    onHandle: () => {
      if (!document) return
      patch.execute([markMedicallyReviewedPatch(document, resolve, {reviewer, date: new Date().toISOString().slice(0, 10)})] as never)
      props.onComplete()
    },
  }
}
MarkMedicallyReviewedAction.displayName = 'MarkMedicallyReviewedAction'
