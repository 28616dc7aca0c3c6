import {ApiError} from '../api-error.ts'
import {applyActions} from '../write/apply-actions.ts'
import {isRecord, type DatasetDocument} from '@treatments/content/dataset'
import {authorIdentity} from '../lake-identity.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {readJsonBody} from '../http/read-body.ts'
import {requestAuthor} from '../http/request-author.ts'
import {assertNewTransactionId, readTransactionId} from '../write/transaction-id.ts'
import {assertStorableRequest} from '../write/storable-value.ts'

/**
 * `POST /v{version}/data/actions/{dataset}`: applies `{actions: [...], transactionId?, dryRun?}`
 * (the Actions API the Studio uses for every edit and publish) as one all-or-nothing
 * transaction, persisted before answering. Answers `{transactionId}`, the id the client sent
 * or a new one; listen events carry the same id.
 */
export async function handleActions(context: LakeRequest): Promise<LakeResponse> {
  const {store, runner} = context
  if (context.options.readOnly) {
    throw new ApiError(403, 'actionError', `Dataset "${store.name}" is read-only: the local lake was started with readOnly, so actions are rejected`)
  }
  const body = await readJsonBody(context.request, context.options.maxBodyBytes)
  const author = requestAuthor(context.request)
  assertStorableRequest(body)
  const transactionId = readTransactionId(body.transactionId)
  const scope = {projectId: context.projectId, dataset: store.name}
  const select = async (query: string, params: Record<string, unknown>, documents: DatasetDocument[]) => {
    const byId = new Map(documents.map((document) => [document._id, document]))
    const result = await runner.run(query, params, {documents, byId}, scope, {timeoutMs: context.options.queryTimeoutMs})
    const items = Array.isArray(result) ? result : [result]
    return items.flatMap((item) => (isRecord(item) && typeof item._id === 'string' ? [item._id] : []))
  }
  await store.transact(
    async (documents, byId) => {
      assertNewTransactionId((id) => store.transactionIdUsed(id), transactionId, store.name)
      const now = new Date().toISOString()
      const outcome = await applyActions(documents, byId, body.actions, {transactionId, now, select})
      return {
        documents: outcome.documents,
        changed: outcome.changed,
        result: undefined,
        committed: {transactionId, timestamp: now, identity: authorIdentity(author), ...(author === undefined ? {} : {author}), changes: outcome.changes},
      }
    },
    {dryRun: body.dryRun === true},
  )
  return {statusCode: 200, body: {transactionId}}
}
