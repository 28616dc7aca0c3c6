import {ApiError} from '../api-error.ts'
import {type MutationResult, applyMutations} from '../write/apply-mutations.ts'
import {authorIdentity} from '../lake-identity.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {parseMutations} from '../write/parse-mutations.ts'
import {readJsonBody} from '../http/read-body.ts'
import {requestAuthor} from '../http/request-author.ts'
import {assertNewTransactionId, readTransactionId} from '../write/transaction-id.ts'
import {assertStorableRequest} from '../write/storable-value.ts'
import {mutationSelection} from './mutation-selection.ts'

/**
 * `POST /v{version}/data/mutate/{dataset}`: applies `{mutations: [...]}` as one all-or-nothing
 * transaction and persists it before answering.
 *
 * Query string: `returnDocuments=true` adds each changed `document` to `results`; `dryRun=true`
 * computes the answer without changing anything; `transactionId` sets the transaction id.
 * Answers `{transactionId, results: [{id, operation}]}`.
 */
export async function handleMutate(context: LakeRequest): Promise<LakeResponse> {
  const {url, store} = context
  if (context.options.readOnly) {
    throw new ApiError(403, 'mutationError', `Dataset "${store.name}" is read-only: the local lake was started with readOnly, so mutations are rejected`)
  }
  const body = await readJsonBody(context.request, context.options.maxBodyBytes)
  const author = requestAuthor(context.request)
  assertStorableRequest(body)
  const mutations = parseMutations(body.mutations)
  const transactionId = readTransactionId(body.transactionId ?? url.searchParams.get('transactionId') ?? undefined)
  const dryRun = url.searchParams.get('dryRun') === 'true' || body.dryRun === true
  const select = mutationSelection(context)
  const raw = body.mutations as Record<string, unknown>[]
  const results = await store.transact(
    async (documents, byId) => {
      assertNewTransactionId((id) => store.transactionIdUsed(id), transactionId, store.name)
      const now = new Date().toISOString()
      const outcome = await applyMutations(documents, byId, mutations, {transactionId, now, select})
      return {
        documents: outcome.documents,
        changed: outcome.changed,
        result: outcome.results,
        committed: {
          transactionId,
          timestamp: now,
          identity: authorIdentity(author),
          ...(author === undefined ? {} : {author}),
          changes: outcome.changes.map(({id, before, after, mutationIndexes}) => ({
            id,
            before,
            after,
            mutations: mutationIndexes.map((index) => addressTo(raw[index]!, id)),
          })),
        },
      }
    },
    {dryRun},
  )
  const returnDocuments = url.searchParams.get('returnDocuments') === 'true'
  return {
    statusCode: 200,
    body: {transactionId, results: results.map((result) => present(result, returnDocuments))},
  }
}

/** A mutation as it applied to document `id` (a query selection becomes that id). */
function addressTo(mutation: Record<string, unknown>, id: string): Record<string, unknown> {
  const [[kind, value]] = Object.entries(mutation) as [[string, Record<string, unknown>]]
  if (kind === 'patch') {
    const {query: _query, params: _params, ...patch} = value
    return {patch: {...patch, id}}
  }
  if (kind === 'delete') return {delete: {id}}
  return mutation
}

function present({id, operation, document}: MutationResult, withDocument: boolean) {
  return withDocument ? {id, operation, document} : {id, operation}
}
