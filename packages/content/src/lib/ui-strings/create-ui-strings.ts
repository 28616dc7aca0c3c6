import {createInstance, type i18n as I18n} from 'i18next'
import {locales, matchLocale} from '../locale/locale-registry.ts'
import {describeValue as describe} from '../describe-value.ts'
import {escapeHtml} from './escape-html.ts'
import {keptAnswers, rememberedIn, type RememberedAnswers} from './remembered-answers.ts'
import type {UiStringKey} from './ui-catalog.ts'
import {uiNamespace, uiResources} from './ui-resources.ts'

/**
 * Values to interpolate into a UI string; `count` also picks the plural form.
 *
 * @public
 */
export type UiStringValues = Record<string, unknown> & {count?: number}

/**
 * Options for {@link createUiStrings}.
 *
 * @public
 */
export interface CreateUiStringsOptions {
  /**
   * Time zone for `formatDate` when it is given a timestamp or a `Date`. Defaults to `UTC`, so
   * server and browser agree. Date-only strings (`2025-03-05`) are calendar dates and are never
   * shifted.
   */
  timeZone?: string
}

/**
 * UI strings for one locale.
 *
 * Strings are plain text: interpolated values are inserted as given, not HTML-escaped. Frameworks
 * that escape text (React, Vue, Astro, Svelte) need nothing more; when you build HTML strings by
 * hand, use `tHtml`, which escapes the whole result.
 *
 * @public
 */
export interface UiStrings {
  /** The supported locale serving the request (`it` for `it-CH`). */
  readonly locale: string
  /** Where strings are read from, in order; ends with the base locale. */
  readonly chain: readonly string[]
  /** True when no requested tag was supported and the base locale is used. */
  readonly usedDefault: boolean
  /** The i18next instance behind `t`, made for this call only (for `react-i18next` and the like). */
  readonly i18n: I18n
  /** The string for `key`, with `values` interpolated; a key missing in the locale falls back along `chain`. */
  t(key: UiStringKey, values?: UiStringValues): string
  /** `t()` escaped for HTML text and attribute values. */
  tHtml(key: UiStringKey, values?: UiStringValues): string
  /**
   * `3–4 sessions`, or `1 session` when `min` equals `max` or `max` is left out. The number and
   * its unit are joined by a no-break space, so they never part at a line end.
   */
  formatSessions(min: number, max?: number): string
  /** `3–4 weeks apart`, or `1 week apart`. */
  formatWeeksApart(min: number, max?: number): string
  /** `Results visible from day 3`. */
  formatResultsFromDay(day: number): string
  /**
   * A number range, the same in every locale: an en dash between the numbers (`3–4`), followed
   * by a word joiner (U+2060) so that a line never breaks after the dash.
   */
  formatRange(min: number, max: number): string
  /**
   * A date, long style, in the locale (`March 5, 2025`, `5 marzo 2025`, `5. März 2025`). Takes a
   * Sanity `date` (`2025-03-05`), an ISO timestamp or a `Date`. A string that is not a date is
   * returned unchanged (content problems are not thrown).
   */
  formatDate(value: string | Date): string
  /** A language's name in the locale (`en` → `inglese` in Italian), for `notYetTranslated`. */
  formatLanguageName(id: string): string
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

/**
 * UI strings for a requested locale, ready to use (synchronous: the strings ship with the
 * package). The request is matched with `matchLocale` (`it-CH` → `it`, anything unsupported →
 * the base locale), and missing keys fall back along the locale's fallback chain. Each call
 * makes a new i18next instance (never the global one), with `returnNull: false`, no escaping of
 * interpolations (see {@link UiStrings}) and no logging.
 *
 * @example
 * ```ts
 * const ui = createUiStrings('it-CH')
 * ui.t('sideEffects') // 'Effetti collaterali'
 * ui.formatSessions(3, 4) // '3–4 sedute' (`3–\u20604\u00a0sedute`: no line break inside)
 * ui.t('lastReviewed', {date: ui.formatDate('2025-03-05')}) // 'Ultima revisione: 5 marzo 2025'
 * ```
 * @param locale - A BCP 47 tag, or a priority list of tags (for example from `Accept-Language`).
 * @throws {TypeError} When `locale` is not a string or an array of strings, or `options` is
 *   malformed.
 * @public
 */
export function createUiStrings(locale: string | readonly string[], options: CreateUiStringsOptions = {}): UiStrings {
  if (typeof locale !== 'string' && !(Array.isArray(locale) && locale.every((tag) => typeof tag === 'string'))) {
    throw new TypeError(`\`createUiStrings\` expects a locale tag or an array of tags, got ${describe(locale)}`)
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`\`createUiStrings\` expects an options object as its second argument, got ${describe(options)}`)
  }
  const timeZone = options.timeZone ?? 'UTC'
  if (typeof timeZone !== 'string') {
    throw new TypeError(`\`createUiStrings\` expects \`timeZone\` to be a string, got ${describe(timeZone)}`)
  }
  const match = matchLocale(locale)
  const language = match.locale
  const i18n = createInstance()
  void i18n.init({
    lng: language,
    fallbackLng: match.chain.slice(1),
    supportedLngs: locales.map((definition) => definition.id),
    ns: [uiNamespace],
    defaultNS: uiNamespace,
    // A copy per instance: i18next's resource API writes into the objects it is given.
    resources: structuredClone(uiResources),
    initAsync: false,
    // i18next's defaults, relied on: `returnNull` and `returnEmptyString` false (an empty string
    // falls back along the chain), no `debug` logging, no `saveMissing`.
    interpolation: {escapeValue: false},
  })

