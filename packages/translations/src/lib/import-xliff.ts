import type {SanityClient} from '@sanity/client'

import {fetchPublishedDocuments} from './fetch-published-documents.ts'
import {parseXliff} from './parse-xliff.ts'
import {planXliffImport, type XliffImportPlan} from './plan-xliff-import.ts'

/** Options for {@link importXliff}. */
export interface XliffImportOptions {
  /** Check everything and report what would change, but write nothing. */
  dryRun?: boolean
  /** The translation locale the file must target; default: its `trgLang`, if a translation locale. */
  locale?: string
  /** Timestamp for `translatedAt`; default: now. */
  now?: string
}

/** What an import did. */
export interface XliffImportResult extends XliffImportPlan {
  /** Whether the changes were written (false for a dry run or when nothing changed). */
  applied: boolean
  /** The transaction that wrote them. */
  transactionId?: string
}

/**
 * Imports a translated XLIFF 2 file through `client`: parses it safely (no DOCTYPE, every parser
 * error fatal), validates every unit against the current published documents, then writes all
 * changes in one transaction, each document guarded by the revision read, so the import is all or
 * nothing. Nothing is written when any unit is rejected.
 *
 * @throws {XliffError} When the file is rejected (see its `code` and `problems`); nothing is written.
 * @throws The client's error when the transaction fails (for example a document changed meanwhile); nothing is written.
 */
export async function importXliff(client: SanityClient, text: string, options: XliffImportOptions = {}): Promise<XliffImportResult> {
  const xliff = parseXliff(text, options.locale === undefined ? {} : {locale: options.locale})
  const documents = await fetchPublishedDocuments(client, xliff.files.map((file) => file.id))
  const plan = await planXliffImport(xliff, documents, {now: options.now ?? new Date().toISOString()})
  if (options.dryRun === true || plan.updates.length === 0) return {...plan, applied: false}
  const transaction = client.transaction()
  for (const update of plan.updates) {
    transaction.patch(update.documentId, (patch) => {
      const guarded = update.revision === undefined ? patch : patch.ifRevisionId(update.revision)
      return guarded.set(update.set)
    })
  }
  const result = await transaction.commit()
  return {...plan, applied: true, transactionId: result.transactionId}
}
