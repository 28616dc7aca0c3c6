import type {DatasetDocument} from '@treatments/content/dataset'

import {documentIds} from '../query/document-ids.ts'
import type {PoolDataset} from '../query/query-pool.ts'
import type {LakeRequest} from './lake-request.ts'

/** Numbers the transaction states sent to query workers, so a worker always takes the newest. */
let transactionStates = 0

/**
 * How a mutate or actions request finds the documents a `query` selection (`patch`/`delete`
 * with `query`) matches, in the transaction's documents as its earlier mutations left them.
 * Evaluated in a query worker, as every query is, so a selection stops at the time limit even
 * inside one regular-expression match: on the main thread a backtracking `match` held the lake
 * for minutes. The worker answers ids only. The dataset as committed is the worker's own copy;
 * a state the transaction changed is sent to it whole. With `queryWorkers: 0`, on the main thread.
 */
export function mutationSelection(context: LakeRequest): (query: string, params: Record<string, unknown>, documents: DatasetDocument[]) => Promise<string[]> {
  const {store, runner, queries, options} = context
  const scope = {projectId: context.projectId, dataset: store.name}
  return async (query, params, documents) => {
    if (queries === undefined) {
      const byId = new Map(documents.map((document) => [document._id, document]))
      return documentIds(await runner.run(query, params, {documents, byId}, scope, {timeoutMs: options.queryTimeoutMs}))
    }
    const dataset: PoolDataset = sameDocuments(documents, store.documents)
      ? store
      : {name: `${store.name}\u0000transaction`, generation: ++transactionStates, documents, deltasSince: () => undefined}
    const {text} = await queries.run({
      dataset,
      perspective: 'raw',
      query,
      params,
      scope,
      timeoutMs: options.queryTimeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      idsOnly: true,
    })
    return JSON.parse(text) as string[]
  }
}

function sameDocuments(a: readonly DatasetDocument[], b: readonly DatasetDocument[]): boolean {
  return a.length === b.length && a.every((document, index) => document === b[index])
}
