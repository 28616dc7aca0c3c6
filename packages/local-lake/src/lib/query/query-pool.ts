import {Worker} from 'node:worker_threads'

import type {DatasetDocument} from '@treatments/content/dataset'

import {ApiError, type ApiErrorBody} from '../api-error.ts'
import {LocalLakeError} from '../local-lake-error.ts'
import type {GroqRunner, QueryScope} from './groq-runner.ts'
import type {Perspective} from './perspective.ts'
import {QueryCancelledError, queryStopped, queryTimeoutError} from './query-budget.ts'
import {serializeJson} from '../http/send-json.ts'

/** A message to a query worker: a copy of a dataset, or a query to run over it. */
export type QueryWorkerRequest =
  | {type: 'sync'; dataset: string; generation: number; documents: readonly DatasetDocument[]}
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
    }

/** A query worker's answer: the serialized result, or an error in Sanity's shape. */
export type QueryWorkerReply = {id: number; text: string} | {id: number; error: {statusCode: number; body: ApiErrorBody}}

/** The dataset a pooled query reads: its name, and its documents at a generation. */
export interface PoolDataset {
  readonly name: string
  readonly generation: number
  readonly documents: readonly DatasetDocument[]
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
  /** Aborts the query (the client went away). */
  signal?: AbortSignal | undefined
}

const WORKER_URL = new URL('./query-worker.ts', import.meta.url)

interface Slot {
  worker: Worker
  /** The dataset generations this worker holds a copy of. */
  synced: Map<string, number>
  /** Whether it has loaded and taken queries. */
  loaded: boolean
  /** The query running on it, if any. */
  running: {id: number; settle: (reply: QueryWorkerReply | Error) => void} | undefined
}

/**
 * Evaluates GROQ queries in worker threads, so that no query can hold the lake: a worker whose
 * query passes its time limit is terminated (even inside one regular-expression match or one
 * serialization), answered with 408 `queryTimeoutError`, and replaced; each worker's heap is
 * bounded, and a query that exhausts it is answered with 400 `queryMemoryLimitError`. Each
 * worker keeps a copy of a dataset, sent again when the dataset has changed since.
 */
export class QueryPool {
  readonly #slots: Slot[] = []
  readonly #idle: Slot[] = []
  readonly #waiting: Array<{take: (slot: Slot) => void; fail: (error: Error) => void}> = []
  readonly #memoryMb: number
  readonly #queryCacheSize: number
  #nextId = 0
  #closed = false
  /** Resolves once the first `size` workers have loaded. */
  readonly #loaded: Promise<void>
  #onLoaded: (() => void) | undefined
  #onLoadFailed: ((error: Error) => void) | undefined

