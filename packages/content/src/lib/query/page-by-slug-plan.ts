import {treatmentBySlugQuery as sentPageQuery} from '../../generated/sent-queries.ts'
import {treatmentBySlugQuery} from './queries.ts'
import {type ReferenceProjections, treatmentQueryPlans} from './treatment-query-plans.ts'
import type {DatasetDocument} from '../dataset/dataset-document.ts'
import {indexDocuments} from '../dataset/document-index.ts'

/** `treatmentBySlugQuery` as written and as the package sends it. */
const PAGE_BY_SLUG = new Set([treatmentBySlugQuery, sentPageQuery])

/**
 * One treatment page by slug (`treatmentBySlugQuery`) answered by its plain-JavaScript plan from
 * the index, never by groq-js: fixed code that runs no regular expression and reads one
 * treatment and the documents it references. `undefined` for any other query, or when the plan
 * does not cover the data or the parameters (then groq-js must answer). `projections` may be kept
 * across calls over the same `documents` with the same `params` other than `slug` (the local lake
 * keeps them to keep the referenced documents' JSON).
 *
 * @internal
 */
export function pageBySlugPlan(
  query: string,
  params: Record<string, unknown>,
  documents: readonly DatasetDocument[],
  projections?: ReferenceProjections,
): {answer: unknown} | undefined {
  if (!PAGE_BY_SLUG.has(query)) return undefined
  const answer = treatmentQueryPlans.get(query)!(indexDocuments(documents), documents, params, projections)
  return answer === undefined ? undefined : {answer}
}
