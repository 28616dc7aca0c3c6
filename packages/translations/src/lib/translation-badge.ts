import {locales as registry} from '@treatments/content/locales'
import {translationStates as states} from '@treatments/content/ui-strings'

import {stateCounts, stateSummary, type LocaleSummary} from './summarize-locales.ts'

/** What a Studio document badge shows for one locale. */
export interface TranslationBadge {
  locale: string
  /** Short text, e.g. `it: 2 stale`, `de: 30 missing`, `it: translated – awaiting review`. */
  label: string
  /** Longer text for the tooltip. */
  title: string
  /** `danger` when text is missing, `warning` when stale, `primary` when awaiting review, `success` when reviewed. */
  color: 'primary' | 'success' | 'warning' | 'danger'
}

/**
 * The badge for one locale of a document, or `null` when the document has nothing to translate.
 * Its words are the states' words ({@link states}).
 */
export function translationBadge(summary: LocaleSummary): TranslationBadge | null {
  const {locale, total, missing, stale, reviewed} = summary
  if (total === 0) return null
  const name = registry.find((definition) => definition.id === locale)?.title ?? locale
  const title = `${name}: ${stateSummary(summary)}`
  if (missing + stale > 0) {
    return {locale, label: `${locale}: ${stateCounts(summary, ['missing', 'stale']).join(', ')}`, title, color: missing > 0 ? 'danger' : 'warning'}
  }
  if (reviewed === total) return {locale, label: `${locale}: ${states.reviewed.word}`, title, color: 'success'}
  return {locale, label: `${locale}: ${states.translated.word}`, title, color: 'primary'}
}
