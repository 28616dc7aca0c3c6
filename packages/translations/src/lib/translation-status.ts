import {baseLocale} from '@treatments/content/locales'

import {documentTranslationStatus, type FieldStatus, type TranslatableDocument} from './document-translation-status.ts'
import {resolveStatusLocales, type StatusOptions} from './status-options.ts'
import {summarizeLocales, type LocaleSummary} from './summarize-locales.ts'

/** The translation status of a set of documents. */
export interface TranslationStatusReport {
  baseLocale: string
  /** One summary per requested locale, in the order requested. */
  locales: LocaleSummary[]
  /** Every field of every document in every requested locale. */
  fields: FieldStatus[]
}

/**
 * The translation status of `documents`: for every document, localized field and translation
 * locale, whether the text is missing, stale, translated or reviewed, plus per-locale counts.
 * Missing and stale text is reported as data, never thrown. The same function backs
 * `pnpm translations status` and the Studio's badges and panel.
 *
 * @throws {TypeError} For a document without string `_id`/`_type`, or an unknown locale.
 */
export async function translationStatus(
  documents: Iterable<TranslatableDocument>,
  options?: StatusOptions,
): Promise<TranslationStatusReport> {
  const locales = resolveStatusLocales(options, 'translationStatus')
  const fields: FieldStatus[] = []
  for (const document of documents) fields.push(...(await documentTranslationStatus(document, {locales})))
  return {baseLocale, locales: summarizeLocales(fields, locales), fields}
}
