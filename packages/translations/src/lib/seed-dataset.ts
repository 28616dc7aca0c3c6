import {isDeepStrictEqual} from 'node:util'

import type {SanityClient} from '@sanity/client'

import type {DatasetDocument} from '@treatments/content/dataset'

import {referenceGroups} from './reference-order.ts'

/** Progress after each batch of {@link seedDataset}. */
export interface SeedProgress {
  /** Documents written so far. */
  done: number
  total: number
  /** 1-based batch number. */
  batch: number
  /** Ids written in this batch. */
  ids: string[]
}

/** Options for {@link seedDataset}. */
export interface SeedOptions {
  /** Documents per transaction (a reference cycle is never split, so a batch may be larger). Default 50. */
  batchSize?: number
  /** Called after each committed batch. */
  onProgress?: (progress: SeedProgress) => void
}

/** What {@link seedDataset} wrote. */
export interface SeedResult {
  total: number
  /** Transactions committed (a batch whose documents were all already as given commits none). */
  batches: number
  /** Ids of the documents that did not exist. */
  created: string[]
  /** Ids of the documents that existed and differed: replaced (drafts among them are someone's unpublished work). */
  replaced: string[]
  /** How many documents were already as given (not written: no new revision, no history entry). */
  unchanged: number
}

/**
 * Writes `documents` through `client` with `createOrReplace`, so seeding twice gives the same
 * documents. Documents referenced by others go first (a topological order of their `_ref`s), in
 * batches of `batchSize`, each batch one transaction. `_rev` is left to the server. A document
 * already as given (compared without `_rev` and `_updatedAt`, and without `_createdAt` when
 * the given one has none) is not written, so seeding again changes nothing; reading them needs
 * a token that may read drafts (`perspective: 'raw'`), as writing does.
 *
 * @throws {TypeError} When `batchSize` is not a positive integer or a document has no `_id`/`_type`.
 * @throws The client's error when a batch fails; earlier batches stay written (run again: it is idempotent).
 */
export async function seedDataset(client: SanityClient, documents: readonly DatasetDocument[], options: SeedOptions = {}): Promise<SeedResult> {
  const batchSize = options.batchSize ?? 50
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new TypeError(`seedDataset: option "batchSize" must be a positive integer; got ${String(batchSize)}`)
  }
  documents.forEach((document, index) => {
    if (typeof document?._id !== 'string' || document._id === '' || typeof document._type !== 'string' || document._type === '') {
      throw new TypeError(`seedDataset: document at index ${index} needs a string _id and _type`)
    }
  })
  const batches: DatasetDocument[][] = []
  let current: DatasetDocument[] = []
  for (const group of referenceGroups(documents)) {
    if (current.length > 0 && current.length + group.length > batchSize) {
      batches.push(current)
      current = []
    }
    current.push(...group)
  }
  if (current.length > 0) batches.push(current)
  let done = 0
  let committed = 0
  const created: string[] = []
  const replaced: string[] = []
  let unchanged = 0
  for (const [index, batch] of batches.entries()) {
    const ids = batch.map((document) => document._id)
    const existing = new Map((await client.fetch<DatasetDocument[]>('*[_id in $ids]', {ids}, {perspective: 'raw'})).map((document) => [document._id, document]))
    const transaction = client.transaction()
    let writes = 0
    for (const {_rev: _ignored, ...document} of batch) {
      const current = existing.get(document._id)
      if (current !== undefined && sameContent(current, document)) {
        unchanged++
        continue
      }
      ;(current === undefined ? created : replaced).push(document._id)
      transaction.createOrReplace(document as DatasetDocument)
      writes++
    }
    if (writes > 0) {
      await transaction.commit()
      committed++
    }
    done += batch.length
    options.onProgress?.({done, total: documents.length, batch: index + 1, ids})
  }
  return {total: documents.length, batches: committed, created, replaced, unchanged}
}

/** Whether the stored `current` already holds `given`: server-kept fields aside. */
function sameContent(current: DatasetDocument, given: Record<string, unknown>): boolean {
  const {_rev, _updatedAt, _createdAt, ...stored} = current
  const {_updatedAt: _givenUpdatedAt, _createdAt: givenCreatedAt, ...wanted} = given
  return isDeepStrictEqual(stored, wanted) && (givenCreatedAt === undefined || givenCreatedAt === _createdAt)
}
