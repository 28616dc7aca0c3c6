import {locales as registry} from '@treatments/content/locales'

import type {FieldStatus} from './document-translation-status.ts'
import {formatPercent, summarizeLocales, type LocaleSummary} from './summarize-locales.ts'

/** One field that needs a translator's attention. */
export interface TranslationPanelItem {
  /** Sanity path, e.g. `ingredients[_key=="pc"].role`. */
  field: string
  /** Readable form of the path, e.g. `ingredients › pc › role`. */
  label: string
  state: 'missing' | 'stale'
  /** Why, in words. */
  note: string
}

/** One locale section of the Studio's translation panel. */
export interface TranslationPanelSection {
  locale: string
  /** The locale's own name, e.g. `Deutsch`. */
  title: string
  summary: LocaleSummary
  /** E.g. `25.0% complete: 3 missing, 1 stale` or `complete, awaiting review`. */
  headline: string
  /** Missing fields first, then stale ones, each in document order. */
  items: TranslationPanelItem[]
}

const NOTES = {
  'no-text': 'no text in this language',
  'source-changed': 'the English text changed since it was translated',
  'no-source-hash': 'no record of the English text it was translated from',
  'edited-since-review': 'edited since it was reviewed',
} as const

/**
 * What the Studio's translation panel lists for the open document: per locale, a headline and
 * the missing and stale fields.
 */
export function translationPanelModel(fields: readonly FieldStatus[], locales: readonly string[]): TranslationPanelSection[] {
  return summarizeLocales(fields, locales).map((summary) => {
    const ofLocale = fields.filter((field) => field.locale === summary.locale)
    const items = (['missing', 'stale'] as const).flatMap((state) =>
      ofLocale
        .filter((field) => field.state === state)
        .map((field) => ({field: field.field, label: fieldLabel(field.field), state, note: NOTES[field.reason ?? 'no-text']})),
    )
    return {
      locale: summary.locale,
      title: registry.find((definition) => definition.id === summary.locale)?.title ?? summary.locale,
      summary,
      headline: headline(summary),
      items,
    }
  })
}

function headline(summary: LocaleSummary): string {
  if (summary.total === 0) return 'nothing to translate'
  if (summary.missing + summary.stale === 0) {
    return summary.reviewed === summary.total ? 'complete and reviewed' : 'complete, awaiting review'
  }
  const counts = [summary.missing > 0 ? `${summary.missing} missing` : '', summary.stale > 0 ? `${summary.stale} stale` : '']
  return `${formatPercent(summary.percentComplete)} complete: ${counts.filter(Boolean).join(', ')}`
}

/** A field path for people: `ingredients[_key=="pc"].role` → `ingredients › pc › role`. */
export function fieldLabel(path: string): string {
  return path
    .replace(/\[_key=="([^"]*)"\]/g, '.$1')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .join(' › ')
}
