import {baseLocale} from '../lib/locale/locale-registry.ts'
import type {DatasetDocument} from '../lib/dataset/dataset-document.ts'
import {recordCoveredTexts} from '../lib/review/review-coverage.ts'

/**
 * A copy of `documents` with every treatment's medical review marked reviewed by `reviewer` (and
 * each of `locales` translation-reviewed), recording the texts covered as "Mark reviewed" does.
 */
export function markReviewed(
  documents: readonly DatasetDocument[],
  review: {reviewer: string; lastReviewed: string; nextReviewDue?: string; locales?: readonly string[]},
): DatasetDocument[] {
  const byId = new Map(documents.map((document) => [document._id, document]))
  const resolve = (id: string) => byId.get(id)
  return documents.map((document) => {
    if (document._type !== 'treatment') return document
    const medicalReview = {
      ...(document.medicalReview as object),
      status: 'reviewed',
      reviewer: review.reviewer,
      lastReviewed: review.lastReviewed,
      ...(review.nextReviewDue === undefined ? {} : {nextReviewDue: review.nextReviewDue}),
      coveredTexts: recordCoveredTexts(document, resolve, baseLocale),
    }
    const translations = ((document.translations ?? []) as Array<Record<string, unknown>>).map((state) =>
      review.locales?.includes(state.language as string)
        ? {...state, status: 'reviewed', reviewedBy: review.reviewer, coveredTexts: recordCoveredTexts(document, resolve, state.language as string)}
        : state,
    )
    return {...document, medicalReview, translations}
  })
}
