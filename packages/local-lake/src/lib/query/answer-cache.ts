/**
 * Serialized query results of one dataset, as Sanity's API CDN keeps them: keyed by everything
 * that decides the answer (perspective, project, query text, parameters), dropped as a whole on
 * every committed change.
 *
 * An answer is kept from the second time it is asked for (a CDN's "cache on second hit"): a
 * site reading its popular pages gets them from here, while reads that never repeat (a crawl,
 * the load benchmark) cost only a short key each instead of filling the heap with answers the
 * garbage collector then has to walk. Least recently used answers go first once `maxBytes` is
 * reached; an answer larger than an eighth of it is not kept. What the cache remembers besides
 * answers (query texts, keys asked for once) is bounded too, so requests that never repeat,
 * however large, cannot grow it past its budget.
 *
 * A key asked for once is remembered only for as many other first asks as the budget holds
 * answers (at the mean size of the answers it was given), as 2Q's ghost queue is sized to the
 * cache: an answer asked for again later than that would be dropped before its next ask anyway,
 * so keeping it would only churn memory. A crawl of more pages than the budget holds, asking for
 * each again 10,000 pages later, kept every answer for nothing: each lived long enough to be
 * promoted to V8's old generation, the major collections that followed held the load benchmark's
 * p99 at 150–250 ms, and the lake's CPU per read at 0.32 ms instead of 0.21.
 */
export class AnswerCache {
  readonly #maxBytes: number
  readonly #entries = new Map<string, KeptAnswer>()
  /** Keys asked for once, oldest first: the next ask keeps the answer. */
  readonly #seen = new Set<string>()
  /** A short number per query text (`-1`: never kept), so keys do not repeat kilobytes of GROQ. */
  readonly #queryIds = new Map<string, number>()
  #nextQueryId = 0
  #bytes = 0
  /** Bytes of the keys in {@link AnswerCache.#seen} and of the texts in {@link AnswerCache.#queryIds}. */
  #seenBytes = 0
  #queryTextBytes = 0
  /** Mean bytes of an entry (key and answer) over the answers given to {@link AnswerCache.set}. */
  #meanEntryBytes = 0
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
    if (this.#maxBytes === 0 || query.length > this.#maxTextLength) return undefined
    const id = this.#queryIdOf(query)
    if (id < 0) return undefined
    let encoded: string
    try {
      encoded = JSON.stringify(params, refuseNonFinite)
    } catch {
      // Too deep to serialize, or a number JSON cannot tell from `null` (`1e999` is `Infinity`):
      // not kept (the runner refuses too-deep parameters with a 400).
      return undefined
    }
    if (encoded.length > this.#maxTextLength) return undefined
    return `${id}\u0000${perspective}\u0000${projectId}\u0000${encoded}`
  }

  /** The longest query text, and the longest encoded parameters, whose answers are kept. */
  get #maxTextLength(): number {
    return Math.min(MAX_TEXT_LENGTH, this.#maxBytes / 128)
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

  /**
   * Keeps `answer` for `key` if it was asked for before, unless the dataset changed since
   * `generation` was read.
   */
  set(key: string, answer: KeptAnswer, generation: number): void {
    if (generation !== this.#generation || this.#entries.has(key)) return
    const size = key.length * 2 + answer.bytes
    this.#meanEntryBytes += (size - this.#meanEntryBytes) / (this.#meanEntryBytes === 0 ? 1 : MEAN_WINDOW)
    if (!this.#seen.delete(key)) {
      this.#seen.add(key)
      this.#seenBytes += key.length * 2
      // The oldest keys go first: past as many as the budget holds answers, or an eighth of it in bytes.
      const horizon = Math.max(MIN_SEEN_KEYS, Math.min(SEEN_KEYS, Math.floor(this.#maxBytes / this.#meanEntryBytes)))
      while (this.#seen.size > horizon || this.#seenBytes > this.#maxBytes / 8) {
        const oldest = this.#seen.values().next().value!
        this.#seen.delete(oldest)
        this.#seenBytes -= oldest.length * 2
      }
      return
    }
    this.#seenBytes -= key.length * 2
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
    this.#seen.clear()
    this.#seenBytes = 0
    this.#bytes = 0
  }

  /** How many answers are kept. */
  get size(): number {
    return this.#entries.size
  }

  #queryIdOf(query: string): number {
    let id = this.#queryIds.get(query)
    if (id === undefined) {
      if (this.#queryIds.size >= QUERY_TEXTS || this.#queryTextBytes + query.length * 2 > this.#maxBytes / 8) {
        // Many different texts (generated queries): start over rather than track them all.
        this.#queryIds.clear()
        this.#queryTextBytes = 0
        this.invalidate()
      }
      id = DEPENDS_ON_TIME.test(query) ? -1 : this.#nextQueryId++
      this.#queryIds.set(query, id)
      this.#queryTextBytes += query.length * 2
    }
    return id
  }
}

/** A serialized answer as UTF-8 bytes (in parts, which may be shared with other answers), and their count. */
export interface KeptAnswer {
  parts: readonly Uint8Array[]
  bytes: number
  /** Whether the query was `*` or `*[filter]`, so the answer is whole stored documents (a source map can name them). */
  wholeDocuments?: boolean
}

/** The longest query text (and encoded parameters) whose answers are kept, in characters. */
const MAX_TEXT_LENGTH = 16_384

/** `JSON.stringify` writes `Infinity`, `-Infinity` and `NaN` as `null`: keys with them would collide. */
function refuseNonFinite(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('A non-finite number has no JSON key')
  return value
}

/** The most keys asked for once that are remembered, however small the answers. */
const SEEN_KEYS = 10_000
/** The fewest, however large the answers (an answer is kept only up to an eighth of the budget). */
const MIN_SEEN_KEYS = 8
/** The mean entry size follows about the last this many answers. */
const MEAN_WINDOW = 64
/** How many query texts are numbered before the numbering starts over. */
const QUERY_TEXTS = 1000

/** `now()`, `global::now()` and `dateTime::now()` answer differently every time (any query naming `now` is not kept). */
const DEPENDS_ON_TIME = /\bnow\b/
