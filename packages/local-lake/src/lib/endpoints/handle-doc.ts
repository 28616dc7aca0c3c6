import {badRequest} from '../api-error.ts'
import {isDraftId, isVersionId} from '../query/apply-perspective.ts'
import type {DatasetDocument} from '@treatments/content/dataset'
import type {LakeRequest, LakeResponse} from './lake-request.ts'

/**
 * `GET /v{version}/data/doc/{dataset}/{id1,id2,...}`: documents by id, as stored (raw).
 * Answers `{documents, omitted}`, where `omitted` lists `{id, reason: "existence"}` for ids that
 * do not exist and, for clients without the token, `{id, reason: "permission"}` for drafts and
 * versions (as Content Lake answers an anonymous client).
 */
export function handleDoc(context: LakeRequest): LakeResponse {
  const ids = context.rest
    .split(',')
    .map((id) => decodeSegment(id))
    .filter((id) => id !== '')
  if (ids.length === 0) throw badRequest('Missing document ids: use /data/doc/{dataset}/{id1,id2,...}')
  const documents: DatasetDocument[] = []
  const omitted: Array<{id: string; reason: 'existence' | 'permission'}> = []
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) continue
    seen.add(id)
    if (!context.access.authenticated && (isDraftId(id) || isVersionId(id))) {
      omitted.push({id, reason: 'permission'})
      continue
    }
    const document = context.store.byId.get(id)
    if (document === undefined) omitted.push({id, reason: 'existence'})
    else documents.push(document)
  }
  return {statusCode: 200, body: {documents, omitted}}
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest(`Document id "${segment}" is not valid URL encoding`)
  }
}
