import type {AllTreatmentsQueryResult, TreatmentBySlugQueryResult, TreatmentListQueryResult} from '../../generated/sanity.types.ts'
import {ContentNotFoundError} from '../errors.ts'
import {localeIds, matchLocale} from '../locale/locale-registry.ts'
import {localize, type Fallback} from '../locale/localize.ts'
import {allTreatmentsEveryLocaleQuery, allTreatmentsQuery, treatmentBySlugQuery, treatmentListQuery} from '../../generated/sent-queries.ts'
import type {EachTreatmentOptions, LocalizedAnswer, ReadOptions, TreatmentContent, TreatmentContentOptions, TreatmentResult} from '../types.ts'
import {answerInLocale} from './answer-in-locale.ts'
import {checkTreatmentList, checkTreatmentPage, checkTreatmentPages} from './check-response.ts'
import {fetchWithRetry} from './fetch-with-retry.ts'
import {checkReview} from './medical-review-status.ts'
import {maxTimeoutMs, positiveInteger, positiveNumber, readAccess, resolveSource, sourceHasToken, type ReadAccess, type SourceFactory} from './reader-options.ts'
import {ResponseCache} from './response-cache.ts'
import {pickBySlug} from '../slug/pick-by-slug.ts'
import {withLocaleSlug} from '../slug/with-locale-slug.ts'
import {isContentSource} from '../source/content-source.ts'


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
  const hasToken = sourceHasToken(options.source)
  const reader = readAccess(options, '`createTreatmentContent`', {}, options.allowBrowserToken, hasToken)
  // A source configured for drafts (`source.perspective`) reads drafts on every call.
  const sourceReadsDrafts = !isContentSource(options.source) && options.source.perspective !== undefined && options.source.perspective !== 'published'

  const ask = <R>(query: string, params: Record<string, unknown>, check: (value: unknown) => void, access: ReadAccess) => {
    const load = async () => {
      const value = await fetchWithRetry<R>(source, query, params, {retry, timeoutMs, access})
      check(value)
      return value
    }
    // Only published reads without a token of their own go through the cache (and share
    // requests in flight): a draft answer must never be served to a published read, and an
    // answer read with one token must not be served to a read with another or none.
    const drafts = access.perspective === 'drafts' || (access.perspective === undefined && sourceReadsDrafts)
    if (drafts || access.token !== undefined) return load().then((value) => ({value, stale: false, fetchedAt: Date.now()}))
    return cache.get(`${query}\u0000${JSON.stringify(params)}`, load)
  }
  // One request: the whole locale chain travels, so a blank translation needs no second one.
  const read = <R>(query: string, params: {locales: string[]} & Record<string, unknown>, check: (value: unknown) => void, readOptions: ReadOptions, call: string) =>
    ask<R>(query, {...params, locale: params.locales[0]}, check, readAccess(readOptions, `\`${call}\``, reader, options.allowBrowserToken, hasToken))

  const content: TreatmentContent = {
    async getTreatment(slug, readOptions = {}) {
      if (typeof slug !== 'string' || slug.trim() === '') {
        throw new TypeError(`\`getTreatment\` expects a slug string, got ${slug === '' ? 'an empty string' : typeof slug}`)
      }
      const match = matchRequest(readOptions, 'getTreatment')
      const answer = await read<TreatmentBySlugQueryResult>(treatmentBySlugQuery, {slug, locales: match.chain}, checkTreatmentPage, readOptions, 'getTreatment')
      // Every treatment with the slug in some locale, now or before: the one it names in this locale.
      const found = pickBySlug(answer.value, slug, match.locale)
      if (found === undefined) throw new ContentNotFoundError(slug, match.locale)
      const {page, matchedBy, redirectTo} = found
      const {value, fallbacks} = await localize(page, match.chain)
      const treatment = withLocaleSlug(value, match.locale, fallbacks)
      return {...answerFields(match, fallbacks, answer.stale), treatment, review: await checkReview(page, match.locale), matchedBy, redirectTo}
    },
    async listTreatments(readOptions = {}) {
      const match = matchRequest(readOptions, 'listTreatments')
      const answer = await read<TreatmentListQueryResult>(treatmentListQuery, {locales: match.chain}, checkTreatmentList, readOptions, 'listTreatments')
      const {value, fallbacks} = await localize(answer.value, match.chain)
      // Each summary's slug in this locale; a fallback slug is reported at `[index].slug`.
      const treatments = value.map((summary, index) => {
        const own: Fallback[] = []
        const localized = withLocaleSlug(summary, match.locale, own)
        for (const fallback of own) fallbacks.push({...fallback, path: `[${index}].slug`})
        return localized
      })
      return {...answerFields(match, fallbacks, answer.stale), treatments}
    },
    async getAllTreatments(readOptions = {}) {
      const match = matchRequest(readOptions, 'getAllTreatments')
      const answer = await read<AllTreatmentsQueryResult>(allTreatmentsQuery, {locales: match.chain}, checkTreatmentPages, readOptions, 'getAllTreatments')
      const {fallbacks: _none, ...shared} = answerFields(match, [], answer.stale)
      const pages: TreatmentResult[] = []
      for await (const page of pagesIn(match, answer.value, answer.stale)) pages.push(page)
      return {...shared, pages}
    },
    eachTreatment(readOptions = {}) {
      // Arguments are checked at the call, not at the first step of the loop.
      if (readOptions.locales !== undefined) return eachTreatmentInLocales(readOptions)
      const match = matchRequest(readOptions, 'eachTreatment')
      readAccess(readOptions, '`eachTreatment`', reader, options.allowBrowserToken, hasToken)
      return (async function* () {
        const answer = await read<AllTreatmentsQueryResult>(allTreatmentsQuery, {locales: match.chain}, checkTreatmentPages, readOptions, 'eachTreatment')
        yield* pagesIn(match, answer.value, answer.stale)
      })()
    },
  }

  /** One localized page after another, from a checked answer for `match`'s chain. */
  async function* pagesIn(match: ReturnType<typeof matchLocale>, pages: AllTreatmentsQueryResult, stale: boolean): AsyncGenerator<TreatmentResult> {
    const {fallbacks: _none, ...shared} = answerFields(match, [], stale)
    for (const raw of pages) {
      const {value, fallbacks} = await localize(raw, match.chain)
      yield {...shared, fallbacks, treatment: withLocaleSlug(value, match.locale, fallbacks), review: await checkReview(raw, match.locale)}
    }
  }

  /**
   * `eachTreatment({locales})`: one request with every listed locale's chain; the answer is split
   * into what `allTreatmentsQuery` answers for each locale, and each split is checked as that
   * answer is, before any page of it is made.
   */
  function eachTreatmentInLocales(readOptions: EachTreatmentOptions): AsyncIterable<TreatmentResult> {
    const {locales} = readOptions
    if (readOptions.locale !== undefined) throw new TypeError('`eachTreatment` takes `locale` or `locales`, not both')
    if (!Array.isArray(locales) || locales.length === 0 || !locales.every((id) => typeof id === 'string' && localeIds.includes(id))) {
      throw new TypeError(`\`eachTreatment\` option \`locales\` must be a non-empty list of supported locale ids (${localeIds.join(', ')}), got ${JSON.stringify(locales)}`)
    }
    readAccess(readOptions, '`eachTreatment`', reader, options.allowBrowserToken, hasToken)
    const matches = [...new Set(locales)].map((id) => matchLocale(id))
    const chains = [...new Set(matches.flatMap((match) => match.chain))]
    // The split answers are checked as the answer arrives (a refused answer is not cached), and
    // kept beside it, so a cached answer is not split again.
    const splits = new WeakMap<object, AllTreatmentsQueryResult[]>()
    const split = (value: unknown): AllTreatmentsQueryResult[] => {
      const known = typeof value === 'object' && value !== null ? splits.get(value) : undefined
      if (known) return known
      const made = matches.map((match) => {
        const pages = answerInLocale(value, match.chain, match.locale)
        checkTreatmentPages(pages)
        return pages as AllTreatmentsQueryResult
      })
      if (typeof value === 'object' && value !== null) splits.set(value, made)
      return made
    }
    return (async function* () {
      const answer = await read<unknown>(allTreatmentsEveryLocaleQuery, {locales: chains}, split, readOptions, 'eachTreatment')
      const byLocale = split(answer.value).map((pages, index) => ({match: matches[index]!, pages}))
      for (const {match, pages} of byLocale) yield* pagesIn(match, pages, answer.stale)
    })()
  }

  return content
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
