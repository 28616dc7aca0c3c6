/**
 * The one vocabulary of translation states: the English word for each, said the same way by the
 * Studio (tab, badge, panel, review action), `pnpm translations`, the XLIFF notes and the README.
 * Nothing else spells these words out. They are not in the site's UI-string catalogs: no page
 * shows them (a page marks missing and stale texts with its own sentences), and every site would
 * carry their bytes.
 *
 * - `missing`: a field with no text in the language.
 * - `needsTranslation`: a language whose translation is not done (`translationState.status` `draft`).
 * - `stale`: text translated from English that has changed since.
 * - `translated`: translated from the current English, awaiting a translation review.
 * - `reviewed`: translated and reviewed.
 *
 * @public
 */
export const translationStates = {
  missing: {word: 'missing'},
  needsTranslation: {word: 'needs translation'},
  stale: {word: 'stale'},
  translated: {word: 'translated – awaiting review'},
  reviewed: {word: 'reviewed'},
} as const

/**
 * A translation state's id: a key of {@link translationStates}.
 *
 * @public
 */
export type TranslationStateId = keyof typeof translationStates

/**
 * The English word for a translation state (`translated` → `translated – awaiting review`).
 *
 * @public
 */
export function translationStateWord(state: TranslationStateId): string {
  return translationStates[state].word
}
