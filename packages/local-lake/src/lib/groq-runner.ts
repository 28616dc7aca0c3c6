import {GroqRunner as DatasetGroqRunner} from '@treatments/content/dataset'
import {GroqSyntaxError} from 'groq-js'

import {ApiError} from './api-error.ts'
import type {LakeDocument} from './lake-document.ts'

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

/**
 * Parses and evaluates GROQ with groq-js, caching parsed queries by their text
 * (the same queries repeat, parsing is the expensive part for small datasets).
 */
export class GroqRunner {
  readonly #runner: DatasetGroqRunner

  /** @param cacheSize - how many parsed queries to keep */
  constructor(cacheSize: number) {
    this.#runner = new DatasetGroqRunner({cacheSize})
  }

  /**
   * Runs `query` with `params` over `view`.
   *
   * @throws ApiError 400 `queryParseError` for a query that does not parse (with `start`, `end`
   *   and `query`, as Sanity sends them) or that uses a parameter it was not given
   */
  async run(query: string, params: Record<string, unknown>, view: QueryView, scope: QueryScope): Promise<unknown> {
    const parsed = this.parse(query)
    const missing = parsed.parameters.find((name) => !Object.hasOwn(params, name))
    if (missing !== undefined) {
      throw new ApiError(400, 'queryParseError', `param $${missing} referenced, but not provided`, {query})
    }
    return this.#runner.run(query, params, view.documents, {sanity: scope})
  }

  /** The parse tree of `query` and the parameters it reads, from the cache when possible. */
  parse(query: string): ReturnType<DatasetGroqRunner['parse']> {
    try {
      return this.#runner.parse(query)
    } catch (error) {
      throw toParseError(error, query)
    }
  }
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