  /**
   * @param size - worker threads (at least 1)
   * @param memoryMb - the old-generation heap limit of each worker, in MiB
   * @param queryCacheSize - parsed queries each worker keeps
   */
  constructor(size: number, memoryMb: number, queryCacheSize: number) {
    this.#memoryMb = memoryMb
    this.#queryCacheSize = queryCacheSize
    let loading = size
    this.#loaded = new Promise((resolve, reject) => {
      this.#onLoaded = () => {
        if (--loading === 0) resolve()
      }
      this.#onLoadFailed = reject
    })
    for (let index = 0; index < size; index++) this.#spawn()
  }

  /** Resolves once every worker has loaded and takes queries. */
  ready(): Promise<void> {
    return this.#loaded
  }

  /**
   * Runs `request` on a free worker, waiting for one; its time limit counts from when a worker
   * takes it (a query waits at most as long as the queries before it may run).
   *
   * @returns the result as JSON text
   * @throws ApiError as the query's evaluation does (400 `queryParseError`, 400
   *   `queryResultTooLarge`, …), 408 `queryTimeoutError` at its limit, 400 `queryMemoryLimitError`
   * @throws QueryCancelledError when `request.signal` aborts
   */
  run(request: PooledQuery): Promise<string> {
    const started = performance.now()
    return new Promise<string>((resolve, reject) => {
      let slot: Slot | undefined
      let done = false
      const finish = (outcome: QueryWorkerReply | Error) => {
        if (done) return
        done = true
        clearTimeout(timer)
        request.signal?.removeEventListener('abort', onAbort)
        if (outcome instanceof Error) reject(outcome)
        else if ('text' in outcome) resolve(outcome.text)
        else reject(new ApiError(outcome.error.statusCode, outcome.error.body.error.type, outcome.error.body.error.description, withoutTypeAndDescription(outcome.error.body)))
      }
      const stop = (error: Error, reason: 'timeout' | 'cancelled') => {
        if (done) return
        if (queryStopped.hasSubscribers) queryStopped.publish({query: request.query, reason, ms: Math.round(performance.now() - started)})
        const index = this.#waiting.indexOf(waiter)
        if (index >= 0) this.#waiting.splice(index, 1)
        finish(error)
        if (slot !== undefined) this.#replace(slot)
      }
      const onAbort = () => stop(new QueryCancelledError(), 'cancelled')
      let timer: NodeJS.Timeout | undefined
      request.signal?.addEventListener('abort', onAbort, {once: true})
      const onSlot = (free: Slot) => {
        slot = free
        timer = setTimeout(() => stop(queryTimeoutError(request.timeoutMs), 'timeout'), request.timeoutMs)
        this.#start(free, request, (outcome) => {
          finish(outcome)
          // A worker that failed or was stopped has left the pool already.
          if (this.#slots.includes(free)) this.#release(free)
        })
      }
      const waiter = {take: onSlot, fail: finish}
      if (request.signal?.aborted === true) return onAbort()
      if (this.#closed) return finish(unavailable())
      const free = this.#idle.pop()
      if (free !== undefined) onSlot(free)
      else this.#waiting.push(waiter)
    })
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.#closed = true
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()))
  }

  #start(slot: Slot, request: PooledQuery, settle: (reply: QueryWorkerReply | Error) => void): void {
    const {dataset} = request
    if (slot.synced.get(dataset.name) !== dataset.generation) {
      // The worker's copy is older than the dataset: send the documents it will read.
      slot.worker.postMessage({type: 'sync', dataset: dataset.name, generation: dataset.generation, documents: dataset.documents} satisfies QueryWorkerRequest)
      slot.synced.set(dataset.name, dataset.generation)
    }
    const id = ++this.#nextId
    slot.running = {
      id,
      settle: (reply) => {
        slot.running = undefined
        settle(reply)
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
    } satisfies QueryWorkerRequest)
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      // The lake runs from its TypeScript source; so does its worker.
      execArgv: ['--conditions=@treatments/source'],
      resourceLimits: {maxOldGenerationSizeMb: this.#memoryMb},
    })
    // A lake that is never closed must not keep its process alive.
    worker.unref()
    const slot: Slot = {worker, synced: new Map(), loaded: false, running: undefined}
    worker.on('message', (message: QueryWorkerReply | {ready: true}) => {
      // A worker takes queries once it has loaded (loading is not a query's time).
      if (!('id' in message)) {
        slot.loaded = true
        this.#onLoaded?.()
        this.#release(slot)
      }
      else if (slot.running?.id === message.id) slot.running.settle(message)
    })
    worker.on('error', (error: Error & {code?: string}) => {
      if (!slot.loaded) return this.#failedToLoad(slot, error)
      const running = slot.running
      this.#replace(slot)
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      running?.settle(
        outOfMemory
          ? new ApiError(400, 'queryMemoryLimitError', `Query needed more than the local lake's memory limit for one query (${this.#memoryMb} MiB) and was stopped; narrow the filter or project fewer fields`)
          : new ApiError(500, 'internalError', `The query worker failed: ${error.message}`),
      )
    })
    worker.on('exit', (code) => {
      if (!this.#slots.includes(slot)) return
      if (!slot.loaded) return this.#failedToLoad(slot, new Error(`it exited with code ${code}`))
      const running = slot.running
      this.#replace(slot)
      running?.settle(new ApiError(500, 'internalError', `The query worker exited with code ${code}`))
    })
    this.#slots.push(slot)
    return slot
  }

  /** A worker that cannot load would fail again: stop the pool instead of replacing it forever. */
  #failedToLoad(slot: Slot, error: Error): void {
    this.#closed = true
    this.#replace(slot)
    this.#onLoadFailed?.(new LocalLakeError('QUERY_WORKER_FAILED', `A query worker could not start: ${error.message}`, {cause: error}))
    for (const waiting of this.#waiting.splice(0)) waiting.fail(unavailable())
  }

  /** Terminates `slot`'s worker (if still running) and puts a new one in its place. */
  #replace(slot: Slot): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#slots.splice(index, 1)
    const idle = this.#idle.indexOf(slot)
    if (idle >= 0) this.#idle.splice(idle, 1)
    slot.running = undefined
    void slot.worker.terminate()
    if (!this.#closed) this.#spawn()
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
export async function runOnMainThread(runner: GroqRunner, request: PooledQuery, view: {documents: readonly DatasetDocument[]; byId: ReadonlyMap<string, DatasetDocument>}): Promise<string> {
  const result = await runner.run(request.query, request.params, view, request.scope, {timeoutMs: request.timeoutMs, signal: request.signal})
  return serializeJson(result, request.maxResponseBytes)
}

function unavailable(): ApiError {
  return new ApiError(503, 'serviceUnavailable', 'The local lake cannot evaluate queries: its query workers stopped; restart it')
}

function withoutTypeAndDescription(body: ApiErrorBody): Record<string, unknown> {
  const {type: _type, description: _description, ...extra} = body.error
  return extra
}
