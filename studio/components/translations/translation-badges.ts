import {summarizeLocales, translationBadge, translationLocales} from '@treatments/translations'
import type {DocumentBadgeComponent, DocumentBadgeDescription} from 'sanity'

import {useTranslationStatus} from './use-translation-status.ts'

/**
 * A document badge for one translation locale: `de: 30 missing`, `it: 2 stale`,
 * `it: translated – awaiting review` or `it: reviewed` (none for documents without localized text).
 */
export function createTranslationBadge(locale: string): DocumentBadgeComponent {
  const TranslationBadge: DocumentBadgeComponent = (props): DocumentBadgeDescription | null => {
    const fields = useTranslationStatus(props.version ?? props.draft ?? props.published)
    if (fields === undefined) return null
    const badge = translationBadge(summarizeLocales(fields, [locale])[0]!)
    return badge === null ? null : {label: badge.label, title: badge.title, color: badge.color}
  }
  TranslationBadge.displayName = `TranslationBadge(${locale})`
  return TranslationBadge
}

/** One badge per translation locale, for `document.badges` in sanity.config.ts. */
export const translationBadges: DocumentBadgeComponent[] = translationLocales.map(createTranslationBadge)
