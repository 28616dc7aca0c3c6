import type {AllTreatmentsQueryResult, TreatmentBySlugQueryResult, TreatmentListQueryResult} from '../generated/sanity.types.ts'
import {checkTreatmentList, checkTreatmentPage, checkTreatmentPages} from './check-response.ts'
import {isContentSource, type ContentSource} from './content-source.ts'
import {checkReview, type ReviewCheck} from './medical-review-status.ts'
import {ContentNotFoundError, type ContentInvariantError, type DuplicateSlugError, type MissingContraindicationsError, type ReferenceTypeError} from './errors.ts'
import {fetchWithRetry, type RetryOptions} from './fetch-with-retry.ts'
import {matchLocale} from './locale-registry.ts'
import {localize, type Fallback, type Localized} from './localize.ts'
import {allTreatmentsQuery, treatmentBySlugQuery, treatmentListQuery} from './queries.ts'
import {ResponseCache, type CacheOptions} from './response-cache.ts'
import type {SanityProjectConfig} from './sanity-project-config.ts'

/**
 * Options of {@link createTreatmentContent}.
 *
 * @public
 */
export interface TreatmentContentOptions {
  /**
   * Where content comes from: a Sanity project's settings, your own `SanityClient` (or any
   * object with `fetch(query, params)`), or `localDataset(...)`.
   */
  source: SanityProjectConfig | ContentSource
  /** Per request attempt. Default 10 000 ms. */
  timeoutMs?: number
  /**
   * Retries on 429, 5xx, network errors and timeouts. Default 3 attempts, from 200 ms. These are
   * all the requests made: a `SanityClient` passed as `source` is asked not to retry on its own.
   */
  retry?: RetryOptions
  /**
   * Keep answers in memory for `ttlMs`. An expired answer is refreshed; when the source fails,
   * or does not answer within `staleAfterMs` (default 1500 ms), the last good answer is served
   * with `stale: true` and a background refresh replaces it. Off by default.
   */
  cache?: CacheOptions | false
  /** Allow a token in a browser. Never do this with a token that can read drafts or write. Default false. */
  allowBrowserToken?: boolean
}

/**
 * A localized treatment with everything it references.
 *
 * @public
 */
export type LocalizedTreatment = Localized<TreatmentBySlugQueryResult[number]>

/**
 * A localized treatment summary for index pages.
 *
 * @public
 */
export type LocalizedTreatmentSummary = Localized<TreatmentListQueryResult[number]>

/**
 * What every localized answer carries besides its content.
 *
 * @public
 */
export interface LocalizedAnswer {
  /** The supported locale the request matched (`it-CH` → `it`). */
  locale: string
  /** What was asked for. */
  requestedLocale: string
  /** The locales text was read from, in order. */
  chain: string[]
  /** True when no requested tag matched a supported locale, so the base locale answered. */
  usedDefault: boolean
  /** Every field served from another locale than `locale`, or from none. */
  fallbacks: Fallback[]
  /** True when the source failed or was slow, and the last good answer from the cache is served. */
  stale: boolean
}

/**
 * The answer of {@link TreatmentContent.getTreatment}.
 *
 * @public
 */
export interface TreatmentResult extends LocalizedAnswer {
  treatment: LocalizedTreatment
  /**
   * Whether a doctor's review stands for this page: `reviewed` only while every safety text the
   * review covered is the text the doctor read; otherwise which texts changed since.
   */
  review: ReviewCheck
}

/**
 * The answer of {@link TreatmentContent.listTreatments}.
 *
 * @public
 */
export interface TreatmentListResult extends LocalizedAnswer {
  treatments: LocalizedTreatmentSummary[]
}

/**
 * The answer of {@link TreatmentContent.getAllTreatments}: one {@link TreatmentResult} per
 * treatment, each with its own fallbacks.
 *
 * @public
 */
export interface AllTreatmentsResult extends Omit<LocalizedAnswer, 'fallbacks'> {
  pages: TreatmentResult[]
}

/**
 * Options of a single read.
 *
 * @public
 */
export interface ReadOptions {
  /** A BCP 47 tag or a priority list (e.g. from `Accept-Language`). Default: the base locale. */
  locale?: string | readonly string[]
}

/**
 * Localized treatment content.
 *
 * @public
 */
