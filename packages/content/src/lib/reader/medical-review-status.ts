import type {ReviewCheck, TreatmentResult} from '../types.ts'
import {isRecord} from '../dataset/dataset-document.ts'
import {hasVisibleText} from '../dataset/has-visible-text.ts'
import {itemLanguage} from '../dataset/item-language.ts'
import {type CoveredText, type SafetyText, changedSinceReview} from '../dataset/review-coverage.ts'
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
  const changes: ReviewCheck['changedSinceReview'] = changedSinceReview(recordedOf(medical.coveredTexts), await coveredTexts(texts, baseLocale)).map(
    (change) => ({...change, review: 'medical' as const}),
  )
  if (translation !== undefined) {
    for (const change of changedSinceReview(recordedOf(translation.coveredTexts), await coveredTexts(texts, locale))) {
      changes.push({...change, review: 'translation'})
    }
  }
  return {status: changes.length === 0 ? 'reviewed' : 'changed-since-review', changedSinceReview: changes}
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
    const item = text.items.find((candidate) => itemLanguage(candidate) === locale && isRecord(candidate) && hasVisibleText(candidate.value))
    if (isRecord(item)) covered.push({field: text.field, hash: await digestSourceHash(item.value)})
  }
  return covered
}

/** The safety texts of a page-query treatment, by the paths reviews record (see `treatmentSafetyTexts`). */
function pageSafetyTexts(treatment: Record<string, unknown>): SafetyText[] {
  const texts: SafetyText[] = [{field: 'disclaimer', items: itemsOf(treatment.disclaimer)}]
  for (const claim of arrayOf(treatment.claims).filter(isRecord)) {
    if (typeof claim._key === 'string') texts.push({field: `claims[${claim._key}].statement`, items: itemsOf(claim.statement)})
  }
  for (const item of arrayOf(treatment.contraindications).filter(isRecord)) {
    if (typeof item._id === 'string') texts.push({field: `contraindications[${item._id}].text`, items: itemsOf(item.text)})
  }
  for (const item of arrayOf(treatment.sideEffects).filter(isRecord)) {
    if (typeof item._id !== 'string') continue
    texts.push({field: `sideEffects[${item._id}].text`, items: itemsOf(item.text)})
    texts.push({field: `sideEffects[${item._id}].whenToSeekHelp`, items: itemsOf(item.whenToSeekHelp)})
  }
  return texts
}

/** The items of a `{i18n, source}` node, with the base-locale text when it travelled as `source`. */
function itemsOf(node: unknown): unknown[] {
  if (!isRecord(node)) return []
  const items = arrayOf(node.i18n)
  const source = isRecord(node.source) ? node.source.value : undefined
  return source === undefined || source === null ? items : [...items, {language: baseLocale, value: source}]
}

function recordedOf(value: unknown): CoveredText[] {
  return arrayOf(value).filter((entry): entry is CoveredText => isRecord(entry) && typeof entry.field === 'string' && typeof entry.hash === 'string')
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
