import {isRecord} from '@treatments/content/dataset'

import type {TranslatableDocument} from './document-translation-status.ts'
import {freshKey} from './fresh-key.ts'
import {targetHash} from './target-hash.ts'
import {findTranslationState, type SourceHashEntry, type SourceTextEntry, type TranslationState} from './translation-state.ts'

/** One field of a locale now translated from the current base-locale text. */
export interface TranslatedField {
  /** Sanity path of the localized field. */
  path: string
  /** `sourceHash()` of the base-locale text it was translated from. */
  hash: string
  /** That text as plain text (kept in `sourceTexts`, for the word diff when it changes). */
  sourceText: string
  /** The locale's value of the field now. */
  value: unknown
}

/**
 * The document's `translations` with `locale`'s state recording `fields` as translated from the
 * base-locale texts they name: `status: 'translated'` and `translatedAt: now`, each field's source
 * hash, target hash and source text set (other fields' kept), the review's name and date dropped
 * (a changed translation is reviewed again). A state is added when the locale has none.
 */
export function withTranslationState(document: TranslatableDocument, locale: string, fields: readonly TranslatedField[], now: string): unknown[] {
  const states: unknown[] = Array.isArray(document.translations) ? [...document.translations] : []
  const previous = findTranslationState(document, locale)
  const hashes = withHashes(previous?.sourceHashes, 'h', fields.map((field) => [field.path, field.hash]))
  const targetHashes = withHashes(previous?.reviewedTargetHashes, 'r', fields.map((field) => [field.path, targetHash(field.value)]))
  const sourceTexts = withSourceTexts(previous?.sourceTexts, fields)
  const {reviewedBy: _reviewedBy, reviewedAt: _reviewedAt, ...kept} = previous ?? ({} as Partial<TranslationState>)
  const next: TranslationState = {
    ...kept,
    _key: previous?._key ?? freshKey(locale, states.map((state) => (isRecord(state) ? (state._key as string) : undefined))),
    _type: 'translationState',
    language: locale,
    status: 'translated',
    translatedAt: now,
    sourceHashes: hashes,
    reviewedTargetHashes: targetHashes,
    sourceTexts,
  }
  const index = previous === undefined ? -1 : states.indexOf(previous)
  if (index >= 0) states[index] = next
  else states.push(next)
  return states
}

/** A copy of `entries` with the hash of each `[field, hash]` set, adding entries keyed `<prefix>1`, `<prefix>2`… */
function withHashes(entries: readonly SourceHashEntry[] | undefined, prefix: string, updates: ReadonlyArray<readonly [string, string]>): SourceHashEntry[] {
  const list: readonly SourceHashEntry[] = Array.isArray(entries) ? entries : []
  const hashes: SourceHashEntry[] = list.filter(isRecord).map((entry) => ({...entry}))
  for (const [field, hash] of updates) {
    const entry = hashes.find((candidate) => candidate.field === field)
    if (entry) entry.hash = hash
    else hashes.push({_key: freshKey(prefix, hashes.map((candidate) => candidate._key), true), _type: 'sourceHash', field, hash})
  }
  return hashes
}

/** A copy of `entries` with each field's source text and hash set (keys `s1`, `s2`…): what it was translated from. */
function withSourceTexts(entries: readonly SourceTextEntry[] | undefined, fields: readonly TranslatedField[]): SourceTextEntry[] {
  const texts = (Array.isArray(entries) ? entries : []).filter(isRecord).map((entry) => ({...entry}) as unknown as SourceTextEntry)
  for (const field of fields) {
    const entry = texts.find((candidate) => candidate.field === field.path)
    if (entry) Object.assign(entry, {hash: field.hash, text: field.sourceText})
    else texts.push({_key: freshKey('s', texts.map((candidate) => candidate._key), true), _type: 'sourceText', field: field.path, hash: field.hash, text: field.sourceText})
  }
  return texts
}
