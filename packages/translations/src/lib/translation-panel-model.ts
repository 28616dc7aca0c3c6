import {locales as registry} from '@treatments/content/locales'
import {type TranslationStateId, translationStates as states} from '@treatments/content/ui-strings'

import type {FieldStatus} from './document-translation-status.ts'
import {stateSummary, summarizeLocales, type LocaleSummary} from './summarize-locales.ts'

/** One field that needs a translator's attention. */
export interface TranslationPanelItem {
  /** Sanity path, e.g. `ingredients[_key=="pc"].role`. */
  field: string
  /** Readable form of the path, e.g. `ingredients › pc › role`. */
  label: string
  state: 'missing' | 'stale'
  /** The state's word ({@link states}). */
  word: string
  /** Why, in words. */
  note: string
}

/** One locale section of the Studio's translation panel. */
export interface TranslationPanelSection {
  locale: string
  /** The locale's own name, e.g. `Deutsch`. */
  title: string
  summary: LocaleSummary
  /**
   * The locale's state ({@link localeState}) in the states' words, then every count:
   * `needs translation: 2 missing, 1 stale (of 3 fields)`, `reviewed: 4 reviewed (of 4 fields)`.
   */
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
        .map((field) => ({field: field.field, label: fieldLabel(field.field), state, word: states[state].word, note: NOTES[field.reason ?? 'no-text']})),
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
  return `${states[localeState(summary)].word}: ${stateSummary(summary)}`
}

/**
 * The state of a locale as a whole, from its worst field: `needsTranslation` while a field is
 * missing, then `stale`, `translated` (awaiting review), `reviewed`.
 */
export function localeState(summary: LocaleSummary): Exclude<TranslationStateId, 'missing'> {
  if (summary.missing > 0) return 'needsTranslation'
  if (summary.stale > 0) return 'stale'
  return summary.reviewed === summary.total ? 'reviewed' : 'translated'
}

/** A field path for people: `ingredients[_key=="pc"].role` → `ingredients › pc › role`. */
export function fieldLabel(path: string): string {
  return path
    .replace(/\[_key=="([^"]*)"\]/g, '.$1')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .join(' › ')
}
