import {hasVisibleText} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'
import {translationStates as states} from '@treatments/content/ui-strings'

import type {FieldStatus} from './document-translation-status.ts'
import {findLocalizedFields, localizedValue} from './find-localized-fields.ts'
import {targetHash} from './target-hash.ts'
import {findTranslationState, recordedSourceHash, type SourceHashEntry} from './translation-state.ts'

/** Whether the "Mark <locale> reviewed" action can run, and why not. */
export interface MarkReviewedAvailability {
  disabled: boolean
  /** Tooltip: what the action does, or why it is disabled. */
  title: string
}

/** A patch for the Studio's `useDocumentOperation(…).patch.execute()`. */
export type ReviewPatch = {set: Record<string, string | SourceHashEntry[] | CoveredTextEntry[]>}

/** A `coveredTexts` entry (see `recordCoveredTexts` in `@treatments/content/dataset`). */
export interface CoveredTextEntry {
  _key: string
  _type: 'coveredText'
  field: string
  hash: string
}

const languageNames = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'code'})

/** The language's English name, as the Studio's actions say it: `it` → `Italian`. */
export function languageName(locale: string): string {
  return languageNames.of(locale) ?? locale
}

/** The review action's label, naming the language: `Mark Italian reviewed`. */
export function markReviewedLabel(locale: string): string {
  return `Mark ${languageName(locale)} ${states.reviewed.word}`
}

/**
 * When the reviewer can mark a locale of a document reviewed: there must be a translation state
 * for it and at least one field translated from the current base text that is not yet reviewed.
 *
 * @param fields - The document's field statuses (from `documentTranslationStatus`), any locales.
 */
export function markReviewedAvailability(
  document: Record<string, unknown> | null | undefined,
  fields: readonly FieldStatus[] | undefined,
  locale: string,
): MarkReviewedAvailability {
  if (!document || fields === undefined) return {disabled: true, title: 'Checking the translation…'}
  const language = languageName(locale)
  const ofLocale = fields.filter((field) => field.locale === locale)
  if (!findTranslationState(document, locale) || ofLocale.every((field) => field.state === 'missing')) {
    return {disabled: true, title: `Nothing has been translated into ${language} yet: every field is ${states.missing.word}.`}
  }
  const count = (state: 'missing' | 'stale' | 'translated') => ofLocale.filter((field) => field.state === state).length
  const fieldsWord = (n: number) => `${n} ${n === 1 ? 'field' : 'fields'}`
  const translated = count('translated')
  if (translated === 0) {
    const stale = count('stale')
    return stale > 0
      ? {disabled: true, title: `No ${language} field is ${states.translated.word}: update the ${fieldsWord(stale)} that ${stale === 1 ? 'is' : 'are'} ${states.stale.word} first.`}
      : {disabled: true, title: `The ${language} translation is already ${states.reviewed.word}.`}
  }
  const pending = [count('missing') > 0 ? `${fieldsWord(count('missing'))} ${states.missing.word}` : '', count('stale') > 0 ? `${fieldsWord(count('stale'))} ${states.stale.word}` : ''].filter(Boolean)
  return {
    disabled: false,
    title:
      `Record that you reviewed the ${language} translation (${fieldsWord(translated)} ${states.translated.word})` +
      (pending.length > 0 ? `; not covered: ${pending.join(', ')}.` : '.'),
  }
}

/**
 * The patch that marks `locale` of `document` reviewed: `status: 'reviewed'`, `reviewedBy`,
 * `reviewedAt` and `reviewedTargetHashes` on its `translations` entry. `reviewedTargetHashes` has,
 * for every field with text translated from the current base text, `targetHash()` of that text,
 * so that a later edit makes the field `translated` again (`edited-since-review`). Synchronous, for
 * the Studio action's `onHandle`.
 *
 * @param review.reviewer - The current user's name.
 * @param review.now - ISO 8601 timestamp.
 * @param review.coveredTexts - For a treatment: `recordCoveredTexts(treatment, resolve, locale)`,
 *   the locale's safety texts as reviewed, stored so an edit to one of them takes the review away.
 * @throws {TypeError} When the document has no translation state for `locale`, or `reviewer` is empty.
 */
export function markReviewedPatch(
  document: Record<string, unknown>,
  locale: string,
  review: {reviewer: string; now: string; coveredTexts?: CoveredTextEntry[]},
): ReviewPatch[] {
  const state = findTranslationState(document, locale)
  if (!state || typeof state._key !== 'string') {
    throw new TypeError(`markReviewedPatch: document ${String(document._id)} has no translation state for "${locale}"`)
  }
  if (typeof review.reviewer !== 'string' || review.reviewer.trim() === '') {
    throw new TypeError('markReviewedPatch: `reviewer` must be the name of the person who reviewed')
  }
  const reviewedTargetHashes: SourceHashEntry[] = []
  for (const field of findLocalizedFields(document)) {
    const base = localizedValue(field.items, baseLocale)
    const value = localizedValue(field.items, locale)
    if (!hasVisibleText(base) || !hasVisibleText(value) || recordedSourceHash(state, field.path) !== targetHash(base)) continue
    reviewedTargetHashes.push({_key: `r${reviewedTargetHashes.length + 1}`, _type: 'sourceHash', field: field.path, hash: targetHash(value)})
  }
  const at = `translations[_key==${JSON.stringify(state._key)}]`
  return [
    {
      set: {
        [`${at}.status`]: 'reviewed',
        [`${at}.reviewedBy`]: review.reviewer,
        [`${at}.reviewedAt`]: review.now,
        [`${at}.reviewedTargetHashes`]: reviewedTargetHashes,
        ...(review.coveredTexts === undefined ? {} : {[`${at}.coveredTexts`]: review.coveredTexts}),
      },
    },
  ]
}
