import {locales as registry} from '@treatments/content/locales'

import type {LocaleSummary} from './summarize-locales.ts'

/** What a Studio document badge shows for one locale. */
export interface TranslationBadge {
  locale: string
  /** Short text, e.g. `it: 2 stale`, `de: 30 missing`, `it: translated`. */
  label: string
  /** Longer text for the tooltip. */
  title: string
  /** `danger` when text is missing, `warning` when stale, `primary` when awaiting review, `success` when reviewed. */
  color: 'primary' | 'success' | 'warning' | 'danger'
}

/**
 * The badge for one locale of a document, or `null` when the document has nothing to translate.
 */
export function translationBadge(summary: LocaleSummary): TranslationBadge | null {
  const {locale, total, missing, stale, reviewed} = summary
  if (total === 0) return null
  const name = registry.find((definition) => definition.id === locale)?.title ?? locale
  const title =
    `${name}: ${summary.complete} of ${total} ${total === 1 ? 'field' : 'fields'} translated` +
    ` (${reviewed} reviewed), ${stale} stale, ${missing} missing`
  const problems = [missing > 0 ? `${missing} missing` : '', stale > 0 ? `${stale} stale` : ''].filter(Boolean)
  if (problems.length > 0) {
    return {locale, label: `${locale}: ${problems.join(', ')}`, title, color: missing > 0 ? 'danger' : 'warning'}
  }
  if (reviewed === total) return {locale, label: `${locale}: reviewed`, title, color: 'success'}
  return {locale, label: `${locale}: translated`, title: `${title}; awaiting review`, color: 'primary'}
}
