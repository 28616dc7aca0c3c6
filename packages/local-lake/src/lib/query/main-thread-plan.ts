import {pageBySlugPlan} from '@treatments/content/dataset'

import type {QueryView} from './groq-runner.ts'
import {type EncodedAnswer, ReferenceJson} from './reference-json.ts'

/** Longest parameter string a page read may send to be answered on the main thread. */
const MAX_TEXT = 256
/** Most items of a parameter list (the page's locale chain) answered on the main thread. */
const MAX_ITEMS = 16

/**
 * Answers one treatment page by slug on the main thread, without a worker's round trip, when
 * that provably takes a bounded time: the query is the package's `treatmentBySlugQuery`,
 * answered by its fixed plain-JavaScript plan (no groq-js, no regular expression), and every
 * parameter is a short scalar or a short list of short scalars, so the plan reads one treatment
 * and what it references, comparing each localized field against at most {@link MAX_ITEMS}
 * locales. Anything else (another query, other parameters, data the plan does not cover)
 * returns `undefined` and goes to a worker. The referenced documents' projections and their JSON
 * are kept for the view's dataset state ({@link ReferenceJson}).
 *
 * @throws ApiError 400 `queryResultTooLarge` past `maxResponseBytes`
 */
export function answerOnMainThread(query: string, params: Record<string, unknown>, view: QueryView, maxResponseBytes: number): EncodedAnswer | undefined {
  if (!Object.values(params).every(isBoundedParameter)) return undefined
  const kept = ReferenceJson.of(view.documents)
  const projections = kept.projectionsFor(params)
  const planned = pageBySlugPlan(query, params, view.documents, projections)
  return planned === undefined ? undefined : kept.encode(planned.answer, projections, maxResponseBytes)
}

function isBoundedParameter(value: unknown): boolean {
  if (Array.isArray(value)) return value.length <= MAX_ITEMS && value.every(isShortScalar)
  return isShortScalar(value)
}

function isShortScalar(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_TEXT
  return value === null || typeof value === 'number' || typeof value === 'boolean'
}
