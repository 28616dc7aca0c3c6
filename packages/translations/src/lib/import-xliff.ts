import type {SanityClient} from '@sanity/client'

import {fetchEditableDocuments, type EditableDocument} from './fetch-editable-documents.ts'
import {parseXliff} from './parse-xliff.ts'
import {planXliffImport, type XliffImportPlan} from './plan-xliff-import.ts'
import {isSafetyField} from './safety-field.ts'
import {XliffError} from './xliff-error.ts'

/** Options for {@link importXliff}. */
export interface XliffImportOptions {
  /** Check everything and report what would change, but write nothing. */
  dryRun?: boolean
  /** The translation locale the file must target; default: its `trgLang`, if a translation locale. */
  locale?: string
  /** Timestamp for `translatedAt`; default: now. */
  now?: string
  /** Accept a stale field's previous translation sent back unchanged (see `planXliffImport`). */
  confirmUnchanged?: boolean
  /**
   * Write the published documents instead of drafts: for bulk migrations only. Refuses (nothing
   * written) any safety text the import adds or changes, since imported text is not reviewed,
   * and any document that has a draft, whose unpublished edits the import would bypass.
   */
  publish?: boolean
  /**
   * Who the history names as the author of the write, e.g. `translations import de.xlf`: sent as
   * the `X-Lake-Author` header, which the local lake records in its history log. Sanity does not
   * know the header (there the token's user is the author).
   */
  author?: string
}

/** What an import did. */
export interface XliffImportResult extends XliffImportPlan {
  /** Whether the changes were written (false for a dry run or when nothing changed). */
  applied: boolean
  /** The transaction that wrote them. */
  transactionId?: string
  /** What was (or would be) written: drafts awaiting review and Publish, or with `publish` the published documents. */
  target: 'draft' | 'published'
}

/**
 * Imports a translated XLIFF 2 file through `client`: parses it safely (no DOCTYPE, every parser
 * error fatal), validates every unit against the version it writes, then writes all changes in
 * one transaction, so the import is all or nothing. Nothing is written when any unit is rejected.
 *
 * By default the changes go into each document's draft (`drafts.<id>`), which is created from the
 * published document when there is none; the published document is not touched, so the site
 * changes only when someone reviews the draft and presses Publish in the Studio. Units are
 * checked against the draft when there is one (it is what Publish makes live). An existing
 * draft, or with `publish` the published document, is guarded by the revision read
 * (`ifRevisionID`); a new draft by `create`, which fails if a draft appeared meanwhile.
 *
 * @throws {XliffError} When the file is rejected (see its `code` and `problems`); nothing is written.
 * @throws The client's error when the transaction fails (for example a document changed meanwhile); nothing is written.
 */
export async function importXliff(client: SanityClient, text: string, options: XliffImportOptions = {}): Promise<XliffImportResult> {
  const xliff = parseXliff(text, options.locale === undefined ? {} : {locale: options.locale})
  const publish = options.publish === true
  const target = publish ? 'published' : 'draft'
  const editable = await fetchEditableDocuments(client, xliff.files.map((file) => file.id))
  const documents = [...editable].flatMap(([id, {published, draft}]) => {
    const base = publish ? published : (draft ?? published)
    return base === undefined ? [] : [{...base, _id: id}]
  })
  const plan = await planXliffImport(xliff, documents, {now: options.now ?? new Date().toISOString(), confirmUnchanged: options.confirmUnchanged === true})
  if (publish) refusePublishing(plan, editable)
  if (options.dryRun === true || plan.updates.length === 0) return {...plan, applied: false, target}
  const transaction = client.transaction()
  for (const update of plan.updates) {
    const {published, draft} = editable.get(update.documentId)!
    if (!publish && draft === undefined) {
      // The draft starts as a copy of the published document, as the Studio's first edit makes it.
      const {_rev: _omitRev, _updatedAt: _omitUpdatedAt, ...copy} = published!
      transaction.create({...copy, _id: `drafts.${update.documentId}`})
      transaction.patch(`drafts.${update.documentId}`, (patch) => patch.set(update.set))
      continue
    }
    const id = publish ? update.documentId : `drafts.${update.documentId}`
    transaction.patch(id, (patch) => (update.revision === undefined ? patch : patch.ifRevisionId(update.revision)).set(update.set))
  }
  const headers: Record<string, string> = options.author === undefined ? {} : {'X-Lake-Author': encodeURIComponent(options.author)}
  const result = await transaction.commit({headers})
  return {...plan, applied: true, transactionId: result.transactionId, target}
}

/**
 * `publish` goes around review, so it refuses what must not: a safety text the import adds or
 * changes (imported text is never reviewed), and a document with a draft (its edits would be left
 * behind, and publishing the draft later would undo the import).
 *
 * @throws {XliffError} `PUBLISH_REFUSED`, listing every refusal.
 */
function refusePublishing(plan: XliffImportPlan, editable: ReadonlyMap<string, EditableDocument>): void {
  const problems: string[] = []
  for (const change of plan.changes) {
    if (change.change !== 'unchanged' && isSafetyField(change.documentType, change.field)) {
      problems.push(
        `document "${change.documentId}", field "${change.field}": a safety text is never published before its medical and translation review; import without --publish and publish it from the Studio after review`,
      )
    }
  }
  for (const update of plan.updates) {
    if (editable.get(update.documentId)?.draft !== undefined) {
      problems.push(`document "${update.documentId}" has a draft with unpublished edits; publish or discard it in the Studio first, or import without --publish`)
    }
  }
  if (problems.length > 0) {
    throw new XliffError('PUBLISH_REFUSED', `Publishing refused: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}; nothing was changed`, problems)
  }
}
