import {itemLanguage} from './find-localized-fields.ts'
import {isRecord} from './is-record.ts'

/** Review status of one locale of a document (`translationState.status`). */
export type TranslationStateStatus = 'draft' | 'translated' | 'reviewed'

/** The hash of the base-locale text a field was translated from (`sourceHash` object). */
export interface SourceHashEntry {
  _key: string
  _type: 'sourceHash'
  /** Sanity path of the localized field. */
  field: string
  /** `sha256-…`, from `sourceHash()` of `@treatments/content`. */
  hash: string
}

/** One entry of a document's `translations` array (`translationState` object). */
export interface TranslationState {
  _key: string
  _type: 'translationState'
  language: string
  status: TranslationStateStatus
  translatedAt?: string
  reviewedBy?: string
  reviewedAt?: string
  sourceHashes?: SourceHashEntry[]
}

/**
 * The `translations` entry of `document` for `locale` (matched by `language`, or `_key` for older
 * data), or `undefined`.
 */
export function findTranslationState(document: Record<string, unknown>, locale: string): TranslationState | undefined {
  const states = document.translations
  if (!Array.isArray(states)) return undefined
  const state: unknown = states.find((entry) => itemLanguage(entry) === locale)
  return isRecord(state) ? (state as unknown as TranslationState) : undefined
}

/** The source hash recorded in `state` for the field at `path`, or `undefined`. */
export function recordedSourceHash(state: TranslationState | undefined, path: string): string | undefined {
  const entries = Array.isArray(state?.sourceHashes) ? state.sourceHashes : []
  const hash = entries.find((entry) => isRecord(entry) && entry.field === path)?.hash
  return typeof hash === 'string' ? hash : undefined
}
