import {hasVisibleText} from './has-visible-text.ts'
import {isRecord} from './dataset-document.ts'
import {itemLanguage} from './item-language.ts'
import {sourceHash} from './source-hash.ts'

/**
 * One safety text of a treatment page, by the path a review records it under:
 * `disclaimer`, `claims[<_key>].statement`, `contraindications[<_id>].text`,
 * `sideEffects[<_id>].text`, `sideEffects[<_id>].whenToSeekHelp`.
 *
 * @public
 */
export interface SafetyText {
  field: string
  /** The internationalized-array items of the text (`{language, value}`), any locales. */
  items: readonly unknown[]
}

/**
 * What a review recorded about one text it covered: the {@link sourceHash} of the text as the
 * reviewer read it (the base-locale text for the medical review, the locale's text for a
 * translation review).
 *
 * @public
 */
export interface CoveredText {
  field: string
  hash: string
}

/**
 * How a covered text differs from what its review recorded: `changed` (edited since the
 * review), `added` (a safety text the review never saw) or `removed` (a text the review covered
 * is gone or blank).
 *
 * @public
 */
export interface ChangedSinceReview {
  field: string
  change: 'changed' | 'added' | 'removed'
}

/**
 * The safety texts of a treatment document (contraindications, side effects, when to get help,
 * disclaimer, claims) that a medical or translation review covers. Referenced contraindications
 * and side effects are looked up with `resolve` (a reference that does not resolve has no text).
 *
 * @param treatment - The treatment document, as stored.
 * @param resolve - Finds a referenced document by `_id`.
 * @public
 */
export function treatmentSafetyTexts(treatment: Record<string, unknown>, resolve: (id: string) => Record<string, unknown> | undefined): SafetyText[] {
  const texts: SafetyText[] = [{field: 'disclaimer', items: itemsOf(treatment.disclaimer)}]
  for (const claim of arrayOf(treatment.claims)) {
    if (isRecord(claim) && typeof claim._key === 'string') texts.push({field: `claims[${claim._key}].statement`, items: itemsOf(claim.statement)})
  }
  for (const [list, fields] of [
    ['contraindications', ['text']],
    ['sideEffects', ['text', 'whenToSeekHelp']],
  ] as const) {
    for (const reference of arrayOf(treatment[list])) {
      const id = isRecord(reference) && typeof reference._ref === 'string' ? reference._ref : undefined
      if (id === undefined) continue
      const document = resolve(id)
      for (const field of fields) texts.push({field: `${list}[${id}].${field}`, items: itemsOf(document?.[field])})
    }
  }
  return texts
}

/**
 * The texts a review in `locale` covers: the hash of each text with visible text in `locale`.
 *
 * @public
 */
export function coveredTexts(texts: readonly SafetyText[], locale: string): CoveredText[] {
  const covered: CoveredText[] = []
  for (const text of texts) {
    const value = text.items.find((item) => itemLanguage(item) === locale && isRecord(item) && hasVisibleText(item.value))
    if (isRecord(value)) covered.push({field: text.field, hash: sourceHash(value.value)})
  }
  return covered
}

/**
 * Which texts differ from what a review recorded. A review that recorded nothing covers nothing:
 * every current text counts as `added`, so an old review never vouches for text it cannot name.
 *
 * @param recorded - The review's covered texts (`undefined` or empty: it recorded none).
 * @param current - The texts now, from {@link coveredTexts}.
 * @public
 */
export function changedSinceReview(recorded: readonly CoveredText[] | null | undefined, current: readonly CoveredText[]): ChangedSinceReview[] {
  const then = new Map((recorded ?? []).map((entry) => [entry.field, entry.hash]))
  const now = new Map(current.map((entry) => [entry.field, entry.hash]))
  const changes: ChangedSinceReview[] = []
  for (const [field, hash] of now) {
    const before = then.get(field)
    if (before === undefined) changes.push({field, change: 'added'})
    else if (before !== hash) changes.push({field, change: 'changed'})
  }
  for (const field of then.keys()) if (!now.has(field)) changes.push({field, change: 'removed'})
  return changes
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function itemsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/**
 * What a review of `treatment` in `locale` stores as `coveredTexts` (on `medicalReview` for the
 * base locale, on the locale's `translations` entry otherwise): each safety text with visible
 * text in `locale`, and its hash, keyed for Sanity arrays.
 *
 * @param treatment - The treatment document.
 * @param resolve - Finds a referenced contraindication or side effect by `_id`.
 * @param locale - The locale the reviewer read.
 * @public
 */
export function recordCoveredTexts(
  treatment: Record<string, unknown>,
  resolve: (id: string) => Record<string, unknown> | undefined,
  locale: string,
): Array<CoveredText & {_key: string; _type: 'coveredText'}> {
  return coveredTexts(treatmentSafetyTexts(treatment, resolve), locale).map((entry, index) => ({_key: `c${index + 1}`, _type: 'coveredText', ...entry}))
}
