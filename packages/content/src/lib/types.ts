import type {TreatmentBySlugQueryResult, TreatmentListQueryResult} from '../generated/sanity.types.ts'
import type {ChangedSinceReview} from './review/review-coverage.ts'
import type {Fallback, Localized} from './locale/localize.ts'
import type {SlugMatch} from './slug/pick-by-slug.ts'
import type {ContentSource} from './source/content-source.ts'
import type {SanityProjectConfig} from './source/sanity-project-config.ts'

// The package's public option and result types: a leaf that the reader, the page model and
// the structured data import, so none of them imports another just for a type.

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
  /**
   * What every read of this reader sees, unless a call says otherwise ({@link ReadOptions}).
   * Default `published`. `drafts` (`previewDrafts` is its older name, as in `@sanity/client`)
   * shows each document's draft where it has one: for a preview on the server, with a `token`.
   * Draft reads are never cached.
   */
  perspective?: ReadPerspective
  /**
   * A read token sent with every read of this reader, unless a call gives its own. Server-side
   * only: a token that can read drafts must never reach a browser.
   */
  token?: string
}

/**
 * What a read sees: `published` documents only, or `drafts` overlaid on them (`previewDrafts` is
 * the older name of `drafts`).
 *
 * @public
 */
export type ReadPerspective = 'published' | 'drafts' | 'previewDrafts'

/**
 * A treatment's slug in every locale.
 *
 * @public
 */
export interface LocaleSlugsField {
  /**
   * Each supported locale's slug (its own, or its fallback's), by locale id: for the page's URL
   * in each language. `slug` is the one of the answer's locale.
   */
  slugs: Record<string, string>
}

/**
 * A localized treatment with everything it references; `slug` is its slug in the answer's
 * locale.
 *
 * @public
 */
export type LocalizedTreatment = Localized<TreatmentBySlugQueryResult[number]> & LocaleSlugsField

/**
 * A localized treatment summary for index pages; `slug` is its slug in the answer's locale.
 *
 * @public
 */
export type LocalizedTreatmentSummary = Localized<TreatmentListQueryResult[number]> & LocaleSlugsField

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
 * The answer of {@link TreatmentContent.getTreatment}: a {@link TreatmentResult} and how the
 * slug found it (redirect to `redirectTo` when it is set).
 *
 * @public
 */
export interface TreatmentBySlugResult extends TreatmentResult, SlugMatch {}

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
  /**
   * This read's perspective, over the reader's. A `drafts` read needs a token (this call's, the
   * reader's or the source's) and is never cached, nor shares a request with a published read.
   */
  perspective?: ReadPerspective
  /** This read's token, over the reader's. Server-side only. A read with its own token is not cached. */
  token?: string
}

/**
 * Options of {@link TreatmentContent.eachTreatment}.
 *
 * @public
 */
export interface EachTreatmentOptions extends ReadOptions {
  /**
   * Supported locale ids (e.g. `localeIds` of `@treatments/content/locales`): every page in each
   * of them, from one request instead of one per locale, each page's locales in turn. Each result
   * is what a read with `{locale}` gives. Not with `locale`.
   */
  locales?: readonly string[]
}

/**
 * Localized treatment content.
 *
 * @public
 */
export interface TreatmentContent {
  /**
   * One treatment by slug, in one request. The slug may be the page's slug in any locale, or a
   * former one: the answer's `slug` is the page's slug in the answer's locale, `matchedBy` says
   * how it was found and `redirectTo` where to redirect when the slug asked for is not the
   * locale's.
   *
   * @throws {ContentNotFoundError} When no published treatment has the slug.
   * @throws {ContentInvariantError} When the content breaks a page invariant: two published
   *   treatments with the slug in one locale ({@link DuplicateSlugError}), a reference to the wrong type of
   *   document ({@link ReferenceTypeError}), no contraindications
   *   ({@link MissingContraindicationsError}).
   * @throws {ContentSourceError | ContentTimeoutError | MalformedResponseError} When the source fails
   *   and no cached answer can stand in.
   */
  getTreatment(slug: string, options?: ReadOptions): Promise<TreatmentBySlugResult>
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
   * With `locales`, every page in each of those locales from one request: the base locale's text
   * and the pages' structure travel once, not once per locale (a build of every locale).
   *
   * @example
   * ```ts
   * for await (const result of content.eachTreatment({locale: 'it'})) write(renderTreatmentPage(result))
   * for await (const result of content.eachTreatment({locales: localeIds})) write(result.locale, renderTreatmentPage(result))
   * ```
   * @throws {TypeError} When `locales` is not a list of supported locale ids, or comes with `locale`.
   */
  eachTreatment(options?: EachTreatmentOptions): AsyncIterable<TreatmentResult>
}

/**
 * How failed requests are retried.
 *
 * @public
 */
export interface RetryOptions {
  /** Requests in all, the first included. Default 3. */
  attempts?: number
  /** Delay before the first retry; doubles each time, with jitter. Default 200 ms. */
  baseDelayMs?: number
  /** The longest delay between two attempts. Default 2000 ms. */
  maxDelayMs?: number
}

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
  /**
   * How long a request waits for the source to refresh an expired answer before it gets the
   * expired one, marked `stale`, while the refresh goes on in the background and replaces it
   * when it succeeds. Until then, later requests get the stale answer at once instead of
   * waiting again. `0` serves a stale answer at once (stale-while-revalidate). Default 1500 ms.
   */
  staleAfterMs?: number
}

/**
 * Whether a doctor's review stands for a page in one locale, checked against the exact texts the
 * review covered.
 *
 * - `reviewed`: the medical review (and, for any locale but the base one, that locale's
 *   translation review) is marked reviewed, and every safety text it covered still has the hash
 *   it recorded. Only then may the page say a doctor reviewed it.
 * - `changed-since-review`: marked reviewed, but `changedSinceReview` lists texts edited, added
 *   or removed since.
 * - `pending`: not marked reviewed.
 *
 * @public
 */
export interface ReviewCheck {
  status: 'reviewed' | 'changed-since-review' | 'pending'
  /** The safety texts that differ from what the review recorded, and which review recorded them. */
  changedSinceReview: Array<ChangedSinceReview & {review: 'medical' | 'translation'}>
}
