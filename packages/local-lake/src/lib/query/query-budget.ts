import {channel} from 'node:diagnostics_channel'
import {setImmediate as yieldToEventLoop} from 'node:timers/promises'

import {ApiError} from '../api-error.ts'

/** How long a query may run, and what cancels it. */
export interface QueryLimits {
  /** Milliseconds from the start of evaluation after which the query fails with 408. */
  timeoutMs: number
  /** Aborts the query (the client went away). */
  signal?: AbortSignal | undefined
}

/**
 * Published on when a query is stopped: `{query, reason: 'timeout' | 'cancelled', ms}`.
 * Subscribe with `diagnostics_channel.subscribe('treatments:local-lake:query-stopped', …)`.
 */
export const queryStopped = channel('treatments:local-lake:query-stopped')

/** How many documents are visited between clock reads. */
const CHECK_EVERY = 64
/**
 * How long a query reads documents before it lets other requests run. It holds the event loop
 * about three times as long: groq-js's streams read documents ahead of the filters and
 * projections that use them, and those finish the documents already read before the loop turns
 * (measured on a cross join over 10,000 treatments: a 1 ms slice held the loop 3.7 ms a turn,
 * a 0.25 ms slice 1.1 ms).
 */
const SLICE_MS = 1
/**
 * Past this much running time a query is a long one: it then reads for only
 * {@link LONG_SLICE_MS} at a time, so short queries arriving meanwhile get most of the CPU.
 */
const LONG_QUERY_MS = 50
const LONG_SLICE_MS = 0.25

/**
 * The time budget of one query evaluation. groq-js runs on promises that resolve as microtasks,
 * so a long query would hold the event loop to the end; the lake feeds it documents through
 * {@link QueryBudget.documents}, which reads the clock every few documents, yields to other
 * requests (a macrotask) every {@link SLICE_MS} ms, and stops the query once it is past its
 * deadline or its client has gone.
 */
export class QueryBudget {
  readonly #started: number
  readonly #deadline: number
  readonly #timeoutMs: number
  readonly #signal: AbortSignal | undefined
  #visited = 0
  #sliceStart: number

  constructor(limits: QueryLimits) {
    this.#sliceStart = performance.now()
    this.#started = this.#sliceStart
    this.#deadline = this.#sliceStart + limits.timeoutMs
    this.#timeoutMs = limits.timeoutMs
    this.#signal = limits.signal
  }

  /**
   * Stops the query when it is past its deadline or cancelled; otherwise lets other work run
   * when the current slice is used up.
   *
   * @throws ApiError 408 `queryTimeoutError`, or {@link QueryCancelledError}
   */
  async checkpoint(): Promise<void> {
    this.#throwIfStopped()
    const now = performance.now()
    if (now >= this.#deadline) throw this.timeoutError()
    const slice = now - this.#started > LONG_QUERY_MS ? LONG_SLICE_MS : SLICE_MS
    if (now - this.#sliceStart < slice) return
    await yieldToEventLoop()
    this.#throwIfStopped()
    this.#sliceStart = performance.now()
  }

  /**
   * `documents` as an async sequence that groq-js accepts wherever it expects the dataset
   * (it has `next`, which groq-js takes as the mark of an iterator, and a fresh
   * `Symbol.asyncIterator` for every scan, so nested scans are each metered).
   */
  documents(documents: readonly unknown[]): Iterable<unknown> & {next(): never} {
    const budget = this
    return {
      next(): never {
        throw new TypeError('QueryBudget.documents: iterate with for await, not next()')
      },
      // A plain generator is cheaper than an async one: `for await` awaits each value anyway,
      // and every CHECK_EVERY documents the value is a promise that settles after the checkpoint.
      *[Symbol.iterator]() {
        for (const document of documents) {
          yield ++budget.#visited % CHECK_EVERY === 0 ? budget.checkpoint().then(() => document) : document
        }
      },
    }
  }

  /** Milliseconds since the query started. */
  elapsed(): number {
    return performance.now() - this.#started
  }

  /** The error a query past its deadline fails with, in Sanity's error shape. */
  timeoutError(): ApiError {
    return queryTimeoutError(this.#timeoutMs)
  }

  #throwIfStopped(): void {
    if (this.#signal?.aborted === true) throw new QueryCancelledError()
  }
}

/** The 408 a query past its time limit gets, in Sanity's error shape. */
export function queryTimeoutError(timeoutMs: number): ApiError {
  return new ApiError(
    408,
    'queryTimeoutError',
    `Query exceeded the local lake's time limit of ${timeoutMs} ms and was stopped; narrow the filter (for example by _type or slug) or raise the limit (--query-timeout)`,
  )
}

/** Thrown into a query whose client disconnected; nothing is sent. */
export class QueryCancelledError extends Error {
  constructor() {
    super('The client disconnected; the query was cancelled')
    this.name = 'QueryCancelledError'
  }
}
