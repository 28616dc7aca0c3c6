import {baseLocale} from '@treatments/content/locales'
import {hasVisibleText, itemLanguage} from '@treatments/content/dataset'
import type {LocalizedItem} from './localized-value.ts'

/** The base-locale text of a localized string field, for previews and titles. */
export function baseText(items: readonly LocalizedItem[] | undefined): string | undefined {
  const value = items?.find((item) => itemLanguage(item) === baseLocale)?.value
  return typeof value === 'string' && hasVisibleText(value) ? value : undefined
}
