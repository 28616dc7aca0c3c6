import type {LocalizedTreatment} from '../types.ts'
import {isMedicallyReviewed} from '../reader/medical-review-status.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './page-section.ts'
import type {ReviewData, ReviewDate} from './treatment-page-section.ts'

/** The page section that shows a reviewed text, by the path the review recorded it under. */
function sectionOf(field: string): 'disclaimer' | 'howManySessions' | 'claimsHeading' | 'resultsAndWhen' | 'whoCannotHaveIt' | 'whenToGetHelp' | 'sideEffects' {
  if (field === 'disclaimer') return 'disclaimer'
  if (field === 'protocol') return 'howManySessions'
  if (field.startsWith('claims[')) return 'claimsHeading'
  if (field.startsWith('effects[')) return 'resultsAndWhen'
  if (field.startsWith('contraindications[')) return 'whoCannotHaveIt'
  return field.endsWith('.whenToSeekHelp') ? 'whenToGetHelp' : 'sideEffects'
}

/**
 * The `review` section: whether a doctor has reviewed the page, when and who, and when the next
 * review is due; left out when the treatment has none of them.
 *
 * @internal
 */
export function reviewSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui} = context
  const data = reviewData(treatment, context)
  const lines = [data.awaitingReview, data.changedSinceReview.text, data.lastReviewed?.text, data.nextReviewDue?.text, data.reviewedBy].filter((line): line is string => typeof line === 'string')
  if (lines.length === 0) return undefined
  const write = () => {
    for (const line of lines) {
      context.out.open('p')
      context.out.text(line)
      context.out.close()
    }
  }
  return pageSection(context, 'review', ui.t('reviewDates'), write, data)
}

/**
 * Whether a doctor has reviewed the page in its locale, who and when: for the review section
 * and the banner under the title, which must never disagree.
 *
 * @internal
 */
export function reviewData(treatment: LocalizedTreatment, context: PageContext): ReviewData {
  // The section and the banner of one page ask for the same answer: made once per page.
  const known = context.reviewData
  if (known !== undefined && known.treatment === treatment) return known.data
  const data = reviewDataOf(treatment, context)
  context.reviewData = {treatment, data}
  return data
}

function reviewDataOf(treatment: LocalizedTreatment, context: PageContext): ReviewData {
  const {ui} = context
  const review = treatment.medicalReview as LocalizedTreatment['medicalReview'] | null
  const date = (value: unknown, key: 'lastReviewed' | 'nextReviewDue'): ReviewDate | null =>
    typeof value === 'string' && value.trim() !== '' ? {date: value, text: ui.t(key, {date: ui.formatDate(value)})} : null
  // Only a page marked reviewed may name a reviewer; anything else says it awaits review.
  const reviewed = isMedicallyReviewed(context)
  const reviewer = reviewed && typeof review?.reviewer === 'string' && review.reviewer.trim() !== '' ? review.reviewer : null
  const fields = context.review?.changedSinceReview ?? []
  const sections = [...new Set(fields.map((change) => ui.t(sectionOf(change.field))))]
  const data: ReviewData = {
    reviewed,
    awaitingReview: reviewed || sections.length > 0 ? null : ui.t('awaitingMedicalReview'),
    changedSinceReview: {fields, text: sections.length === 0 ? null : ui.t('changedSinceReview', {fields: sections.join(', ')})},
    reviewer,
    reviewedBy: reviewer === null ? null : ui.t('reviewedBy', {name: reviewer}),
    lastReviewed: reviewed ? date(review?.lastReviewed, 'lastReviewed') : null,
    nextReviewDue: date(review?.nextReviewDue, 'nextReviewDue'),
  }
  return data
}
