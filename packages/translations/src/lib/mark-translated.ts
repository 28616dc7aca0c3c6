import {hasVisibleText, sourceHash} from '@treatments/content/dataset'
import {baseLocale} from '@treatments/content/locales'

import type {TranslatableDocument} from './document-translation-status.ts'
import {findLocalizedFields, localizedValue} from './find-localized-fields.ts'
import {languageName} from './mark-reviewed.ts'
import {plainText} from './plain-text.ts'
import {withTranslationState} from './with-translation-state.ts'

/** The button's label beside a stale field in the Studio's translation panel. */
export function markTranslatedLabel(): string {
  return `Matches the current ${languageName(baseLocale)}`
}

/**
 * The patch of "Matches the current English", the translator's word, in the Studio's translation
 * panel, that one field's text in `locale` says what the base-locale text says now: the locale's
 * translation state records that text as the field's source (its hash and a copy), as an import
 * of the field does, so the field is translated (awaiting review) and pages show it. Until then
 * the tools call the field stale (translated from an older text, or typed in with no record of
 * which), and a page shows a stale safety text in English.
 *
 * @param document - The document as the translator sees it (its draft, else the published one).
 * @param locale - The translation locale, e.g. `it`.
 * @param path - The field's Sanity path, as the panel lists it.
 * @param now - ISO 8601 timestamp for `translatedAt`.
 * @throws {TypeError} When the field is not found, or it has no visible text in the base locale
 *   or in `locale`: there is nothing to vouch for.
 */
export function markTranslatedPatch(document: TranslatableDocument, locale: string, path: string, now: string): {set: {translations: unknown[]}} {
  if (locale === baseLocale) throw new TypeError(`markTranslatedPatch: ${baseLocale} is the source language, not a translation`)
  const field = findLocalizedFields(document).find((candidate) => candidate.path === path)
  if (field === undefined) throw new TypeError(`markTranslatedPatch: document ${document._id} has no localized field ${path}`)
  const base = localizedValue(field.items, baseLocale)
  const value = localizedValue(field.items, locale)
  if (!hasVisibleText(base)) throw new TypeError(`markTranslatedPatch: ${path} of ${document._id} has no ${languageName(baseLocale)} text to translate from`)
  if (!hasVisibleText(value)) throw new TypeError(`markTranslatedPatch: ${path} of ${document._id} has no ${languageName(locale)} text`)
  return {set: {translations: withTranslationState(document, locale, [{path, hash: sourceHash(base), sourceText: plainText(base), value}], now)}}
}
