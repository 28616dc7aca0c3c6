/**
 * A small least-recently-used cache keyed by string (used for parsed GROQ trees).
 */
export class LruCache<V> {
  readonly #capacity: number
  readonly #entries = new Map<string, V>()

  /** @param capacity - most entries kept; `0` disables caching */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new TypeError(
        `new LruCache(capacity): capacity must be a non-negative integer, received ${String(capacity)}`,
      )
    }
    this.#capacity = capacity
  }

  /** The cached value for `key`, marking it most recently used. */
  get(key: string): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, value)
    return value
  }

  /** Caches `value` under `key`, evicting the least recently used entry when full. */
  set(key: string, value: V): void {
    if (this.#capacity === 0) return
    this.#entries.delete(key)
    this.#entries.set(key, value)
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
  }

  /** Number of cached entries. */
  get size(): number {
    return this.#entries.size
  }
}
