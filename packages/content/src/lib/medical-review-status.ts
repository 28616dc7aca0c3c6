import type {LocalizedTreatment} from './create-content-reader.ts'
import {baseLocale} from './locale-registry.ts'

/**
 * Whether a page in `locale` may say a doctor reviewed it: the treatment's medical review is
 * marked reviewed, and for any locale but the base one, that locale's translation is marked
 * reviewed too (a review of the English text says nothing about a translation of it).
 *
 * @internal
 */
export function isMedicallyReviewed(treatment: LocalizedTreatment, locale: string): boolean {
  if (treatment.medicalReview?.status !== 'reviewed') return false
  if (locale === baseLocale) return true
  return (treatment.translations ?? []).some((state) => state.language === locale && state.status === 'reviewed')
}
