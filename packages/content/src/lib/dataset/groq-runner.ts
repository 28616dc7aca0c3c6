import {evaluate, parse, type ExprNode} from 'groq-js'

import type {DatasetDocument} from './dataset-document.ts'
import {indexDocuments} from './document-index.ts'
import {treatmentQueryPlans} from '../query/treatment-query-plans.ts'
import {narrowRootFilter} from './narrow-root-filter.ts'

/** A parsed query and the `$parameters` it reads. */
export interface ParsedQuery {
  tree: ExprNode
  parameters: readonly string[]
}

/**
 * What a query run may know besides its documents.
 *
 * @public
 */
export interface GroqRunOptions {
  /** For `sanity::projectId()` and `sanity::dataset()`. */
  sanity?: {projectId: string; dataset: string}
  /** For `now()`. Default: the time of the call. */
  timestamp?: Date
  /**
   * What every `*` of the query reads: given the documents, returns what groq-js scans (an
   * array or an async iterable). A server uses it to meter scans: yield to other requests every
   * few milliseconds, stop at a time limit. Default: the documents themselves.
   */
  scan?: (documents: readonly DatasetDocument[]) => unknown
}

/**
 * Whether groq-js refused a query because a slice has parameter bounds; groq-js gives this
 * error no code, only its message.
 */
function isParameterSlice(error: unknown): boolean {
  return error instanceof Error && error.name === 'GroqQueryError' && /slicing must use constant numbers/.test(error.message)
}

/** The parameter every `*` is rewritten to read when {@link GroqRunOptions.scan} is given. */
const SCAN_PARAMETER = '__datasetScan'

/**
 * Answers GROQ over documents held in memory with `groq-js`: the one runner that
 * `localDataset`, the local lake and the tools share. The package's own page queries are
 * answered by plain-JavaScript plans over the index; parsed queries are cached by their text;
 * `->` looks documents up by id, and a root filter on `_type`, `_id` or `slug.current` starts
 * from an index instead of scanning every document.
 *
 * @public
 */
export class GroqRunner {
  readonly #cacheSize: number
  readonly #cache = new Map<string, ParsedQuery>()

  /** @param options.cacheSize - how many parsed queries to keep (least recently used go first). Default 100. */
  constructor(options: {cacheSize?: number} = {}) {
    this.#cacheSize = options.cacheSize ?? 100
  }

  /**
   * The parse tree of `query`, from the cache when possible. `params` matter only for a query
   * that slices with parameter bounds (`[0...$limit]`, as the Sanity Studio's lists send): groq-js
   * needs slice bounds when it parses, so such a query is parsed (and cached) per parameter set.
   *
   * @throws groq-js's `GroqSyntaxError` (with `position`) for a query that does not parse
   */
  parse(query: string, params?: Record<string, unknown>): ParsedQuery {
    const cached = this.#cached(query)
    if (cached !== undefined) return cached
    let tree: ExprNode
    try {
      tree = parse(query)
    } catch (error) {
      if (params === undefined || !isParameterSlice(error)) throw error
      const key = `${query}\u0000${JSON.stringify(params)}`
      return this.#cached(key) ?? this.#store(key, parse(query, {params}))
    }
    return this.#store(query, tree)
  }

  #cached(key: string): ParsedQuery | undefined {
    const cached = this.#cache.get(key)
    if (cached !== undefined) {
      this.#cache.delete(key)
      this.#cache.set(key, cached)
    }
    return cached
  }

  #store(key: string, tree: ExprNode): ParsedQuery {
    const parsed = {tree, parameters: [...collectParameters(tree, new Set())]}
    this.#cache.set(key, parsed)
    if (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value!)
    return parsed
  }

  /**
   * Runs `query` with `params` over `documents` (every document, in dataset order; the array
   * must not be changed afterwards, since its index is kept).
   */
  async run(query: string, params: Record<string, unknown>, documents: readonly DatasetDocument[], options: GroqRunOptions = {}): Promise<unknown> {
    // The package's own queries are answered in plain JavaScript from the index (the same
    // values as groq-js, checked by a property test); any other query, or data a plan does not
    // cover, by groq-js. So localDataset and the local lake answer a page the same fast way.
    const plan = treatmentQueryPlans.get(query)
    if (plan !== undefined) {
      const answer = plan(indexDocuments(documents), documents, params)
      if (answer !== undefined) return answer
    }
    const {tree} = this.parse(query, params)
    const {byId} = indexDocuments(documents)
    const planned = narrowRootFilter(tree, documents, params)
    const {scan} = options
    const value = await evaluate(scan ? readScansFrom(planned, SCAN_PARAMETER) : planned, {
      dataset: scan ? [] : documents,
      params: scan ? {...params, [SCAN_PARAMETER]: scan(documents)} : params,
      ...(options.sanity ? {sanity: options.sanity} : {}),
      timestamp: options.timestamp ?? new Date(),
      dereference: ({_ref}) => (byId.get(_ref) ?? null) as never,
    })
    return value.get()
  }
}

/**
 * `tree` with every `*` replaced by a read of `$parameter`. Each read gives groq-js a fresh
 * stream over the documents, so every scan (and every nested scan of a join) goes through it.
 */
function readScansFrom(node: ExprNode, parameter: string): ExprNode {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (typeof value !== 'object' || value === null) return value
    const record = value as Record<string, unknown>
    if (record.type === 'Everything') return {type: 'Parameter', name: parameter}
    if (record.type === 'Value') return value
    const copy: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(record)) copy[key] = rewrite(child)
    return copy
  }
  return rewrite(node) as ExprNode
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
