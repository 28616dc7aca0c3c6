import {performance} from 'node:perf_hooks'

import {badRequest} from '../api-error.ts'
import {requireToken} from '../http/lake-access.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {resolvePerspective} from '../query/perspective.ts'
import {parseJsonObject, readJsonText} from '../http/read-body.ts'
import {queryOfBody} from '../query/query-body.ts'
import {paramsFromSearch} from '../http/search-params.ts'
import {searchParamsOf} from '../http/search-params-of.ts'
import {assertShallowParams} from '../query/groq-runner.ts'
import {answerOnMainThread} from '../query/main-thread-plan.ts'
import {type PooledQuery, type QueryPool, type QueryText, runOnMainThread} from '../query/query-pool.ts'
import {SerializedJson} from '../http/send-json.ts'
import {wholeDocumentSourceMap} from '../query/whole-document-source-map.ts'
import {syncTagOf} from './handle-live-events.ts'
import type {KeptAnswer} from '../query/answer-cache.ts'

/**
 * `GET|POST /v{version}/data/query/{dataset}`: runs a GROQ query.
 *
 * GET reads `query` and `$name=<JSON>` parameters from the query string; POST reads a JSON body
 * `{query, params}`. Both honour `perspective` and `returnQuery=false` in the query string.
 * A perspective other than `published` needs the token; anonymous clients see published
 * documents only.
 * The query is evaluated and serialized in a worker thread ({@link QueryPool}), stopped at the time
 * limit; a page by slug with short parameters is answered on the main thread by its fixed plan
 * ({@link answerOnMainThread}). A POST body over 64 KiB is parsed by the worker too.
 * Answers `{query, result, ms}` (without `query` when `returnQuery=false`). The serialized result
 * is kept (`AnswerCache`) until the dataset next changes; `ms` is this request's time.
 * With `resultSourceMap` (any value but `false`), as the Presentation tool asks, the answer also
 * carries a Content Source Map ({@link wholeDocumentSourceMap}), and, as with `lastLiveEventId`,
 * the `syncTags` that live events name ({@link syncTagOf}).
 */
export async function handleQuery(context: LakeRequest): Promise<LakeResponse> {
  const started = performance.now()
  const search = searchParamsOf(context.url)
  let query: string
  let params: Record<string, unknown>
  /** A large POST body, left for the query worker to parse. */
  let body: string | undefined
  if (context.method === 'POST') {
    const text = await readJsonText(context.request, context.options.maxBodyBytes)
    // Parsing, walking and copying a body of millions of values to a worker held the main thread
    // for seconds; one this long could never be answered from the kept answers or the page plan anyway.
    if (text.length > MAIN_THREAD_BODY_LENGTH && context.queries !== undefined) {
      body = text
      query = ''
      params = {}
    } else {
      const parsed = queryOfBody(parseJsonObject(text))
      query = parsed.query
      params = parsed.params
    }
  } else {
    const text = search.get('query') ?? ''
    if (text.trim() === '') throw badRequest('Missing "query" parameter: a GROQ query string')
    query = text
    params = paramsFromSearch(search)
  }
  const requested = search.get('perspective')
  let perspective = resolvePerspective(requested, context.apiVersion)
  if (perspective !== 'published' && !context.access.authenticated) {
    if (requested !== null && requested !== '') requireToken(context.access, `Queries with perspective "${requested}"`)
    // Older API versions default to raw; without the token a client sees what Content Lake
    // shows an anonymous client: published documents only.
    perspective = 'published'
  }
  const answers = context.store.answers
  const key = body === undefined ? answers.keyOf(perspective, context.projectId, query, params) : undefined
  let answer = key === undefined ? undefined : answers.get(key)
  if (answer === undefined && body !== undefined && context.queries !== undefined) {
    const ran = await context.queries.run({
      dataset: context.store,
      perspective,
      query,
      params,
      body,
      scope: {projectId: context.projectId, dataset: context.store.name},
      timeoutMs: context.options.queryTimeoutMs,
      maxResponseBytes: context.options.maxResponseBytes,
      signal: context.signal,
    })
    query = ran.query ?? query
    answer = encoded(ran)
  }
  if (answer === undefined) {
    const generation = answers.generation
    assertShallowParams(query, params)
    const request: PooledQuery = {
      dataset: context.store,
      perspective,
      query,
      params,
      scope: {projectId: context.projectId, dataset: context.store.name},
      timeoutMs: context.options.queryTimeoutMs,
      maxResponseBytes: context.options.maxResponseBytes,
      signal: context.signal,
    }
    if (context.queries === undefined) {
      answer = encoded(await runOnMainThread(context.runner, request, context.store.view(perspective)))
    } else {
      answer = answerOnMainThread(query, params, context.store.view(perspective), context.options.maxResponseBytes) ?? encoded(await context.queries.run(request))
    }
    if (key !== undefined) answers.set(key, answer, generation)
  }
  const ms = Math.round(performance.now() - started)
  // As Sanity does: the query is echoed unless the client says returnQuery=false.
  const start = search.get('returnQuery') === 'false' ? '{"result":' : `{"query":${JSON.stringify(query)},"result":`
  const sourceMapped = search.has('resultSourceMap') && search.get('resultSourceMap') !== 'false'
  const sourceMap = sourceMapped ? `,"resultSourceMap":${JSON.stringify(wholeDocumentSourceMap(answer))}` : ''
  // A live-aware client (it asked for a source map, or names the last live event it saw) learns
  // which live events make this answer stale.
  const syncTags = sourceMapped || search.has('lastLiveEventId') ? `,"syncTags":${JSON.stringify([syncTagOf(context.store)])}` : ''
  return {statusCode: 200, body: new SerializedJson([start, ...answer.parts, `${sourceMap}${syncTags},"ms":${ms}}`])}
}

/**
 * The longest POST body parsed on the main thread, in characters: twice what the kept answers
 * take (a query and parameters of up to 16,384 characters each), far above a page's query.
 */
const MAIN_THREAD_BODY_LENGTH = 64 * 1024

function encoded({text, wholeDocuments}: QueryText): KeptAnswer {
  const json = Buffer.from(text)
  return {parts: [json], bytes: json.byteLength, wholeDocuments}
}
