import {type ExprNode, GroqSyntaxError, evaluate, parse} from 'groq-js'

import {ApiError} from './api-error.ts'
import type {LakeDocument} from './lake-document.ts'
import {LruCache} from './lru-cache.ts'
import {narrowRootFilter} from './narrow-root-filter.ts'

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

interface ParsedQuery {
  tree: ExprNode
  parameters: string[]
}

/**
 * Parses and evaluates GROQ with groq-js, caching parsed queries by their text
 * (the same queries repeat, parsing is the expensive part for small datasets).
 */
export class GroqRunner {
  readonly #cache: LruCache<ParsedQuery>

  /** @param cacheSize - how many parsed queries to keep */
  constructor(cacheSize: number) {
    this.#cache = new LruCache(cacheSize)
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
    const value = await evaluate(narrowRootFilter(parsed.tree, view.documents, params), {
      dataset: view.documents,
      params,
      sanity: scope,
      timestamp: new Date(),
      dereference: ({_ref}) => view.byId.get(_ref) as never,
    })
    return value.get()
  }

  /** The parse tree of `query`, from the cache when possible. */
  parse(query: string): ParsedQuery {
    const cached = this.#cache.get(query)
    if (cached !== undefined) return cached
    let tree: ExprNode
    try {
      tree = parse(query)
    } catch (error) {
      throw toParseError(error, query)
    }
    const parsed = {tree, parameters: [...collectParameters(tree, new Set())]}
    this.#cache.set(query, parsed)
    return parsed
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

/** Names of the `$parameters` a parse tree reads. */
function collectParameters(node: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) collectParameters(child, names)
    return names
  }
  if (typeof node !== 'object' || node === null) return names
  const record = node as Record<string, unknown>
  if (record.type === 'Value') return names
  if (record.type === 'Parameter' && typeof record.name === 'string') {
    names.add(record.name)
    return names
  }
  for (const child of Object.values(record)) collectParameters(child, names)
  return names
}
