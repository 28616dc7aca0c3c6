/** Bytes of encoded events kept for sharing, per dataset. */
const BUDGET_BYTES = 32 * 1024 * 1024

/**
 * Encoded server-sent events shared by every listener that gets the same event: encoded once
 * and written to each stream as the same bytes (a `Buffer` is queued by reference), so a large
 * document sent to many listeners is in memory once, not once per listener. Keeps the most
 * recent events within a byte budget.
 */
export class SharedEventChunks {
  readonly #entries = new Map<string, Buffer>()
  #bytes = 0

  /** The bytes of the event `key` names, encoded by `encode` the first time. */
  get(key: string, encode: () => string): Buffer {
    let chunk = this.#entries.get(key)
    if (chunk === undefined) {
      chunk = Buffer.from(encode())
      this.#entries.set(key, chunk)
      this.#bytes += chunk.length
      for (const [oldest, old] of this.#entries) {
        if (this.#bytes <= BUDGET_BYTES || oldest === key) break
        this.#entries.delete(oldest)
        this.#bytes -= old.length
      }
    }
    return chunk
  }
}

const byOwner = new WeakMap<object, SharedEventChunks>()

/** The shared events of `owner` (a dataset's store: event ids are unique within it). */
export function sharedEventChunksOf(owner: object): SharedEventChunks {
  let chunks = byOwner.get(owner)
  if (chunks === undefined) {
    chunks = new SharedEventChunks()
    byOwner.set(owner, chunks)
  }
  return chunks
}
