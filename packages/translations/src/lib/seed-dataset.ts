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
  batches: number
}

/**
 * Writes `documents` through `client` with `createOrReplace`, so seeding twice gives the same
 * documents. Documents referenced by others go first (a topological order of their `_ref`s), in
 * batches of `batchSize`, each batch one transaction. `_rev` is left to the server.
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
  for (const [index, batch] of batches.entries()) {
    const transaction = client.transaction()
    for (const {_rev: _ignored, ...document} of batch) transaction.createOrReplace(document as DatasetDocument)
    await transaction.commit()
    done += batch.length
    options.onProgress?.({done, total: documents.length, batch: index + 1, ids: batch.map((document) => document._id)})
  }
  return {total: documents.length, batches: batches.length}
}
