import {Worker} from 'node:worker_threads'

import type {DatasetDocument} from '@treatments/content/dataset'

import {ApiError, type ApiErrorBody} from '../api-error.ts'
import type {DatasetDelta} from './dataset-delta.ts'
import type {GroqRunner, QueryScope} from './groq-runner.ts'
import {LocalLakeError} from '../local-lake-error.ts'
import type {Perspective} from './perspective.ts'
import {QueryCancelledError, queryStopped, queryTimeoutError} from './query-budget.ts'
import {serializeJson} from '../http/send-json.ts'
import {isWholeDocumentQuery} from './whole-document-source-map.ts'

/** A message to a query worker: a dataset's documents, the changes since, or a query. */
export type QueryWorkerRequest =
  | {type: 'sync'; dataset: string; generation: number; documents: readonly DatasetDocument[]}
  | {type: 'delta'; dataset: string; deltas: readonly DatasetDelta[]}
  | {
      type: 'run'
      id: number
      dataset: string
      generation: number
      perspective: Perspective
      query: string
      params: Record<string, unknown>
      scope: QueryScope
      timeoutMs: number
      maxResponseBytes: number
      queryCacheSize: number
      idsOnly: boolean
      eachDocument: boolean
      body: string | undefined
    }

/** What a query worker says: loaded, started a query, or its outcome (JSON text or an error in Sanity's shape). */
export type QueryWorkerReply =
  | {ready: true}
  | {started: number}
  | ({id: number} & QueryText)
  | {id: number; error: {statusCode: number; body: ApiErrorBody}}

type QueryOutcome = Extract<QueryWorkerReply, {id: number}>

/** A query's answer as JSON text, and whether it is whole stored documents (`*` or `*[filter]`, for a source map). */
export interface QueryText {
  text: string
  wholeDocuments: boolean
  /** The query, when the worker read it from {@link PooledQuery.body}. */
  query?: string
}

/** The dataset a pooled query reads: its documents at a generation, and how it changed since older ones. */
export interface PoolDataset {
  readonly name: string
  readonly generation: number
  readonly documents: readonly DatasetDocument[]
  deltasSince(generation: number): DatasetDelta[] | undefined
}

/** One query for {@link QueryPool.run}. */
export interface PooledQuery {
  dataset: PoolDataset
  perspective: Perspective
  query: string
  params: Record<string, unknown>
  scope: QueryScope
  timeoutMs: number
  maxResponseBytes: number
  /** Answer only the ids of the documents in the result (a mutation's selection, see `documentIds`). */
  idsOnly?: boolean
  /**
   * Ask the query of each document of the dataset alone and answer the indexes of those it gives
   * a result for (a listener's filter, see `listenMatching`); the dataset may hold one id twice.
   */
  eachDocument?: boolean
  /**
   * A `POST /data/query` body, `{query, params}`, as received: the worker parses it (instead of
   * `query` and `params`), so a large one never holds the main thread.
   */
  body?: string
  /** Aborts the query (the client went away). */
  signal?: AbortSignal | undefined
}

const WORKER_URL = new URL('./query-worker.ts', import.meta.url)

interface Slot {
  worker: Worker
  /** Whether it has loaded (and so takes queries). */
  loaded: boolean
  /** The dataset generations its copies are at. */
  synced: Map<string, number>
  /** The query it runs, if any. */
  running: {id: number; started: () => void; settle: (outcome: QueryOutcome | Error) => void} | undefined
}

interface Waiter {
  take: (slot: Slot) => void
  fail: (error: Error) => void
}

/**
 * Evaluates GROQ queries in worker threads, so that no query can hold the lake: a query still
 * running at its time limit (counted from when its worker starts it) is stopped by terminating
 * the worker, even inside one regular-expression match or one serialization, answered with 408
 * `queryTimeoutError`, and the worker replaced. Each worker's heap is bounded; a query that
 * exhausts it gets 400 `queryMemoryLimitError`. Workers start when first needed, up to `size`,
 * and keep a copy of each dataset they query, brought up to date with the dataset's deltas
 * (every document again only when those are gone).
 */
export class QueryPool {
  readonly #size: number
  readonly #memoryMb: number
  readonly #queryCacheSize: number
  readonly #slots: Slot[] = []
  readonly #idle: Slot[] = []
  readonly #waiting: Waiter[] = []
  #nextId = 0
  #closed = false

