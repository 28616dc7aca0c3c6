import {ContentSourceError, ContentTimeoutError, isTreatmentContentError} from '../errors.ts'
import type {ContentSource} from '../source/content-source.ts'
import type {RetryOptions} from '../types.ts'
import type {ReadAccess} from './reader-options.ts'

/** Options of {@link fetchWithRetry}. */
export interface FetchPolicy {
  retry: Required<RetryOptions>
  /** Per attempt. */
  timeoutMs: number
  /** The read's perspective and token, passed to the source only when set. */
  access?: ReadAccess
  /** Waits; replaceable in tests. */
  sleep?: (ms: number) => Promise<void>
}

/**
 * Asks `source` once, retrying on 429, 5xx, network errors and timeouts with exponential
 * backoff (honouring `Retry-After` on 429 up to `maxDelayMs`). 4xx errors other than 429 are
 * not retried: asking again cannot fix the request; nor are the package's own typed errors
 * (a bad dataset file) or programming errors, which are rethrown as they are.
 *
 * The package owns retries: `createTreatmentContent` turns a `SanityClient`'s own retries off
 * for its calls, so `attempts` is the number of requests made.
 */
export async function fetchWithRetry<R>(
  source: ContentSource,
  query: string,
  params: Record<string, unknown>,
  policy: FetchPolicy,
): Promise<R> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const {attempts, baseDelayMs, maxDelayMs} = policy.retry
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout((signal) => source.fetch<R>(query, params, {signal, ...policy.access}), policy.timeoutMs)
    } catch (error) {
      if (isTreatmentContentError(error) || isProgrammingError(error)) throw error
      if (attempt >= attempts || !isRetryable(error)) throw toSourceError(error, attempt, policy.timeoutMs)
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
      const retryAfter = retryAfterMs(error)
      await sleep(Math.min(maxDelayMs, retryAfter ?? backoff * (0.5 + Math.random() / 2)))
    }
  }
}

class AttemptTimeout extends Error {}

async function withTimeout<R>(run: (signal: AbortSignal) => Promise<R>, timeoutMs: number): Promise<R> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // Reject first: aborting makes the source reject too, and the timeout must win the race.
      reject(new AttemptTimeout())
      controller.abort()
    }, timeoutMs)
  })
  try {
    return await Promise.race([run(controller.signal), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as {statusCode?: unknown; status?: unknown} | null)?.statusCode ?? (error as {status?: unknown} | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** Error codes of a connection that failed or broke, in Node (`error.code`) and undici (`error.cause.code`). */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
])

function isNetworkError(error: unknown): boolean {
  const failure = error as {code?: unknown; cause?: {code?: unknown}} | null
  const code = failure?.code ?? failure?.cause?.code
  return typeof code === 'string' && networkCodes.has(code)
}

/** A bug in the caller's source or ours (`x is not a function`, a bad argument): asking again cannot help. */
function isProgrammingError(error: unknown): boolean {
  return (error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError) && !isNetworkError(error)
}

/** Whether asking again may help: a timeout, a network error, 429 or 5xx. */
function isRetryable(error: unknown): boolean {
  if (error instanceof AttemptTimeout) return true
  const status = statusOf(error)
  if (status === undefined) return true
  return status === 429 || status >= 500
}

function retryAfterMs(error: unknown): number | undefined {
  // A header's string or a number; absent or null is not a delay.
  const seconds = Number((error as {response?: {headers?: Record<string, unknown>}} | null)?.response?.headers?.['retry-after'] ?? Number.NaN)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
}

function toSourceError(error: unknown, attempts: number, timeoutMs: number): Error {
  if (error instanceof AttemptTimeout) return new ContentTimeoutError(timeoutMs, attempts)
  const status = statusOf(error)
  // Node's fetch says only "fetch failed"; why and where (`connect ECONNREFUSED 127.0.0.1:3334`) is its cause's.
  const cause = (error as {cause?: {message?: unknown}} | null)?.cause?.message
  let reason = error instanceof Error ? error.message : String(error)
  if (typeof cause === 'string' && !reason.includes(cause)) reason += ` (${cause})`
  return new ContentSourceError(`The content source failed${status ? ` with HTTP ${status}` : ''}: ${reason}`, {
    statusCode: status,
    attempts,
    cause: error,
  })
}
