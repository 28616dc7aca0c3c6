import {baseLocale} from '../locale/locale-registry.ts'
import {hasVisibleText} from '../dataset/has-visible-text.ts'
import {isRecord} from '../dataset/dataset-document.ts'
import {itemLanguage} from '../dataset/item-language.ts'
import {canonicalJson, sourceHash} from '../dataset/source-hash.ts'

/**
 * One safety text of a treatment page, by the path a review records it under:
 * `disclaimer`, `claims[<_key>].statement`, `contraindications[<_id>].text`,
 * `sideEffects[<_id>].text`, `sideEffects[<_id>].whenToSeekHelp`, `effects[<_id>].text`; or one
 * medical fact the medical review vouches for, held as a base-locale "text" (so a translation
 * review, which reads its own locale, never covers it): `protocol` (sessions and interval),
 * `claims[<_key>].claimStatus`, `contraindications[<_id>].kind`, `sideEffects[<_id>].severity`,
 * `effects[<_id>].claimStatus`, `effects[<_id>].onsetDays`.
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
 * What a review of a treatment covers (see {@link SafetyText}): the texts a patient must read
 * right (contraindications, side effects, when to get help, disclaimer, claims, effects) and the
 * medical facts beside them (a contraindication absolute or relative, a side effect's severity,
 * an effect's onset, a claim's evidence status, the protocol): "reviewed by a doctor" vouches for
 * those too. Referenced documents are looked up with `resolve` (a reference that does not resolve
 * has no text).
 *
 * @param treatment - The treatment document, as stored.
 * @param resolve - Finds a referenced document by `_id`.
 * @public
 */
export function treatmentSafetyTexts(treatment: Record<string, unknown>, resolve: (id: string) => Record<string, unknown> | undefined): SafetyText[] {
  const texts: SafetyText[] = [{field: 'disclaimer', items: itemsOf(treatment.disclaimer)}, medicalFact('protocol', protocolFact(treatment.protocol))]
  for (const claim of arrayOf(treatment.claims)) {
    if (isRecord(claim) && typeof claim._key === 'string') {
      texts.push({field: `claims[${claim._key}].statement`, items: itemsOf(claim.statement)}, medicalFact(`claims[${claim._key}].claimStatus`, claim.claimStatus))
    }
  }
  for (const [list, fields, facts] of reviewedReferences) {
    for (const reference of arrayOf(treatment[list])) {
      const id = isRecord(reference) && typeof reference._ref === 'string' ? reference._ref : undefined
      if (id === undefined) continue
      const document = resolve(id)
      for (const field of fields) texts.push({field: `${list}[${id}].${field}`, items: itemsOf(document?.[field])})
      for (const fact of facts) texts.push(medicalFact(`${list}[${id}].${fact}`, document?.[fact]))
    }
  }
  return texts
}

/**
 * The referenced documents a treatment review covers: the treatment's list of references, and
 * the texts and medical facts of each referenced document.
 *
 * @public
 */
export const reviewedReferences = [
  ['contraindications', ['text'], ['kind']],
  ['sideEffects', ['text', 'whenToSeekHelp'], ['severity']],
  ['effects', ['text'], ['claimStatus', 'onsetDays']],
] as const

/**
 * A medical fact as a covered "text" in the base locale only: its JSON, keys sorted (so a stored
 * and a queried object read alike). Missing (`undefined`, `null`) it has no text, so a fact
 * removed since the review counts as removed.
 *
 * @internal
 */
export function medicalFact(field: string, value: unknown): SafetyText {
  return {field, items: value == null ? [] : [{language: baseLocale, value: canonicalJson(value)}]}
}

/** A stored protocol as the page query projects it: its four numbers, `null` where missing. */
function protocolFact(protocol: unknown): Record<string, unknown> | undefined {
  if (!isRecord(protocol)) return undefined
  const {sessionsMin = null, sessionsMax = null, intervalMinWeeks = null, intervalMaxWeeks = null} = protocol
  return {sessionsMin, sessionsMax, intervalMinWeeks, intervalMaxWeeks}
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
 * @param recorded - The review's covered texts as stored (`undefined` or empty: it recorded none;
 *   an entry without a string `field` covers nothing).
 * @param current - The texts now, from {@link coveredTexts}.
 * @public
 */
export function changedSinceReview(recorded: unknown, current: readonly CoveredText[]): ChangedSinceReview[] {
  const then = new Map<string, unknown>()
  // A hash that is not a string never matches: that text counts as changed.
  for (const entry of arrayOf(recorded)) if (isRecord(entry) && typeof entry.field === 'string') then.set(entry.field, entry.hash)
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
