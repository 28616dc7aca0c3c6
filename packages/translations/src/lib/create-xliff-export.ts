import {baseLocale} from '@treatments/content/locales'

import {alignTarget} from './align-target.ts'
import {buildXliff, type XliffFileInput, type XliffUnitInput} from './build-xliff.ts'
import {documentTranslationStatus, type FieldState, type TranslatableDocument} from './document-translation-status.ts'
import {findLocalizedFields, localizedValue} from './find-localized-fields.ts'
import {resolveStatusLocales} from './status-options.ts'
import {unitContent} from './unit-content.ts'

/** The field states, in the order reports list them. */
export const fieldStates: readonly FieldState[] = ['missing', 'stale', 'translated', 'reviewed']

/** Options for {@link createXliffExport}. */
export interface XliffExportOptions {
  /** The translation locale to export for (`trgLang`). */
  locale: string
  /** Export only fields in these states; default: every field with base-locale text. */
  only?: readonly FieldState[]
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
 * the current translation as `<target>` when the field is `translated` or `reviewed` (never for
 * `stale` or `missing` text), and the source hash in `<note category="sourceHash">`.
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
      const current = status.state === 'translated' || status.state === 'reviewed'
      const targets = current ? alignTarget(content, source, localizedValue(field.items, locale!)) : undefined
      fileUnits.push({
        field: status.field,
        itemType: status.itemType,
        sourceHash: status.sourceHash,
        state: status.state,
        content,
        ...(targets === undefined ? {} : {targets}),
      })
      units[status.state]++
    }
    if (fileUnits.length > 0) files.push({documentId: document._id, documentType: document._type, units: fileUnits})
  }
  const xml = files.length === 0 ? undefined : buildXliff({srcLang: baseLocale, trgLang: locale!, files})
  return {locale: locale!, xml, documents: files.length, units, unsupported}
}
