import {ApiError} from '../api-error.ts'
import {PatchConflictError, PatchError, applyPatch} from './apply-patch.ts'
import {idForCreate} from './document-id.ts'
import type {DatasetDocument} from '@treatments/content/dataset'
import type {Mutation, Selection} from './parse-mutations.ts'
import {assertStorableDocuments} from './storable-value.ts'
import {findStrongReferrers, strongReferences} from './strong-references.ts'
import {WorkingSet} from './working-set.ts'

/** What one mutation did to one document, as reported in a mutate response. */
export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
  /** The document after the mutation (for `delete`, the document that was deleted). */
  document: DatasetDocument
}

/** Everything a transaction needs besides the mutations. */
export interface TransactionContext {
  /** Transaction id; also the new `_rev` of every document the transaction writes. */
  transactionId: string
  /** Timestamp for `_createdAt`/`_updatedAt`, ISO 8601. */
  now: string
  /** Ids of the documents a GROQ selection matches in `documents`. */
  select: (query: string, params: Record<string, unknown>, documents: DatasetDocument[]) => Promise<string[]>
}

/** The outcome of a transaction that applied cleanly. */
export interface TransactionOutcome {
  /** The dataset after the transaction, in stable order. */
  documents: DatasetDocument[]
  /** Whether any document was written or deleted. */
  changed: boolean
  results: MutationResult[]
  /**
   * Each document the transaction changed, before and after, with the indexes of the
   * mutations that changed it (for listen events).
   */
  changes: Array<{id: string; before: DatasetDocument | null; after: DatasetDocument | null; mutationIndexes: number[]}>
}

/**
 * Applies `mutations` in order, all or nothing, to a copy-on-write view of `documents`.
 * The inputs are never modified; on any failure an error is thrown and nothing changes.
 *
 * @throws ApiError 409 (`mutationError`) when a document to create exists, a document to patch
 *   is missing, `ifRevisionID` does not match, a deleted document is still strongly
 *   referenced by a document that remains, or a written document strongly references a
 *   document that does not exist; 400 when a patch cannot be applied or a written document
 *   nests too deep (`MAX_DOCUMENT_DEPTH`)
 */
export async function applyMutations(
  documents: readonly DatasetDocument[],
  byId: ReadonlyMap<string, DatasetDocument>,
  mutations: readonly Mutation[],
  context: TransactionContext,
): Promise<TransactionOutcome> {
  const working = new WorkingSet(documents, byId)
  const results: MutationResult[] = []
  /** Deleted ids, with the index of the mutation that deleted them. */
  const deleted = new Map<string, number>()
  const touchedBy = new Map<string, number[]>()
  for (const [index, mutation] of mutations.entries()) {
    const applied = await applyOne(working, mutation, index, context)
    for (const result of applied) {
      if (result.operation === 'delete' && !deleted.has(result.id)) deleted.set(result.id, index)
      if (result.operation === 'none') continue
      const indexes = touchedBy.get(result.id)
      if (indexes === undefined) touchedBy.set(result.id, [index])
      else if (indexes.at(-1) !== index) indexes.push(index)
    }
    results.push(...applied)
  }
  const next = working.documents()
  if (deleted.size > 0) refuseDanglingReferences(working, next, deleted)
  refuseReferencesToMissingDocuments(working, touchedBy)
  const changes = working.changedIds().flatMap((id) => {
    const before = byId.get(id) ?? null
    const after = working.get(id) ?? null
    return before === null && after === null ? [] : [{id, before, after, mutationIndexes: touchedBy.get(id) ?? []}]
  })
  assertStorableDocuments(changes.map((change) => change.after))
  return {documents: next, changed: working.changed, results, changes}
}

/**
 * Fails the transaction, as Content Lake does, when a document it deleted (and did not create
 * again) is still strongly referenced by a document that remains. Deleting the referring
 * documents in the same transaction is fine.
 */
function refuseDanglingReferences(
  working: WorkingSet,
  documents: readonly DatasetDocument[],
  deleted: ReadonlyMap<string, number>,
): void {
  const gone = new Set([...deleted.keys()].filter((id) => working.get(id) === undefined))
  const referrers = findStrongReferrers(documents, gone)
  for (const [id, index] of deleted) {
    const referencedBy = referrers.get(id)
    if (referencedBy === undefined) continue
    throw mutationFailed(
      409,
      index,
      'documentHasReferencesError',
      `Document "${id}" cannot be deleted as there are references to it from "${referencedBy[0]}"`,
      {id, referencedBy},
    )
  }
}

/**
 * Fails the transaction, as Content Lake does, when a document it wrote holds a strong reference
 * to a document that does not exist after it (a weak reference, `_weak: true`, may point
 * anywhere: the Studio uses one, with `_strengthenOnPublish`, for a document not yet published).
 * A contraindication list can then never point at nothing.
 */
