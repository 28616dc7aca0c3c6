import {hasVisibleText, itemLanguage} from '@treatments/content/dataset'
import {baseLocale, localeIds} from '@treatments/content/locales'

/**
 * One item of an internationalized-array field. `language` is where
 * `sanity-plugin-internationalized-array` v5 keeps the locale; v4 kept it in `_key`.
 */
export interface LocalizedItem {
  _key?: string
  _type?: string
  language?: string
  value?: unknown
}

/** A problem found by a rule: a message for the editor and where it applies inside the value. */
export interface RuleProblem {
  message: string
  /** Path below the checked value: array items by `_key` (or index when there is no key), then field names. */
  path: Array<string | number | {_key: string}>
}


/**
 * Checks the locale codes of a localized field: each item names a supported locale, once.
 */
export function checkLocaleCodes(items: readonly LocalizedItem[] | undefined): RuleProblem[] {
  const problems: RuleProblem[] = []
  const seen = new Set<string>()
  for (const [index, item] of (items ?? []).entries()) {
    const at: RuleProblem['path'] = [item._key ? {_key: item._key} : index]
    const language = itemLanguage(item)
    if (!language) {
      problems.push({message: 'This translation has no language. Remove it and add it again with the language buttons.', path: at})
    } else if (!localeIds.includes(language)) {
      problems.push({
        message: `“${language}” is not a supported language. Use one of: ${localeIds.join(', ')}.`,
        path: [...at, 'language'],
      })
    } else if (seen.has(language)) {
      problems.push({message: `There are two “${language}” translations. Keep one.`, path: [...at, 'language']})
    } else {
      seen.add(language)
    }
  }
  return problems
}

/**
 * Requires text in the base locale, so every reader has at least the source text to fall back to.
 */
export function checkBaseLocale(items: readonly LocalizedItem[] | undefined, what: string): RuleProblem[] {
  const base = (items ?? []).find((item) => itemLanguage(item) === baseLocale)
  if (base && hasVisibleText(base.value)) return []
  return [
    {
      message: `${what} is required in ${baseLocale.toUpperCase()}: it is the text every other language falls back to.`,
      path: base?._key ? [{_key: base._key}, 'value'] : [],
    },
  ]
}
