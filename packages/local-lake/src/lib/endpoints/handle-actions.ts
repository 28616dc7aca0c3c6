import {ApiError} from '../api-error.ts'
import {applyActions} from '../write/apply-actions.ts'
import {authorIdentity} from '../lake-identity.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {readJsonBody} from '../http/read-body.ts'
import {requestAuthor} from '../http/request-author.ts'
import {assertNewTransactionId, readTransactionId} from '../write/transaction-id.ts'
import {assertStorableRequest} from '../write/storable-value.ts'
import {mutationSelection} from './mutation-selection.ts'

/**
 * `POST /v{version}/data/actions/{dataset}`: applies `{actions: [...], transactionId?, dryRun?}`
 * (the Actions API the Studio uses for every edit and publish) as one all-or-nothing
 * transaction, persisted before answering. Answers `{transactionId}`, the id the client sent
 * or a new one; listen events carry the same id.
 */
export async function handleActions(context: LakeRequest): Promise<LakeResponse> {
  const {store} = context
  if (context.options.readOnly) {
    throw new ApiError(403, 'actionError', `Dataset "${store.name}" is read-only: the local lake was started with readOnly, so actions are rejected`)
  }
  const body = await readJsonBody(context.request, context.options.maxBodyBytes)
  const author = requestAuthor(context.request)
  assertStorableRequest(body)
  const transactionId = readTransactionId(body.transactionId)
  const select = mutationSelection(context)
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
