import {type ChangedSinceReview, changedSinceReview, coveredTexts, isRecord, treatmentSafetyTexts} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'

/** A review marked done on a treatment, and the safety texts changed since it. */
export interface ReviewChanges {
  /** `medical`: the doctor's review of the base-locale text; `translation`: a locale's review. */
  review: 'medical' | 'translation'
  locale: string
  reviewer: string | null
  /** Empty while every text the review covered is unchanged. */
  changed: ChangedSinceReview[]
}

/**
 * For each review marked done on `treatment` (its medical review and each locale's translation
 * review), the safety texts changed since: edited, added or removed. The same check the package
 * makes before a page says a doctor reviewed it; `pnpm translations status` and the Studio show it.
 *
 * @param treatment - The treatment document.
 * @param resolve - Finds a referenced contraindication or side effect by `_id`.
 */
export function reviewChanges(treatment: Record<string, unknown>, resolve: (id: string) => Record<string, unknown> | undefined): ReviewChanges[] {
  const texts = treatmentSafetyTexts(treatment, resolve)
  const reviews: ReviewChanges[] = []
  const medical = isRecord(treatment.medicalReview) ? treatment.medicalReview : undefined
  if (medical?.status === 'reviewed') {
    reviews.push({
      review: 'medical',
      locale: baseLocale,
      reviewer: typeof medical.reviewer === 'string' ? medical.reviewer : null,
      changed: changedSinceReview(medical.coveredTexts, coveredTexts(texts, baseLocale)),
    })
  }
  for (const state of Array.isArray(treatment.translations) ? treatment.translations.filter(isRecord) : []) {
    if (state.status !== 'reviewed' || typeof state.language !== 'string') continue
    reviews.push({
      review: 'translation',
      locale: state.language,
      reviewer: typeof state.reviewedBy === 'string' ? state.reviewedBy : null,
      changed: changedSinceReview(state.coveredTexts, coveredTexts(texts, state.language)),
    })
  }
  return reviews
}