  /**
   * @param size - most worker threads (at least 1)
   * @param memoryMb - the old-generation heap limit of each worker, in MiB
   * @param queryCacheSize - parsed queries each worker keeps
   */
  constructor(size: number, memoryMb: number, queryCacheSize: number) {
    this.#size = size
    this.#memoryMb = memoryMb
    this.#queryCacheSize = queryCacheSize
  }

  /**
   * Runs `request` on a free worker, waiting for one.
   *
   * @returns the result as JSON text, and whether it is whole documents
   * @throws ApiError as the query's evaluation does (400 `queryParseError`, 400
   *   `queryResultTooLarge`, …), 408 `queryTimeoutError` at its limit, 400 `queryMemoryLimitError`,
   *   503 when workers cannot start
   * @throws QueryCancelledError when `request.signal` aborts
   */
  run(request: PooledQuery): Promise<QueryText> {
    const asked = performance.now()
    return new Promise<QueryText>((resolve, reject) => {
      let slot: Slot | undefined
      let timer: NodeJS.Timeout | undefined
      let done = false
      const finish = (outcome: QueryOutcome | Error) => {
        if (done) return
        done = true
        clearTimeout(timer)
        request.signal?.removeEventListener('abort', onAbort)
        if (outcome instanceof Error) reject(outcome)
        else if ('text' in outcome) resolve({text: outcome.text, wholeDocuments: outcome.wholeDocuments, ...(outcome.query === undefined ? {} : {query: outcome.query})})
        else reject(toApiError(outcome.error.statusCode, outcome.error.body))
      }
      const stop = (error: Error, reason: 'timeout' | 'cancelled') => {
        if (done) return
        if (queryStopped.hasSubscribers) queryStopped.publish({query: request.query, reason, ms: Math.round(performance.now() - asked)})
        const waiting = this.#waiting.indexOf(waiter)
        if (waiting >= 0) this.#waiting.splice(waiting, 1)
        finish(error)
        if (slot !== undefined) this.#replace(slot)
      }
      const onAbort = () => stop(new QueryCancelledError(), 'cancelled')
      const waiter: Waiter = {
        take: (free) => {
          slot = free
          this.#start(free, request, {
            started: () => {
              timer = setTimeout(() => stop(queryTimeoutError(request.timeoutMs), 'timeout'), request.timeoutMs)
            },
            settle: (outcome) => {
              finish(outcome)
              // A worker that failed or was stopped has left the pool already.
              if (this.#slots.includes(free)) this.#release(free)
            },
          })
        },
        fail: finish,
      }
      if (request.signal?.aborted === true) return onAbort()
      if (this.#closed) return finish(unavailable())
      request.signal?.addEventListener('abort', onAbort, {once: true})
      const free = this.#idle.pop()
      if (free !== undefined) return waiter.take(free)
      this.#waiting.push(waiter)
      if (this.#slots.length < this.#size) this.#spawn()
    })
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.#closed = true
    for (const waiter of this.#waiting.splice(0)) waiter.fail(unavailable())
    for (const slot of this.#slots) slot.running?.settle(unavailable())
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()))
  }

  #start(slot: Slot, request: PooledQuery, callbacks: {started: () => void; settle: (outcome: QueryOutcome | Error) => void}): void {
    const {dataset} = request
    const held = slot.synced.get(dataset.name)
    if (held !== dataset.generation) {
      // Bring the worker's copy up to date: the changes since, or every document.
      const deltas = held === undefined ? undefined : dataset.deltasSince(held)
      slot.worker.postMessage(
        deltas === undefined
          ? ({type: 'sync', dataset: dataset.name, generation: dataset.generation, documents: dataset.documents} satisfies QueryWorkerRequest)
          : ({type: 'delta', dataset: dataset.name, deltas} satisfies QueryWorkerRequest),
      )
      slot.synced.set(dataset.name, dataset.generation)
    }
    const id = ++this.#nextId
    slot.running = {
      id,
      started: callbacks.started,
      settle: (outcome) => {
        slot.running = undefined
        callbacks.settle(outcome)
      },
    }
    slot.worker.postMessage({
      type: 'run',
      id,
      dataset: dataset.name,
      generation: dataset.generation,
      perspective: request.perspective,
      query: request.query,
      params: request.params,
      scope: request.scope,
      timeoutMs: request.timeoutMs,
      maxResponseBytes: request.maxResponseBytes,
      queryCacheSize: this.#queryCacheSize,
      idsOnly: request.idsOnly === true,
      eachDocument: request.eachDocument === true,
      body: request.body,
    } satisfies QueryWorkerRequest)
  }

