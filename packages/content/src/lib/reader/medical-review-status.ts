import type {ReviewCheck, TreatmentResult} from '../types.ts'
import {isRecord} from '../dataset/dataset-document.ts'
import {hasVisibleText} from '../dataset/has-visible-text.ts'
import {itemLanguage} from '../dataset/item-language.ts'
import {type CoveredText, type SafetyText, changedSinceReview, reviewedReferences} from '../review/review-coverage.ts'
import {canonicalJson} from '../dataset/source-hash.ts'
import {digestSourceHash} from '../locale/digest-source-hash.ts'
import {baseLocale} from '../locale/locale-registry.ts'

/**
 * Checks the reviews of a treatment page (as the page query returns it, before localization)
 * for `locale`: see {@link ReviewCheck}.
 *
 * @internal
 */
export async function checkReview(page: unknown, locale: string): Promise<ReviewCheck> {
  const treatment = isRecord(page) ? page : {}
  const medical = isRecord(treatment.medicalReview) ? treatment.medicalReview : undefined
  const translation = locale === baseLocale ? undefined : arrayOf(treatment.translations).filter(isRecord).find((state) => state.language === locale)
  if (medical?.status !== 'reviewed' || (locale !== baseLocale && translation?.status !== 'reviewed')) {
    return {status: 'pending', changedSinceReview: []}
  }
  const texts = pageSafetyTexts(treatment)
  const changes: ReviewCheck['changedSinceReview'] = []
  for (const [review, state, language] of [['medical', medical, baseLocale], ['translation', translation, locale]] as const) {
    if (state) for (const change of changedSinceReview(state.coveredTexts, await coveredTexts(texts, language))) changes.push({...change, review})
  }
  return {status: changes.length ? 'changed-since-review' : 'reviewed', changedSinceReview: changes}
}

/**
 * Whether a page may say a doctor reviewed it: its review check (from `getTreatment`) says
 * `reviewed`. A result without a check (built by hand) never claims a review.
 *
 * @internal
 */
export function isMedicallyReviewed(result: {review?: TreatmentResult['review'] | undefined}): boolean {
  return result.review?.status === 'reviewed'
}

/**
 * `coveredTexts` of the dataset core, hashed with the platform's SHA-256 (as `localize` does), so
 * browser bundles ship no SHA-256 of their own: the same hashes, asynchronously.
 */
async function coveredTexts(texts: readonly SafetyText[], locale: string): Promise<CoveredText[]> {
  const covered: CoveredText[] = []
  for (const text of texts) {
    const item = text.items.find((candidate) => itemLanguage(candidate) === locale && isRecord(candidate) && hasVisibleText(candidate.value)) as {value: unknown} | undefined
    if (item) covered.push({field: text.field, hash: await digestSourceHash(item.value)})
  }
  return covered
}

/**
 * What the reviews of a page-query treatment cover, by the paths reviews record: the same texts
 * and medical facts as `treatmentSafetyTexts` reads from stored documents (references come
 * expanded here).
 */
function pageSafetyTexts(treatment: Record<string, unknown>): SafetyText[] {
  const texts: SafetyText[] = ['disclaimer', 'protocol'].map((field) => ({field, items: itemsOf(treatment[field])}))
  // Claims are keyed by `_key`, referenced documents (expanded) by `_id`.
  for (const [list, fields, facts] of [['claims', ['statement'], ['claimStatus']], ...reviewedReferences] as const) {
    for (const item of arrayOf(treatment[list]).filter(isRecord)) {
      const id = item._id ?? item._key
      if (typeof id === 'string') for (const field of [...fields, ...facts]) texts.push({field: `${list}[${id}].${field}`, items: itemsOf(item[field])})
    }
  }
  return texts
}

/**
 * The items of a localized field (`{i18n}`; the base locale is always in the query's chain), or
 * of a medical fact its JSON, as `medicalFact` in review-coverage.ts holds it.
 */
function itemsOf(node: unknown): unknown[] {
  if (isRecord(node) && 'i18n' in node) return arrayOf(node.i18n)
  return node == null ? [] : [{language: baseLocale, value: canonicalJson(node)}]
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
