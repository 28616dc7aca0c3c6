import {describeJson, isRecord} from '@treatments/content/dataset'

import {badRequest} from '../api-error.ts'

/**
 * The query and parameters of a `POST /data/query` body, `{query, params}`.
 *
 * @throws ApiError 400 for a missing or blank query, or parameters that are not an object
 */
export function queryOfBody(body: Record<string, unknown>): {query: string; params: Record<string, unknown>} {
  const {query, params = {}} = body
  if (typeof query !== 'string' || query.trim() === '') throw badRequest('Request body must have "query": a GROQ query string')
  if (!isRecord(params)) throw badRequest(`"params" must be an object of parameter values, got ${describeJson(params)}`)
  return {query, params}
}
