import {baseLocale, isSupportedLocale, localeIds} from '@treatments/content/locales'

/** Which locales to report on. */
export interface StatusOptions {
  /**
   * Target locales to report, each a supported locale other than the base locale.
   * Default: every supported locale except the base locale.
   */
  locales?: readonly string[]
}

/** The translation locales: every supported locale except the base locale, in registry order. */
export const translationLocales: readonly string[] = localeIds.filter((id) => id !== baseLocale)

/**
 * Checks `options.locales` and fills the default.
 *
 * @param call - the public function being called, for error messages
 * @throws {TypeError} When a locale is not a translation locale.
 */
export function resolveStatusLocales(options: StatusOptions | undefined, call: string): readonly string[] {
  const locales = options?.locales ?? translationLocales
  if (!Array.isArray(locales)) {
    throw new TypeError(`${call}: option "locales" must be an array of locale ids such as ["de"]; got ${typeof locales}`)
  }
  for (const locale of locales) {
    if (typeof locale !== 'string' || !isSupportedLocale(locale) || locale === baseLocale) {
      throw new TypeError(
        `${call}: ${JSON.stringify(locale)} is not a translation locale; expected one of ${translationLocales.join(', ')}`,
      )
    }
  }
  return locales
}
