import {GroqRunner as DatasetGroqRunner} from '@treatments/content/dataset'
import {type ExprNode, GroqSyntaxError, evaluate} from 'groq-js'

// The dataset core's query plan step (index lookups for a root filter on _type, _id or slug).
// Not exported from @treatments/content/dataset; imported from its source so both runners plan
// alike. TODO(lead): export it, or give the core runner a hook to meter scans.
import {narrowRootFilter} from '../../../content/src/lib/dataset/narrow-root-filter.ts'
import {ApiError} from './api-error.ts'
import {exceedsDepth} from './json-depth.ts'
import type {LakeDocument} from './lake-document.ts'
import {QueryBudget, QueryCancelledError, type QueryLimits, queryStopped} from './query-budget.ts'
import {SliceParamsParser, isParameterSlice} from './slice-params-parser.ts'

/** The documents a query runs over, with an index by `_id` for fast `->` dereferencing. */
export interface QueryView {
  documents: readonly LakeDocument[]
  byId: ReadonlyMap<string, LakeDocument>
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

/** The parameter every `*` of a query is rewritten to read, so scans go through the budget. */
const DATASET_PARAMETER = '__localLakeDataset'

/**
 * Parses GROQ with the dataset core's runner (which caches parsed queries by their text) and
 * evaluates it with groq-js under a time budget: unlike the core's `run`, every `*` of the
 * query is fed through a {@link QueryBudget}, so a long query yields to other requests and stops
 * at its limit.
 */
export class GroqRunner {
  readonly #runner: DatasetGroqRunner
  readonly #slices: SliceParamsParser

  /** @param cacheSize - how many parsed queries to keep */
  constructor(cacheSize: number) {
    this.#runner = new DatasetGroqRunner({cacheSize})
    this.#slices = new SliceParamsParser(cacheSize)
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
    if (exceedsDepth(params, MAX_QUERY_DEPTH)) {
      throw new ApiError(400, 'queryParamsTooDeep', `Query parameters nest more than ${MAX_QUERY_DEPTH} arrays or objects deep`, {query})
    }
    const budget = new QueryBudget(limits)
    const tree = meterScans(narrowRootFilter(parsed.tree, view.documents, params))
    try {
      const value = await evaluate(tree, {
        dataset: [],
        params: {...params, [DATASET_PARAMETER]: budget.documents(view.documents)},
        sanity: scope,
        timestamp: new Date(),
        dereference: ({_ref}) => view.byId.get(_ref) as never,
      })
      return await value.get()
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
   * parse only with their parameters (see {@link SliceParamsParser}).
   *
   * @throws ApiError 400 `queryParseError` for a query that does not parse or nests too deeply
   */
  parse(query: string, params: Record<string, unknown> = {}): ParsedQuery {
    let parsed: ParsedQuery
    try {
      parsed = this.#runner.parse(query)
    } catch (error) {
      if (error instanceof RangeError) throw tooDeep(query)
      if (!isParameterSlice(error)) throw toParseError(error, query)
      try {
        parsed = this.#slices.parse(query, params)
      } catch (retried) {
        if (retried instanceof RangeError) throw tooDeep(query)
        throw toParseError(retried, query)
      }
    }
    if (exceedsDepth(parsed.tree, MAX_QUERY_DEPTH * 3)) throw tooDeep(query)
    return parsed
  }
}

function tooDeep(query: string): ApiError {
  return new ApiError(400, 'queryParseError', `Query nests too deeply (the local lake accepts up to ${MAX_QUERY_DEPTH} levels)`, {query})
}

/**
 * `tree` with every `*` replaced by a read of the metered dataset parameter. Each read gives
 * groq-js a fresh stream over the documents, so every scan (and every nested scan of a join)
 * checks the budget as it goes.
 */
function meterScans(node: ExprNode): ExprNode {
  return rewrite(node) as ExprNode
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite)
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  if (record.type === 'Everything') return {type: 'Parameter', name: DATASET_PARAMETER}
  if (record.type === 'Value') return value
  const copy: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(record)) copy[key] = rewrite(child)
  return copy
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