export interface TreatmentContent {
  /**
   * One treatment by slug, in one request.
   *
   * @throws {ContentNotFoundError} When no published treatment has the slug.
   * @throws {ContentInvariantError} When the content breaks a page invariant: two published
   *   treatments with the slug ({@link DuplicateSlugError}), a reference to the wrong type of
   *   document ({@link ReferenceTypeError}), no contraindications
   *   ({@link MissingContraindicationsError}).
   * @throws {ContentSourceError | ContentTimeoutError | MalformedResponseError} When the source fails
   *   and no cached answer can stand in.
   */
  getTreatment(slug: string, options?: ReadOptions): Promise<TreatmentResult>
  /** Every published treatment, as localized summaries, in one request. */
  listTreatments(options?: ReadOptions): Promise<TreatmentListResult>
  /**
   * Every published treatment page in one request: for static builds, where one request per
   * page would scan the dataset once per page.
   */
  getAllTreatments(options?: ReadOptions): Promise<AllTreatmentsResult>
  /**
   * Every published treatment page, as {@link getAllTreatments} reads them (one request), but
   * localized one at a time as the loop asks for the next: a static build holds one localized
   * page at a time instead of all of them.
   *
   * @example
   * ```ts
   * for await (const result of content.eachTreatment({locale: 'it'})) write(renderTreatmentPage(result))
   * ```
   */
  eachTreatment(options?: ReadOptions): AsyncIterable<TreatmentResult>
}

/**
 * How an entry point turns `source` into what it reads from: a Sanity project's settings into a
 * source (`@sanity/client` in the main entry, plain `fetch` in the browser entry), and a
 * caller's own source into the one used (the main entry makes a `SanityClient` not retry on its
 * own).
 *
 * @internal
 */
export interface SourceFactory {
  project: (config: SanityProjectConfig) => ContentSource
  client: (source: ContentSource) => ContentSource
}

/**
 * What `createTreatmentContent` does, with the entry point's {@link SourceFactory}.
 *
 * @internal
 */
export function createContentReader(options: TreatmentContentOptions, sources: SourceFactory): TreatmentContent {
  const source = resolveSource(options, sources)
  const timeoutMs = positiveNumber(options.timeoutMs, 'timeoutMs', 10_000)
  if (timeoutMs > maxTimeoutMs) {
    throw new TypeError(`\`createTreatmentContent\` option \`timeoutMs\` must be at most ${maxTimeoutMs} (what setTimeout can wait), got ${timeoutMs}`)
  }
  const retry = {
    attempts: positiveInteger(options.retry?.attempts, 'retry.attempts', 3),
    baseDelayMs: positiveNumber(options.retry?.baseDelayMs, 'retry.baseDelayMs', 200, true),
    maxDelayMs: positiveNumber(options.retry?.maxDelayMs, 'retry.maxDelayMs', 2000, true),
  }
  const cacheOptions = options.cache
    ? {
        ttlMs: positiveNumber(options.cache.ttlMs, 'cache.ttlMs', 0, true),
        maxEntries: positiveInteger(options.cache.maxEntries, 'cache.maxEntries', 500),
        staleAfterMs: positiveNumber(options.cache.staleAfterMs, 'cache.staleAfterMs', 1500, true),
      }
    : undefined
  const cache = new ResponseCache(cacheOptions)

  const ask = <R>(query: string, params: Record<string, unknown>, check: (value: unknown) => void) =>
    cache.get(`${query}\u0000${JSON.stringify(params)}`, async () => {
      const value = await fetchWithRetry<R>(source, query, params, {retry, timeoutMs})
      check(value)
      return value
    })
  // One request: the whole locale chain travels, so a blank translation needs no second one.
  const read = <R>(query: string, params: {locales: string[]} & Record<string, unknown>, check: (value: unknown) => void) =>
    ask<R>(query, {...params, locale: params.locales[0]}, check)

  return {
    async getTreatment(slug, readOptions = {}) {
      if (typeof slug !== 'string' || slug.trim() === '') {
        throw new TypeError(`\`getTreatment\` expects a slug string, got ${slug === '' ? 'an empty string' : typeof slug}`)
      }
      const match = matchRequest(readOptions, 'getTreatment')
      const answer = await read<TreatmentBySlugQueryResult>(treatmentBySlugQuery, {slug, locales: match.chain}, checkTreatmentPage)
      // checkTreatmentPage let through none or exactly one.
      const [page] = answer.value
      if (page === undefined) throw new ContentNotFoundError(slug, match.locale)
      const {value, fallbacks} = await localize(page, match.chain)
      return {...answerFields(match, fallbacks, answer.stale), treatment: value, review: await checkReview(page, match.locale)}
    },
    async listTreatments(readOptions = {}) {
      const match = matchRequest(readOptions, 'listTreatments')
      const answer = await read<TreatmentListQueryResult>(treatmentListQuery, {locales: match.chain}, checkTreatmentList)
      const {value, fallbacks} = await localize(answer.value, match.chain)
      return {...answerFields(match, fallbacks, answer.stale), treatments: value}
    },
    async getAllTreatments(readOptions = {}) {
      const match = matchRequest(readOptions, 'getAllTreatments')
      const answer = await read<AllTreatmentsQueryResult>(allTreatmentsQuery, {locales: match.chain}, checkTreatmentPages)
      const {fallbacks: _none, ...shared} = answerFields(match, [], answer.stale)
      const pages = await Promise.all(
        answer.value.map(async (raw) => {
          const {value, fallbacks} = await localize(raw, match.chain)
          return {...shared, fallbacks, treatment: value, review: await checkReview(raw, match.locale)}
        }),
      )
      return {...shared, pages}
    },
    eachTreatment(readOptions = {}) {
      // Arguments are checked at the call, not at the first step of the loop.
      const match = matchRequest(readOptions, 'eachTreatment')
      return (async function* () {
        const answer = await read<AllTreatmentsQueryResult>(allTreatmentsQuery, {locales: match.chain}, checkTreatmentPages)
        const {fallbacks: _none, ...shared} = answerFields(match, [], answer.stale)
        for (const raw of answer.value) {
          const {value, fallbacks} = await localize(raw, match.chain)
          yield {...shared, fallbacks, treatment: value, review: await checkReview(raw, match.locale)}
        }
      })()
    },
  }
}

