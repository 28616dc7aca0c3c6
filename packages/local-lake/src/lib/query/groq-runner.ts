import {GroqRunner as DatasetGroqRunner} from '@treatments/content/dataset'
import {GroqSyntaxError} from 'groq-js'

import {ApiError} from '../api-error.ts'
import {exceedsDepth} from './json-depth.ts'
import type {DatasetDocument} from '@treatments/content/dataset'
import {QueryBudget, QueryCancelledError, type QueryLimits, queryStopped} from './query-budget.ts'

/** The documents a query runs over, with an index by `_id` for fast `->` dereferencing. */
export interface QueryView {
  documents: readonly DatasetDocument[]
  byId: ReadonlyMap<string, DatasetDocument>
}

/** Where a query runs, for `sanity::projectId()` and `sanity::dataset()`. */
export interface QueryScope {
  projectId: string
  dataset: string
}

type ParsedQuery = Pick<ReturnType<DatasetGroqRunner['parse']>, 'tree' | 'parameters'>

/**
 * How deep a query's syntax tree and its parameter values may nest. groq-js parses, evaluates
 * and the answer is serialized by recursion, so deeper input would overflow the stack; Sanity
 * itself refuses far shallower queries.
 */
export const MAX_QUERY_DEPTH = 200

/**
 * The dataset core's runner (parsed-query cache, index lookups) with the lake's limits: every
 * `*` of a query is fed through a {@link QueryBudget}, so a long query yields to other requests
 * and stops at its limit, and errors take Sanity's shapes.
 */
export class GroqRunner {
  readonly #runner: DatasetGroqRunner
  /** Parsed queries already found shallow enough. */
  readonly #shallow = new WeakSet<ParsedQuery>()

  /** @param cacheSize - how many parsed queries to keep */
  constructor(cacheSize: number) {
    this.#runner = new DatasetGroqRunner({cacheSize})
  }

  /**
   * Runs `query` with `params` over `view`.
   *
   * Every scan of the dataset runs through a {@link QueryBudget}: the query yields the event loop
   * to other requests every few milliseconds and stops at `limits.timeoutMs` or when
   * `limits.signal` aborts.
   *
   * @throws ApiError 400 `queryParseError` for a query that does not parse (with `start`, `end`
   *   and `query`, as Sanity sends them), that nests too deeply, or that uses a parameter it was
   *   not given; 400 `queryParamsTooDeep` for parameters nested more than {@link MAX_QUERY_DEPTH}
   *   levels; 408 `queryTimeoutError` past the time limit
   * @throws QueryCancelledError when `limits.signal` aborts
   */
  async run(
    query: string,
    params: Record<string, unknown>,
    view: QueryView,
    scope: QueryScope,
    limits: QueryLimits,
  ): Promise<unknown> {
    const parsed = this.parse(query, params)
    const missing = parsed.parameters.find((name) => !Object.hasOwn(params, name))
    if (missing !== undefined) {
      throw new ApiError(400, 'queryParseError', `param $${missing} referenced, but not provided`, {query})
    }
    assertShallowParams(query, params)
    const budget = new QueryBudget(limits)
    try {
      return await this.#runner.run(query, params, view.documents, {sanity: scope, scan: (documents) => budget.documents(documents)})
    } catch (error) {
      if (error instanceof QueryCancelledError || (error instanceof ApiError && error.statusCode === 408)) {
        if (queryStopped.hasSubscribers) {
          queryStopped.publish({query, reason: error instanceof QueryCancelledError ? 'cancelled' : 'timeout', ms: Math.round(budget.elapsed())})
        }
      }
      if (error instanceof ApiError || error instanceof QueryCancelledError) throw error
      if (error instanceof RangeError) {
        throw new ApiError(400, 'queryParseError', `Query is too complex to evaluate: ${error.message}`, {query})
      }
      throw error
    }
  }

  /**
   * The parse tree of `query` and the parameters it reads, from the cache when possible.
   * `params` are used only by queries that slice with parameter bounds, which groq-js can
   * parse only with their parameters.
   *
   * @throws ApiError 400 `queryParseError` for a query that does not parse or nests too deeply
   */
  parse(query: string, params: Record<string, unknown> = {}): ParsedQuery {
    let parsed: ParsedQuery
    try {
      parsed = this.#runner.parse(query, params)
    } catch (error) {
      if (error instanceof RangeError) throw tooDeep(query)
      throw toParseError(error, query)
    }
    // The parsed query is cached, so its depth is measured once, not on every request.
    if (!this.#shallow.has(parsed)) {
      if (exceedsDepth(parsed.tree, MAX_QUERY_DEPTH * 3)) throw tooDeep(query)
      this.#shallow.add(parsed)
    }
    return parsed
  }
}

/**
 * Refuses parameters nested deeper than {@link MAX_QUERY_DEPTH}: evaluating, copying to a
 * query worker and serializing them all recurse.
 *
 * @throws ApiError 400 `queryParamsTooDeep`
 */
export function assertShallowParams(query: string, params: Record<string, unknown>): void {
  if (exceedsDepth(params, MAX_QUERY_DEPTH)) {
    throw new ApiError(400, 'queryParamsTooDeep', `Query parameters nest more than ${MAX_QUERY_DEPTH} arrays or objects deep`, {query})
  }
}

function tooDeep(query: string): ApiError {
  return new ApiError(400, 'queryParseError', `Query nests too deeply (the local lake accepts up to ${MAX_QUERY_DEPTH} levels)`, {query})
}

function toParseError(error: unknown, query: string): ApiError {
  if (error instanceof GroqSyntaxError) {
    const description = error.message.replace(/^Syntax error in GROQ query at position \d+: /, '')
    const start = Math.min(error.position, query.length)
    return new ApiError(400, 'queryParseError', description, {
      query,
      start,
      end: Math.min(start + 1, Math.max(query.length, start)),
    })
  }
  if (error instanceof Error && error.name === 'GroqQueryError') {
    return new ApiError(400, 'queryParseError', error.message, {query})
  }
  throw error
}