  // Answers are remembered: an i18next lookup and `Intl` formatting of the same few ranges,
  // dates and names on every page were most of a page's cost in a static build. Forgotten when
  // i18next says its language or resources changed.
  const answers: RememberedAnswers = new Map()
  const forget = () => answers.forEach((kept) => kept.clear())
  i18n.on('languageChanged', forget)
  i18n.store.on('added', forget)
  i18n.store.on('removed', forget)
  // Each name's map is held (forgetting empties it): the common call, one key and no values,
  // already answered, is found without a key or a closure made.
  const remember = <A extends unknown[]>(name: string, call: (...args: A) => string) => {
    const kept = keptAnswers(answers, name)
    return (...args: A): string => {
      const first = args[0]
      const found = typeof first === 'string' && args.length < 3 && args[1] === undefined && first[0] !== '[' ? kept.get(first) : undefined
      return (found as string | undefined) ?? rememberedIn(kept, args, () => call(...args))
    }
  }
  const t = remember('t', (key: UiStringKey, values?: UiStringValues): string => i18n.t(key, values ?? {}) as string)
  const numbers = new Intl.NumberFormat(language)
  // One range format for every locale, from the catalog: `Intl.NumberFormat#formatRange` writes
  // `3-4` (hyphen) in Italian and `3–4` elsewhere, and lets a line break after the dash.
  const formatRange = (min: number, max: number): string => {
    const [low, high] = min <= max ? [min, max] : [max, min]
    return t('numberRange', {min: numbers.format(low), max: numbers.format(high)})
  }
  const counted = (call: string, key: UiStringKey) => remember(call, (min: number, max?: number): string => {
    checkCount(call, min)
    if (max !== undefined) checkCount(call, max)
    if (max === undefined || max === min) return t(key, {count: min, range: numbers.format(min)})
    // A range takes the plural form of its upper end (CLDR plural ranges for en, it, de).
    return t(key, {count: Math.max(min, max), range: formatRange(min, max)})
  })
  let dates: Intl.DateTimeFormat | undefined
  let calendarDates: Intl.DateTimeFormat | undefined
  let languageNames: Intl.DisplayNames | undefined

  const ui: UiStrings = {
    locale: language,
    chain: match.chain,
    usedDefault: match.usedDefault,
    i18n,
    t,
    tHtml: remember('tHtml', (key: UiStringKey, values?: UiStringValues) => escapeHtml(t(key, values))),
    formatSessions: counted('formatSessions', 'sessionsRange'),
    formatWeeksApart: counted('formatWeeksApart', 'weeksApart'),
    // Remembered by the day itself: `t` would key the same answer by the JSON of its values.
    formatResultsFromDay: remember('formatResultsFromDay', (day: number) => {
      checkCount('formatResultsFromDay', day)
      return t('resultsFromDay', {count: day})
    }),
    formatRange: remember('formatRange', (min: number, max: number) => {
      checkCount('formatRange', min)
      checkCount('formatRange', max)
      return formatRange(min, max)
    }),
    formatDate: remember('formatDate', (value: string | Date) => {
      if (typeof value !== 'string' && !(value instanceof Date)) {
        throw new TypeError(`\`formatDate\` expects a date string or a Date, got ${describe(value)}`)
      }
      if (typeof value === 'string' && dateOnly.test(value.trim())) {
        const day = value.trim()
        const date = new Date(`${day}T00:00:00Z`)
        // `2025-02-30` parses as 2 March: not a calendar date, so shown as written.
        if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return value
        calendarDates ??= new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone: 'UTC'})
        return calendarDates.format(date)
      }
      const date = typeof value === 'string' ? new Date(value) : value
      if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : ''
      dates ??= new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone})
      return dates.format(date)
    }),
    formatLanguageName: remember('formatLanguageName', (id: string) => {
      if (typeof id !== 'string') throw new TypeError(`\`formatLanguageName\` expects a language tag, got ${describe(id)}`)
      try {
        languageNames ??= new Intl.DisplayNames(language, {type: 'language'})
        return languageNames.of(id) ?? id
      } catch {
        return locales.find((definition) => definition.id === id)?.title ?? id
      }
    }),
  }
  // Frozen, so that no function of it can be replaced under what was remembered from it.
  answersByUi.set(Object.freeze(ui), answers)
  return ui
}

/** The remembered answers of the strings this module made, by strings object. */
const answersByUi = new WeakMap<UiStrings, RememberedAnswers>()

/**
 * The remembered answers of UI strings made by {@link createUiStrings} (forgotten when their
 * i18next instance changes), for what the renderer derives from them; `undefined` for strings
 * made any other way, which are asked every time.
 *
 * @internal
 */
export function answersOf(ui: UiStrings): RememberedAnswers | undefined {
  return answersByUi.get(ui)
}

function checkCount(call: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`\`${call}\` expects finite numbers, got ${typeof value === 'number' ? String(value) : describe(value)}`)
  }
}
