import type {CacheOptions} from '../types.ts'

interface Entry {
  value: unknown
  fetchedAt: number
}

interface Refresh {
  promise: Promise<CachedAnswer<unknown>>
  /** Set once a request stopped waiting for this refresh: later ones do not wait either. */
  slow: boolean
}

/** What {@link ResponseCache.get} answers: a value, and whether it is an old one served because the source failed or was slow. */
export interface CachedAnswer<R> {
  value: R
  stale: boolean
  fetchedAt: number
}

/**
 * Answers each key once at a time (concurrent identical requests share one upstream request),
 * keeps answers fresh for `ttlMs`, serves the last good answer when a refresh fails, and serves
 * it within `staleAfterMs` when a refresh hangs.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>()
  readonly #inFlight = new Map<string, Refresh>()
  readonly #options: Required<CacheOptions> | undefined
  readonly #now: () => number

  constructor(options: CacheOptions | undefined, now: () => number = Date.now) {
    this.#options = options ? {maxEntries: 500, staleAfterMs: 1500, ...options} : undefined
    this.#now = now
  }

  get<R>(key: string, load: () => Promise<R>): Promise<CachedAnswer<R>> {
    const entry = this.#entries.get(key)
    if (entry && this.#options && this.#now() - entry.fetchedAt < this.#options.ttlMs) {
      this.#remember(key, entry)
      return Promise.resolve({value: entry.value as R, stale: false, fetchedAt: entry.fetchedAt})
    }
    let refresh = this.#inFlight.get(key)
    if (!refresh) {
      const started: Refresh = {promise: this.#load(key, load).finally(() => this.#inFlight.delete(key)), slow: false}
      this.#inFlight.set(key, started)
      refresh = started
    }
    if (!entry || !this.#options) return refresh.promise as Promise<CachedAnswer<R>>
    const stale: CachedAnswer<R> = {value: entry.value as R, stale: true, fetchedAt: entry.fetchedAt}
    if (refresh.slow) return Promise.resolve(stale)
    return this.#within(refresh, this.#options.staleAfterMs, stale)
  }

  /** The refresh's answer if it comes within `ms`, otherwise `stale` (and the refresh is marked slow). */
  #within<R>(refresh: Refresh, ms: number, stale: CachedAnswer<R>): Promise<CachedAnswer<R>> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<CachedAnswer<R>>((resolve) => {
      timer = setTimeout(() => {
        refresh.slow = true
        resolve(stale)
      }, ms)
    })
    return Promise.race([refresh.promise as Promise<CachedAnswer<R>>, late]).finally(() => clearTimeout(timer))
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
