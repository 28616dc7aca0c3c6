import {hasVisibleText, sourceHash} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'

import {findLocalizedFields, localizedValue} from './find-localized-fields.ts'
import {isRecord} from '@treatments/content/dataset'
import {resolveStatusLocales, type StatusOptions} from './status-options.ts'
import {targetHash} from './target-hash.ts'
import {findTranslationState, recordedSourceHash, recordedTargetHash, type TranslationState} from './translation-state.ts'

/**
 * Where the translation of one field into one locale stands:
 * - `missing`: no text (empty or whitespace only) in the locale;
 * - `stale`: text exists, but the base text changed since it was translated (or no source hash
 *   was ever recorded for it, so nobody can tell what it was translated from);
 * - `translated`: text exists and was translated from the current base text;
 * - `reviewed`: as `translated`, the locale's `translationState.status` is `reviewed`, and the
 *   text is the one reviewed (its hash is the one recorded in `reviewedTargetHashes`; a state
 *   without `reviewedTargetHashes`, written before they existed, covers the text as it is).
 */
export type FieldState = 'missing' | 'stale' | 'translated' | 'reviewed'

/**
 * Why a field is `missing` (`no-text`), `stale` (`source-changed`, `no-source-hash`), or only
 * `translated` although its locale is reviewed (`edited-since-review`).
 */
export type FieldStateReason = 'no-text' | 'source-changed' | 'no-source-hash' | 'edited-since-review'

/** The translation status of one localized field of one document in one locale. */
export interface FieldStatus {
  documentId: string
  documentType: string
  /** Sanity path of the localized field. */
  field: string
  /** Item type of the field, e.g. `internationalizedArrayTextValue`. */
  itemType: string
  locale: string
  state: FieldState
  /** Set for `missing` and `stale`, and for `translated` text edited since its review. */
  reason?: FieldStateReason
  /** Hash of the current base-locale text. */
  sourceHash: string
  /** Hash recorded for this locale and field, when there is one. */
  recordedHash?: string
}

/** A document as read from the dataset: an `_id`, a `_type` and any fields. */
export interface TranslatableDocument {
  _id: string
  _type: string
  _rev?: string
  [field: string]: unknown
}

/**
 * The status of every localized field of `document` in each translation locale, in field order
 * then locale order. Fields without base-locale text are skipped: there is nothing to translate.
 * Browser-safe (hashes with Web Crypto): the Studio's badge and panel use it on the open document.
 *
 * @throws {TypeError} When `document` has no string `_id` and `_type`, or a locale is not a
 *   translation locale.
 */
export async function documentTranslationStatus(document: TranslatableDocument, options?: StatusOptions): Promise<FieldStatus[]> {
  if (!isRecord(document) || typeof document._id !== 'string' || typeof document._type !== 'string') {
    throw new TypeError('documentTranslationStatus expects a document with a string `_id` and `_type`')
  }
  const locales = resolveStatusLocales(options, 'documentTranslationStatus')
  const statuses: FieldStatus[] = []
  for (const field of findLocalizedFields(document)) {
    const base = localizedValue(field.items, baseLocale)
    if (!hasVisibleText(base)) continue
    const currentHash = await sourceHash(base)
    for (const locale of locales) {
      const common = {
        documentId: document._id,
        documentType: document._type,
        field: field.path,
        itemType: field.itemType,
        locale,
        sourceHash: currentHash,
      }
      const state = findTranslationState(document, locale)
      const recordedHash = recordedSourceHash(state, field.path)
      const recorded = recordedHash === undefined ? {} : {recordedHash}
      const value = localizedValue(field.items, locale)
      if (!hasVisibleText(value)) {
        statuses.push({...common, ...recorded, state: 'missing', reason: 'no-text'})
      } else if (recordedHash === undefined) {
        statuses.push({...common, state: 'stale', reason: 'no-source-hash'})
      } else if (recordedHash !== currentHash) {
        statuses.push({...common, ...recorded, state: 'stale', reason: 'source-changed'})
      } else if (state?.status !== 'reviewed') {
        statuses.push({...common, ...recorded, state: 'translated'})
      } else {
        const review = reviewOf(state, field.path, value)
        if (review === 'reviewed') statuses.push({...common, ...recorded, state: 'reviewed'})
        else if (review === 'edited') statuses.push({...common, ...recorded, state: 'translated', reason: 'edited-since-review'})
        else statuses.push({...common, ...recorded, state: 'translated'})
      }
    }
  }
  return statuses
}

/**
 * Whether the review of a reviewed locale covers the field's current text: `reviewed` when the
 * recorded target hash matches (or the state predates `reviewedTargetHashes`), `edited` when the
 * text changed since, `not-covered` when the review recorded nothing for the field.
 */
function reviewOf(state: TranslationState, path: string, value: unknown): 'reviewed' | 'edited' | 'not-covered' {
  if (!Array.isArray(state.reviewedTargetHashes)) return 'reviewed'
  const reviewed = recordedTargetHash(state, path)
  if (reviewed === undefined) return 'not-covered'
  return reviewed === targetHash(value) ? 'reviewed' : 'edited'
}
