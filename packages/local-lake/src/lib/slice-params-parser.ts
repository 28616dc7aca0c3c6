import {type ExprNode, parse} from 'groq-js'

/** A parse tree and the `$parameters` it still reads. */
export interface SliceParsedQuery {
  tree: ExprNode
  parameters: readonly string[]
}

/**
 * Whether groq-js refused a query because a slice has parameter bounds (`[0...$limit]`, as the
 * Studio's lists and reference search send): groq-js needs slice bounds when it parses, so such
 * a query parses only with its parameters. groq-js gives this error no code, only its message.
 */
export function isParameterSlice(error: unknown): boolean {
  return error instanceof Error && error.name === 'GroqQueryError' && /slicing must use constant numbers/.test(error.message)
}

/**
 * Parses queries whose slices have parameter bounds, with their parameters, caching the trees by
 * query and parameters (least recently used go first).
 */
export class SliceParamsParser {
  readonly #cacheSize: number
  readonly #cache = new Map<string, SliceParsedQuery>()

  /** @param cacheSize - how many parsed queries to keep */
  constructor(cacheSize: number) {
    this.#cacheSize = cacheSize
  }

  /**
   * @throws groq-js's errors, as its `parse` does
   */
  parse(query: string, params: Record<string, unknown>): SliceParsedQuery {
    const key = `${query}\u0000${JSON.stringify(params)}`
    const cached = this.#cache.get(key)
    if (cached !== undefined) {
      this.#cache.delete(key)
      this.#cache.set(key, cached)
      return cached
    }
    const tree = parse(query, {params})
    const parsed = {tree, parameters: [...parameterNames(tree, new Set())]}
    this.#cache.set(key, parsed)
    if (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value!)
    return parsed
  }
}

/** The `$parameters` a tree still reads (those not folded into slice bounds). */
function parameterNames(node: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) parameterNames(child, names)
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') names.add(record.name)
    else if (record.type !== 'Value') for (const child of Object.values(record)) parameterNames(child, names)
  }
  return names
}
