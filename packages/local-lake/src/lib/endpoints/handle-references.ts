import {ApiError} from '../api-error.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'

/**
 * `GET /v{version}/data/references/{dataset}/documents/{id}/to?excludeInternalReferences=true`:
 * the documents in other datasets that refer to `{id}` (cross-dataset references), which the
 * Studio's "Incoming references" asks for every few seconds. The local lake's datasets hold no
 * cross-dataset references, so the answer is always none. References within the dataset (without
 * `excludeInternalReferences`) are not answered here: the Studio finds those with a query.
 *
 * @throws ApiError 501 without `excludeInternalReferences=true`, 404 for another path
 */
export function handleReferences(context: LakeRequest): LakeResponse {
  if (!/^documents\/[^/]+\/to$/.test(context.rest)) {
    throw new ApiError(404, 'httpNotFound', 'Use /data/references/{dataset}/documents/{id}/to')
  }
  if (context.url.searchParams.get('excludeInternalReferences') !== 'true') {
    throw new ApiError(501, 'notImplemented', 'The local lake answers /data/references only with excludeInternalReferences=true; find references within a dataset with a query (references($id))')
  }
  return {statusCode: 200, body: {totalCount: 0, references: []}}
}
