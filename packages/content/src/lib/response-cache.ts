/**
 * Options of the in-memory response cache.
 *
 * @public
 */
export interface CacheOptions {
  /** How long an answer is fresh. */
  ttlMs: number
  /** How many answers to keep; the least recently used go first. Default 500. */
  maxEntries?: number
}

interface Entry {
  value: unknown
  fetchedAt: number
}

/** What {@link ResponseCache.get} answers: a value, and whether it is an old one served because the source failed. */
export interface CachedAnswer<R> {
  value: R
  stale: boolean
  fetchedAt: number
}

/**
 * Answers each key once at a time (concurrent identical requests share one upstream request),
 * keeps answers fresh for `ttlMs`, and serves the last good answer when a refresh fails.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>()
  readonly #inFlight = new Map<string, Promise<CachedAnswer<unknown>>>()
  readonly #options: Required<CacheOptions> | undefined
  readonly #now: () => number

  constructor(options: CacheOptions | undefined, now: () => number = Date.now) {
    this.#options = options ? {maxEntries: 500, ...options} : undefined
    this.#now = now
  }

  get<R>(key: string, load: () => Promise<R>): Promise<CachedAnswer<R>> {
    const entry = this.#entries.get(key)
    if (entry && this.#options && this.#now() - entry.fetchedAt < this.#options.ttlMs) {
      this.#remember(key, entry)
      return Promise.resolve({value: entry.value as R, stale: false, fetchedAt: entry.fetchedAt})
    }
    const pending = this.#inFlight.get(key)
    if (pending) return pending as Promise<CachedAnswer<R>>
    const request = this.#load(key, load).finally(() => this.#inFlight.delete(key))
    this.#inFlight.set(key, request)
    return request
  }

  async #load<R>(key: string, load: () => Promise<R>): Promise<CachedAnswer<R>> {
    try {
      const value = await load()
      const fetchedAt = this.#now()
      if (this.#options) this.#remember(key, {value, fetchedAt})
      return {value, stale: false, fetchedAt}
    } catch (error) {
      const last = this.#entries.get(key)
      if (last) return {value: last.value as R, stale: true, fetchedAt: last.fetchedAt}
      throw error
    }
  }

  #remember(key: string, entry: Entry) {
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    const max = this.#options?.maxEntries ?? 0
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }
}