function refuseReferencesToMissingDocuments(working: WorkingSet, touchedBy: ReadonlyMap<string, readonly number[]>): void {
  for (const [id, indexes] of touchedBy) {
    const document = working.get(id)
    if (document === undefined) continue
    const missing = strongReferences(document).find((target) => working.get(target) === undefined)
    if (missing === undefined) continue
    throw mutationFailed(409, indexes.at(-1) ?? 0, 'documentReferenceIntegrityError', `Document "${id}" references non-existent document "${missing}"`, {
      id,
      referenceId: missing,
    })
  }
}

async function applyOne(
  working: WorkingSet,
  mutation: Mutation,
  index: number,
  context: TransactionContext,
): Promise<MutationResult[]> {
  const {now, transactionId} = context
  switch (mutation.kind) {
    case 'create': {
      const id = idForCreate(mutation.document._id as string | undefined)
      if (working.get(id) !== undefined) {
        throw mutationFailed(409, index, 'documentAlreadyExistsError', `Document by ID "${id}" already exists`, {id})
      }
      const document = stamp(mutation.document, id, now, transactionId, undefined)
      working.put(document)
      return [{id, operation: 'create', document}]
    }
    case 'createIfNotExists':
    case 'createOrReplace': {
      const id = mutation.document._id as string
      const existing = working.get(id)
      if (existing !== undefined && mutation.kind === 'createIfNotExists') {
        return [{id, operation: 'none', document: existing}]
      }
      const keepCreatedAt = existing?._type === mutation.document._type ? existing?._createdAt : undefined
      const document = stamp(mutation.document, id, now, transactionId, keepCreatedAt)
      working.put(document)
      return [{id, operation: existing === undefined ? 'create' : 'update', document}]
    }
    case 'delete': {
      const ids = await selectIds(working, mutation.selection, context, index)
      return ids.flatMap((id) => {
        const existing = working.get(id)
        if (existing === undefined) return []
        working.delete(id)
        return [{id, operation: 'delete' as const, document: existing}]
      })
    }
    case 'patch': {
      const ids = await selectIds(working, mutation.selection, context, index)
      return ids.map((id) => {
        const existing = working.get(id)
        if (existing === undefined) {
          throw mutationFailed(409, index, 'documentNotFoundError', `The document with the ID "${id}" was not found`, {id})
        }
        if (mutation.ifRevisionID !== undefined && mutation.ifRevisionID !== existing._rev) {
          throw mutationFailed(
            409,
            index,
            'documentRevisionIDDoesNotMatchError',
            `Document "${id}" has unexpected revision ID ("${existing._rev ?? ''}"), expected "${mutation.ifRevisionID}"`,
            {id, currentRevisionID: existing._rev ?? null, expectedRevisionID: mutation.ifRevisionID},
          )
        }
        let patched: Record<string, unknown>
        try {
          patched = applyPatch(existing, mutation.operations)
        } catch (error) {
          if (!(error instanceof PatchError)) throw error
          // A text patch that no longer lands is a conflict with a concurrent edit (the Studio
          // then drops its unsaved edits and shows the saved text), never a silent partial edit.
          if (error instanceof PatchConflictError) throw mutationFailed(409, index, 'conflictError', `Cannot patch document "${id}": ${error.message}`, {id})
          throw mutationFailed(400, index, 'invalidPatchError', `Cannot patch document "${id}": ${error.message}`, {id})
        }
        if (typeof patched._type !== 'string' || patched._type === '') {
          throw mutationFailed(400, index, 'invalidPatchError', `Cannot patch document "${id}": "_type" must stay a non-empty string`, {id})
        }
        const document = {...patched, _id: id, _updatedAt: now, _rev: transactionId} as DatasetDocument
        working.put(document)
        return {id, operation: 'update' as const, document}
      })
    }
  }
}

async function selectIds(
  working: WorkingSet,
  selection: Selection,
  context: TransactionContext,
  index: number,
): Promise<string[]> {
  if (selection.kind === 'ids') return selection.ids
  try {
    return await context.select(selection.query, selection.params, working.documents())
  } catch (error) {
    if (error instanceof ApiError) {
      throw mutationFailed(error.statusCode, index, 'invalidQueryError', `Mutation query failed: ${error.message}`, {})
    }
    throw error
  }
}

/** The stored form of a created/replaced document: system fields first, then the rest. */
function stamp(
  input: Record<string, unknown>,
  id: string,
  now: string,
  revision: string,
  keepCreatedAt: string | undefined,
): DatasetDocument {
  const {_id, _type, _rev, _createdAt, _updatedAt, ...fields} = input
  return {
    _id: id,
    _type: _type as string,
    _createdAt: typeof _createdAt === 'string' ? _createdAt : (keepCreatedAt ?? now),
    _updatedAt: now,
    _rev: revision,
    ...fields,
  }
}

function mutationFailed(
  status: number,
  index: number,
  type: string,
  description: string,
  details: Record<string, unknown>,
): ApiError {
  return new ApiError(status, 'mutationError', `The mutation(s) failed: ${description}`, {
    items: [{index, error: {...details, type, description}}],
  })
}
