import {translationStates as states} from '@treatments/content/ui-strings'

import type {FieldState, FieldStatus} from './document-translation-status.ts'

/** Counts of one locale's field states. */
export interface LocaleSummary {
  locale: string
  /** Fields with base-locale text, i.e. fields to translate. */
  total: number
  missing: number
  stale: number
  translated: number
  reviewed: number
  /** `translated + reviewed`. */
  complete: number
  /** `complete / total × 100`, unrounded; 100 when there is nothing to translate. */
  percentComplete: number
}

/**
 * Counts field states per locale, in the order of `locales`. Fields of other locales are ignored.
 */
export function summarizeLocales(fields: readonly FieldStatus[], locales: readonly string[]): LocaleSummary[] {
  return locales.map((locale) => {
    const summary = {locale, total: 0, missing: 0, stale: 0, translated: 0, reviewed: 0}
    for (const field of fields) {
      if (field.locale !== locale) continue
      summary.total++
      summary[field.state]++
    }
    const complete = summary.translated + summary.reviewed
    return {...summary, complete, percentComplete: summary.total === 0 ? 100 : (complete / summary.total) * 100}
  })
}

/**
 * A percentage for display with one decimal, rounded down so that 99.96% never shows as 100.0%.
 */
export function formatPercent(percent: number): string {
  return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`
}

/**
 * The non-zero counts of `states` in `summary`, in that order, in the states' words:
 * `['2 missing', '1 stale']`.
 */
export function stateCounts(summary: LocaleSummary, wanted: readonly FieldState[]): string[] {
  return wanted.filter((state) => summary[state] > 0).map((state) => `${summary[state]} ${states[state].word}`)
}

/** Every non-zero state count and the total: `1 stale, 3 reviewed (of 4 fields)`. */
export function stateSummary(summary: LocaleSummary): string {
  const fields = `${summary.total} ${summary.total === 1 ? 'field' : 'fields'}`
  return `${stateCounts(summary, ['missing', 'stale', 'translated', 'reviewed']).join(', ')} (of ${fields})`
}