function answerFields(match: ReturnType<typeof matchLocale>, fallbacks: Fallback[], stale: boolean): LocalizedAnswer {
  return {locale: match.locale, requestedLocale: match.requested, chain: match.chain, usedDefault: match.usedDefault, fallbacks, stale}
}

function matchRequest(options: ReadOptions, call: string) {
  const {locale} = options
  if (locale !== undefined && typeof locale !== 'string' && !Array.isArray(locale)) {
    throw new TypeError(`\`${call}\` option \`locale\` must be a BCP 47 tag or an array of tags, got ${typeof locale}`)
  }
  return matchLocale(locale ?? [])
}

function resolveSource(options: TreatmentContentOptions, sources: SourceFactory): ContentSource {
  if (!options || typeof options !== 'object') {
    throw new TypeError('`createTreatmentContent` expects an options object with a `source`')
  }
  const {source} = options
  if (isContentSource(source)) {
    const token = (source as {config?: () => {token?: unknown}}).config?.().token
    if (token && isBrowser() && !options.allowBrowserToken) throw browserTokenError('a client configured with a token')
    return sources.client(source)
  }
  if (!source || typeof source !== 'object') {
    throw new TypeError(
      '`createTreatmentContent` option `source` must be a Sanity project `{projectId, dataset}`, a client with `fetch(query, params)`, or `localDataset(...)`; ' +
        `got ${source === null ? 'null' : typeof source}`,
    )
  }
  const config = source as SanityProjectConfig
  for (const name of ['projectId', 'dataset'] as const) {
    if (typeof config[name] !== 'string' || config[name].trim() === '') {
      throw new TypeError(`\`createTreatmentContent\` option \`source.${name}\` must be a non-empty string, got ${JSON.stringify(config[name])}; set it to your Sanity project's ${name}`)
    }
  }
  if (config.apiVersion !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(config.apiVersion)) {
    throw new TypeError(`\`createTreatmentContent\` option \`source.apiVersion\` must be a date like "2025-02-19", got ${JSON.stringify(config.apiVersion)}`)
  }
  if (config.perspective === 'drafts' && !config.token) {
    throw new TypeError('`createTreatmentContent` option `source.perspective: "drafts"` needs `source.token`: drafts are private')
  }
  if (config.token && isBrowser() && !options.allowBrowserToken) throw browserTokenError('`source.token`')
  return sources.project(config)
}

function browserTokenError(what: string): TypeError {
  return new TypeError(
    `\`createTreatmentContent\` got ${what} in a browser: a token in a browser bundle is readable by every visitor. ` +
      'Read with a token on the server only, or set `allowBrowserToken: true` for a token that can read public content only.',
  )
}

/** A page or a worker (dedicated, shared or service worker): code whose bundle visitors can read. */
function isBrowser(): boolean {
  const scope = globalThis as {window?: unknown; document?: unknown; WorkerGlobalScope?: unknown; importScripts?: unknown}
  const page = typeof scope.window === 'object' && typeof scope.document === 'object'
  const worker = typeof scope.WorkerGlobalScope === 'function' && typeof scope.importScripts === 'function'
  return page || worker
}

/** The longest delay `setTimeout` keeps: longer ones fire at once. */
const maxTimeoutMs = 2 ** 31 - 1

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const checked = positiveNumber(value, name, fallback)
  if (!Number.isInteger(checked)) throw new TypeError(`\`createTreatmentContent\` option \`${name}\` must be a whole number, got ${JSON.stringify(value)}`)
  return checked
}

function positiveNumber(value: unknown, name: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(`\`createTreatmentContent\` option \`${name}\` must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${JSON.stringify(value)}`)
  }
  return value
}
