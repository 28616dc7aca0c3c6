/**
 * Serialized query results of one dataset, as Sanity's API CDN keeps them: keyed by everything
 * that decides the answer (perspective, project, query text, parameters), dropped as a whole on
 * every committed change. Least recently used answers go first once `maxBytes` is reached; an
 * answer larger than an eighth of it is not kept.
 */
export class AnswerCache {
  readonly #maxBytes: number
  readonly #entries = new Map<string, KeptAnswer>()
  #bytes = 0
  #generation = 0

  /** @param maxBytes - bytes of answers (and their keys) to keep; `0` keeps none */
  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes
  }

  /**
   * Changes with every {@link AnswerCache.invalidate}. Read it before a query runs and pass it
   * to {@link AnswerCache.set}, so an answer computed from a state that changed meanwhile is
   * not kept.
   */
  get generation(): number {
    return this.#generation
  }

  /** The cache key of a query, or `undefined` when its answer must not be kept. */
  keyOf(perspective: string, projectId: string, query: string, params: Record<string, unknown>): string | undefined {
    if (this.#maxBytes === 0 || DEPENDS_ON_TIME.test(query)) return undefined
    let encoded: string
    try {
      encoded = JSON.stringify(params)
    } catch {
      // Too deep to serialize: not kept (the runner refuses such parameters with a 400).
      return undefined
    }
    const key = `${perspective}\u0000${projectId}\u0000${query}\u0000${encoded}`
    return key.length * 2 > this.#maxBytes / 8 ? undefined : key
  }

  /** The kept answer for `key`. */
  get(key: string): KeptAnswer | undefined {
    const found = this.#entries.get(key)
    if (found !== undefined) {
      this.#entries.delete(key)
      this.#entries.set(key, found)
    }
    return found
  }

  /** Keeps `answer` for `key`, unless the dataset changed since `generation` was read. */
  set(key: string, answer: KeptAnswer, generation: number): void {
    if (generation !== this.#generation || this.#entries.has(key)) return
    const size = key.length * 2 + answer.bytes
    if (size > this.#maxBytes / 8) return
    this.#entries.set(key, answer)
    this.#bytes += size
    for (const [oldest, value] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= oldest.length * 2 + value.bytes
    }
  }

  /** Forgets every answer: the dataset changed. */
  invalidate(): void {
    this.#generation++
    this.#entries.clear()
    this.#bytes = 0
  }

  /** How many answers are kept. */
  get size(): number {
    return this.#entries.size
  }
}

/**
 * A serialized answer and its length in UTF-8 bytes. Kept as the string JSON.stringify made:
 * turning it into a Buffer first cost a request that is not answered again more than it saved.
 */
export interface KeptAnswer {
  text: string
  bytes: number
}

/** `now()`, `global::now()` and `dateTime::now()` answer differently every time (any query naming `now` is not kept). */
const DEPENDS_ON_TIME = /\bnow\b/
