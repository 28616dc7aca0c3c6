import type {TreatmentResult} from '../types.ts'
import type {SafeHtmlWriter} from '../html/compile-safe-html.ts'
import type {UiStrings} from '../ui-strings/create-ui-strings.ts'
import {catalogLabel} from '../ui-strings/catalog-label.ts'
import type {TreatmentPageMessage, TreatmentPageRuleId} from './page-message.ts'
import type {PageText} from './page-text.ts'
import type {ReviewData} from './treatment-page-section.ts'

/**
 * What every section builder needs: the page's UI strings, a reader that tells each text's
 * status from `result.fallbacks`, and a place to report content problems.
 *
 * @internal
 */
export interface PageContext {
  readonly locale: string
  /** Whether a doctor's review stands for the page (from `getTreatment`). */
  readonly review: TreatmentResult['review'] | undefined
  readonly ui: UiStrings
  readonly idPrefix: string
  readonly messages: TreatmentPageMessage[]
  /** Where the page's HTML is written, sanitized as it is written. */
  readonly out: SafeHtmlWriter
  /**
   * The markers of the section being written, in the order they first appear (one per language
   * and kind: not translated, or being updated); a new set replaces an empty one at the first.
   */
  sectionMarkers: ReadonlySet<MarkerTexts> | undefined
  /** The review data of the page, once made (see `reviewData`): the banner and the review section share it. */
  reviewData: {treatment: TreatmentResult['treatment']; data: ReviewData} | undefined
  /** The `data-sanity` value of the text at a path: set only for a preview (`sourceAttribute`). */
  readonly sourceAttribute: ((path: string) => string | undefined) | undefined
  /** The value at `path` with its status (`translated`, `fallback` or `missing`). */
  text<T>(path: string, value: T | null | undefined): PageText<T>
  /**
   * The UI label of an enumerated value; the raw value, reported, when there is none (`path`,
   * or a function giving it, names the field in the report).
   */
  label(group: string, value: unknown, path: string | (() => string)): string
  report(ruleId: TreatmentPageRuleId, reason: string, path: string, blockKey?: string): void
}

/**
 * A {@link PageContext} for one result.
 *
 * @internal
 */
export function createPageContext(result: TreatmentResult, ui: UiStrings, idPrefix: string, out: SafeHtmlWriter, sourceAttribute?: (path: string) => string | undefined): PageContext {
  const fallbacks = new Map(result.fallbacks.map((fallback) => [fallback.path, fallback]))
  const messages: TreatmentPageMessage[] = []
  const report: PageContext['report'] = (ruleId, reason, path, blockKey) => {
    messages.push(blockKey === undefined ? {ruleId, reason, path, source: '@treatments/content'} : {ruleId, reason, path, blockKey, source: '@treatments/content'})
  }
  const statusOf = <T>(path: string, value: T | null | undefined): PageText<T> => {
    const fallback = fallbacks.size === 0 ? undefined : fallbacks.get(path)
    if (value === null || value === undefined || (fallback !== undefined && fallback.served === null)) {
      return {value: null, path, lang: null, status: 'missing'}
    }
    if (fallback !== undefined && fallback.served !== null && fallback.served !== result.locale) {
      const text: PageText<T> = {value, path, lang: fallback.served, status: 'fallback'}
      if (fallback.stale === true) text.stale = true
      return text
    }
    return {value, path, lang: result.locale, status: 'translated'}
  }
  return {
    locale: result.locale,
    review: result.review,
    ui,
    idPrefix,
    messages,
    out,
    sectionMarkers: undefined,
    reviewData: undefined,
    sourceAttribute,
    report,
    text: statusOf,
    label(group, value, path) {
      const label = catalogLabel(ui, group, value)
      if (label !== undefined) return label
      const at = typeof path === 'string' ? path : path()
      report('unknown-value', `\`${at}\` has the value ${JSON.stringify(value)}, which has no \`${group}\` label; it is shown as written`, at)
      return typeof value === 'string' ? value : String(value)
    },
  }
}

/**
 * What a marker for a language and its section note say.
 *
 * @internal
 */
export interface MarkerTexts {
  /** `EN` for `en`, `EN-GB` for `en-GB`; `EN*` for a stale translation. */
  code: string
  /** ` (not yet translated, shown in English)` or ` (translation being updated, shown in English)`, for screen readers. */
  sentence: string
  /** `Marked EN: not yet translated, shown in English.` or the `EN*` note. */
  note: string
  /** Stands for the marker after a no-break space, as a fragment's key. */
  spaced: object
}
