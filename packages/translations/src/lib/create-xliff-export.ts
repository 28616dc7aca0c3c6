import {baseLocale} from '@treatments/content/locales'

import {alignTarget} from './align-target.ts'
import {buildXliff, type XliffFileInput, type XliffUnitInput} from './build-xliff.ts'
import {documentTranslationStatus, type FieldState, type TranslatableDocument} from './document-translation-status.ts'
import {findLocalizedFields, localizedValue} from './find-localized-fields.ts'
import {plainText} from './plain-text.ts'
import {previousSourceKey, type PreviousSources} from './previous-sources.ts'
import {resolveStatusLocales} from './status-options.ts'
import {unitContent} from './unit-content.ts'
import {wordDiff} from './word-diff.ts'

/** The field states, in the order reports list them. */
export const fieldStates: readonly FieldState[] = ['missing', 'stale', 'translated', 'reviewed']

/** Options for {@link createXliffExport}. */
export interface XliffExportOptions {
  /** The translation locale to export for (`trgLang`). */
  locale: string
  /** Export only fields in these states; default: every field with base-locale text. */
  only?: readonly FieldState[]
  /** The old sources of stale fields ({@link findPreviousSources}), for their notes and word diff. */
  previousSources?: PreviousSources
}

/** The result of an export. */
export interface XliffExport {
  locale: string
  /** The XLIFF document, or `undefined` when no field was selected (XLIFF cannot be empty). */
  xml: string | undefined
  /** Documents written (one `<file>` each). */
  documents: number
  /** Fields written (one `<unit>` each), by state. */
  units: Record<FieldState, number>
  /** Fields left out because their value is neither text nor Portable Text (`documentId:path`). */
  unsupported: string[]
}

/**
 * Builds the XLIFF 2.0 export of `documents` for one locale: a `<file id="<document _id>">` per
 * document with selected fields and a `<unit>` per field, with the base-locale text as `<source>`,
 * the translation as `<target>` when there is one (`state="translated"` or `"reviewed"`; for a
 * `stale` field the previous translation, `state="initial" subState="treatments:stale"`: to
 * revise against the changed source), and the source hash in `<note category="sourceHash">`. A
 * stale field whose old source is in `previousSources` also gets it in
 * `<note category="previousSource">` and the word diff to the current source in
 * `<note category="sourceChange">`.
 *
 * @throws {TypeError} For an unknown locale or state.
 */
export async function createXliffExport(documents: Iterable<TranslatableDocument>, options: XliffExportOptions): Promise<XliffExport> {
  const [locale] = resolveStatusLocales({locales: [options?.locale as string]}, 'createXliffExport')
  const only = options.only ?? fieldStates
  for (const state of only) {
    if (!fieldStates.includes(state)) {
      throw new TypeError(`createXliffExport: option "only" has "${String(state)}"; expected some of ${fieldStates.join(', ')}`)
    }
  }
  const units: Record<FieldState, number> = {missing: 0, stale: 0, translated: 0, reviewed: 0}
  const unsupported: string[] = []
  const files: XliffFileInput[] = []
  for (const document of documents) {
    const statuses = (await documentTranslationStatus(document, {locales: [locale!]})).filter((status) => only.includes(status.state))
    if (statuses.length === 0) continue
    const fields = findLocalizedFields(document)
    const fileUnits: XliffUnitInput[] = []
    for (const status of statuses) {
      const field = fields.find((candidate) => candidate.path === status.field)!
      const source = localizedValue(field.items, baseLocale)
      const content = unitContent(source)
      if (content === undefined) {
        unsupported.push(`${document._id}:${status.field}`)
        continue
      }
      // A stale field offers its previous translation to revise, never starting from nothing.
      const targets = status.state === 'missing' ? undefined : alignTarget(content, source, localizedValue(field.items, locale!))
      const previous = status.state === 'stale' ? options.previousSources?.get(previousSourceKey(document._id, status.field)) : undefined
      fileUnits.push({
        field: status.field,
        itemType: status.itemType,
        sourceHash: status.sourceHash,
        state: status.state,
        content,
        ...(targets === undefined ? {} : {targets}),
        ...(previous === undefined ? {} : {previousSource: previous.text, sourceChange: wordDiff(previous.text, plainText(source))}),
      })
      units[status.state]++
    }
    if (fileUnits.length > 0) files.push({documentId: document._id, documentType: document._type, units: fileUnits})
  }
  const xml = files.length === 0 ? undefined : buildXliff({srcLang: baseLocale, trgLang: locale!, files})
  return {locale: locale!, xml, documents: files.length, units, unsupported}
}
