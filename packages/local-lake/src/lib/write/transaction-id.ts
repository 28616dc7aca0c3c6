import {ApiError, badRequest} from '../api-error.ts'
import {randomId} from './document-id.ts'

/**
 * The transaction id a mutate or actions request asks for, or a new random one.
 *
 * @throws ApiError 400 when it is not 1–128 letters, digits, ".", "_" or "-"
 */
export function readTransactionId(value: unknown): string {
  if (value === undefined || value === null || value === '') return randomId()
  if (typeof value !== 'string' || !/^[A-Za-z0-9._-]{1,128}$/.test(value)) {
    throw badRequest('"transactionId" must be a string of 1–128 letters, digits, ".", "_" or "-"')
  }
  return value
}

/**
 * Refuses a transaction id the dataset has already used. The id becomes the `_rev` of every
 * document the transaction writes, so a reused one could leave a changed document with the
 * revision a stale `ifRevisionID` still expects, and that edit would be lost silently.
 *
 * @throws ApiError 409 `conflict`
 */
export function assertNewTransactionId(used: (id: string) => boolean, id: string, dataset: string): void {
  if (!used(id)) return
  throw new ApiError(409, 'conflict', `Transaction id "${id}" is already used in dataset "${dataset}"; send a new one, or none for a random id`, {
    transactionId: id,
  })
}
