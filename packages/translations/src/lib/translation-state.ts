import {itemLanguage} from './find-localized-fields.ts'
import {isRecord} from '@treatments/content/dataset'

/** Review status of one locale of a document (`translationState.status`). */
export type TranslationStateStatus = 'draft' | 'translated' | 'reviewed'

/**
 * A hash recorded for one field (`sourceHash` object): in `sourceHashes`, of the base-locale text
 * the field was translated from; in `reviewedTargetHashes`, of the field's translation as last
 * reviewed or imported.
 */
export interface SourceHashEntry {
  _key: string
  _type: 'sourceHash'
  /** Sanity path of the localized field. */
  field: string
  /** `sha256-…`, from `sourceHash()` of `@treatments/content` (or the same `targetHash()`). */
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
  /**
   * Per field, `targetHash()` of the translation when it was last marked reviewed or imported.
   * A reviewed field whose text no longer has this hash was edited since the review. Absent in
   * data written before it existed: then the review covers the fields as they are.
   */
  reviewedTargetHashes?: SourceHashEntry[]
  /**
   * Per field, a copy of the base-locale text (plain text) it was translated from, with its hash:
   * what a stale field was translated from, should the history be gone. Written by imports.
   */
  sourceTexts?: SourceTextEntry[]
}

/** The base-locale text a field was translated from (`sourceText` object), kept beside its hash. */
export interface SourceTextEntry {
  _key: string
  _type: 'sourceText'
  field: string
  hash: string
  text: string
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
  return recordedHash(state?.sourceHashes, path)
}

/** The target hash recorded at the last review or import in `state` for the field at `path`, or `undefined`. */
export function recordedTargetHash(state: TranslationState | undefined, path: string): string | undefined {
  return recordedHash(state?.reviewedTargetHashes, path)
}

function recordedHash(entries: unknown, path: string): string | undefined {
  const hash = (Array.isArray(entries) ? entries : []).find((entry) => isRecord(entry) && entry.field === path)?.hash
  return typeof hash === 'string' ? hash : undefined
}

/** The copy of the source text recorded in `state` for `path` when it has `hash`, or `undefined`. */
export function recordedSourceText(state: TranslationState | undefined, path: string, hash: string): string | undefined {
  const entries: unknown = state?.sourceTexts
  const entry = (Array.isArray(entries) ? entries : []).find((candidate) => isRecord(candidate) && candidate.field === path && candidate.hash === hash)
  return isRecord(entry) && typeof entry.text === 'string' ? entry.text : undefined
}
