import {recordCoveredTexts} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'

/**
 * The patch that records a doctor's review of a treatment: `medicalReview.status: 'reviewed'`,
 * the reviewer, the date, and `coveredTexts`, the hash of the English text of every safety text
 * the doctor read (contraindications, side effects, when to get help, disclaimer, claims,
 * effects) and of the medical facts beside them (absolute or relative, severity, onset, evidence
 * status, protocol), so that a later edit to any of them takes the page's "reviewed by a doctor"
 * away (`treatmentSafetyTexts` in `@treatments/content/dataset`).
 *
 * @param treatment - The treatment document as the reviewer saw it.
 * @param resolve - Finds its referenced contraindications, side effects and effects by `_id`.
 * @param review.reviewer - Name and qualification of the doctor.
 * @param review.date - The review date, `YYYY-MM-DD`.
 * @throws {TypeError} When the document is not a treatment, `reviewer` is empty or `date` is not a date.
 */
export function markMedicallyReviewedPatch(
  treatment: Record<string, unknown>,
  resolve: (id: string) => Record<string, unknown> | undefined,
  review: {reviewer: string; date: string},
): {set: Record<string, unknown>} {
  if (treatment._type !== 'treatment') {
    throw new TypeError(`markMedicallyReviewedPatch: document ${String(treatment._id)} is a ${String(treatment._type)}, not a treatment`)
  }
  if (typeof review.reviewer !== 'string' || review.reviewer.trim() === '') {
    throw new TypeError('markMedicallyReviewedPatch: `reviewer` must be the name of the doctor who reviewed')
  }
  if (typeof review.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(review.date)) {
    throw new TypeError(`markMedicallyReviewedPatch: \`date\` must be a date like 2026-12-01; got ${JSON.stringify(review.date)}`)
  }
  return {
    set: {
      'medicalReview.status': 'reviewed',
      'medicalReview.reviewer': review.reviewer.trim(),
      'medicalReview.lastReviewed': review.date,
      'medicalReview.coveredTexts': recordCoveredTexts(treatment, resolve, baseLocale),
    },
  }
}
