import type {IncomingMessage} from 'node:http'

/**
 * The bytes of request bodies a lake holds at once. Each body is bounded (`maxBodyBytes`), but
 * not how many arrive together: 40 anonymous 10 MB query bodies sent at once took the lake
 * 840 MB past its idle memory, enough of them would end it. A request with a large body waits
 * until its bytes fit (a smaller one passes as soon as there is room for it), then holds them
 * until it is answered. Bodies up to {@link SMALL_BODY_BYTES} pass at once (counted, not held
 * back), so clients that trickle large bodies in cannot stall a page's query or an edit.
 */
export class BodyBudget {
  readonly #capacity: number
  #held = 0
  readonly #waiting: Array<{bytes: number; grant: () => void}> = []

  /** @param capacity - bytes held at once; a body of up to this many always fits on its own */
  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /**
   * Waits until `request`'s body fits, then holds it (its `Content-Length`, or `maxBodyBytes`
   * when unknown or larger); call the returned function once to give it back.
   * A request without a body holds nothing.
   */
  async hold(request: IncomingMessage, maxBodyBytes: number): Promise<() => void> {
    const bytes = bodyBytes(request, maxBodyBytes)
    if (bytes === 0) return () => {}
    if (bytes > SMALL_BODY_BYTES && !this.#fits(bytes)) await new Promise<void>((grant) => this.#waiting.push({bytes, grant}))
    else this.#held += bytes
    let released = false
    return () => {
      if (released) return
      released = true
      this.#held -= bytes
      this.#grantWaiting()
    }
  }

  #fits(bytes: number): boolean {
    return this.#held === 0 || this.#held + bytes <= this.#capacity
  }

  #grantWaiting(): void {
    for (let index = 0; index < this.#waiting.length; ) {
      const next = this.#waiting[index]!
      if (!this.#fits(next.bytes)) {
        index++
        continue
      }
      this.#waiting.splice(index, 1)
      this.#held += next.bytes
      next.grant()
    }
  }
}

/** Bodies this small never wait (a page's POST query, an edit). */
export const SMALL_BODY_BYTES = 64 * 1024

function bodyBytes(request: IncomingMessage, maxBodyBytes: number): number {
  const length = request.headers['content-length']
  if (length === undefined) return request.headers['transfer-encoding'] === undefined ? 0 : maxBodyBytes
  const declared = Number(length)
  return Number.isFinite(declared) && declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes
}
