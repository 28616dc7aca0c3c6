/**
 * A localized text of a page with where it came from, for sites that render the page's data
 * themselves: mark `fallback` text with `lang={lang}` and a visible "not yet translated" note (for `stale`
 * text, "translation being updated"),
 * and show a visible placeholder for `missing` text. Never drop the item.
 *
 * @public
 */
export interface PageText<T = string> {
  /** The text; `null` when no locale of the chain has any. */
  value: T | null
  /** Where the field is in `result.treatment`, as in `result.fallbacks` (`contraindications[3].text`). */
  path: string
  /** The language of `value`: the page's locale, the locale it fell back to, or `null` when missing. */
  lang: string | null
  /** `translated`: in the page's locale; `fallback`: shown in another locale; `missing`: in none. */
  status: 'translated' | 'fallback' | 'missing'
  /**
   * For `fallback`: set when a translation exists but was made from an older source text (stale),
   * so the translation is being updated and the source text is shown; mark it as such, not as
   * “not yet translated”.
   */
  stale?: true
}

/**
 * Where a page text is stored (see `textSource`): the published document id, its type, and the
 * field's path in it as the Studio writes paths (`text`, `claims[_key=="a1"].text`).
 *
 * @public
 */
export interface TextSource {
  id: string
  type: string
  path: string
}