  #spawn(): void {
    const worker = new Worker(WORKER_URL, {
      // The lake runs from its TypeScript source; so does its worker.
      execArgv: ['--conditions=@treatments/source'],
      resourceLimits: {maxOldGenerationSizeMb: this.#memoryMb},
    })
    // A lake that is never closed must not keep its process alive.
    worker.unref()
    const slot: Slot = {worker, loaded: false, synced: new Map(), running: undefined}
    this.#slots.push(slot)
    worker.on('message', (message: QueryWorkerReply) => {
      if ('ready' in message) {
        slot.loaded = true
        this.#release(slot)
      } else if ('started' in message) {
        if (slot.running?.id === message.started) slot.running.started()
      } else if (slot.running?.id === message.id) {
        slot.running.settle(message)
      }
    })
    worker.on('error', (error: Error & {code?: string}) => {
      if (this.#closed) return
      if (!slot.loaded) return this.#failedToLoad(slot, error)
      const running = slot.running
      this.#replace(slot)
      running?.settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ApiError(400, 'queryMemoryLimitError', `Query needed more than the local lake's memory limit for one query (${this.#memoryMb} MiB) and was stopped; narrow the filter or project fewer fields`)
          : new ApiError(500, 'internalError', `The query worker failed: ${error.message}`),
      )
    })
    worker.on('exit', (code) => {
      if (this.#closed || !this.#slots.includes(slot)) return
      if (!slot.loaded) return this.#failedToLoad(slot, new Error(`it exited with code ${code}`))
      const running = slot.running
      this.#replace(slot)
      running?.settle(new ApiError(500, 'internalError', `The query worker exited with code ${code}`))
    })
  }

  /** A worker that cannot load would fail again: stop the pool rather than replace it forever. */
  #failedToLoad(slot: Slot, error: Error): void {
    this.#closed = true
    this.#replace(slot)
    const cause = new LocalLakeError('QUERY_WORKER_FAILED', `A query worker could not start: ${error.message}`, {cause: error})
    console.error(`local lake: ${cause.message}`)
    for (const waiter of this.#waiting.splice(0)) waiter.fail(unavailable())
  }

  /** Terminates `slot`'s worker (if it still runs) and starts another when queries wait. */
  #replace(slot: Slot): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    const idle = this.#idle.indexOf(slot)
    if (idle >= 0) this.#idle.splice(idle, 1)
    slot.running = undefined
    void slot.worker.terminate()
    if (!this.#closed && this.#waiting.length > 0) this.#spawn()
  }

  #release(slot: Slot): void {
    const next = this.#waiting.shift()
    if (next !== undefined) next.take(slot)
    else this.#idle.push(slot)
  }
}

/**
 * Runs a query on the calling thread, as the lake did before it had workers: dataset scans are
 * metered and stop at the limit, but nothing can stop one regular-expression match or a query
 * over parameters alone. Only for `queryWorkers: 0`.
 */
export async function runOnMainThread(
  runner: GroqRunner,
  request: PooledQuery,
  view: {documents: readonly DatasetDocument[]; byId: ReadonlyMap<string, DatasetDocument>},
): Promise<QueryText> {
  const result = await runner.run(request.query, request.params, view, request.scope, {timeoutMs: request.timeoutMs, signal: request.signal})
  const wholeDocuments = isWholeDocumentQuery(runner.parse(request.query, request.params).tree)
  return {text: serializeJson(result, request.maxResponseBytes), wholeDocuments}
}

function unavailable(): ApiError {
  return new ApiError(503, 'serviceUnavailable', 'The local lake cannot evaluate queries now: its query workers stopped or could not start; restart it')
}

function toApiError(statusCode: number, body: ApiErrorBody): ApiError {
  const {type, description, ...extra} = body.error
  return new ApiError(statusCode, type, description, extra)
}
