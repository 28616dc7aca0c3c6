/**
 * The one vocabulary of translation states: the English word for each, said the same way by the
 * Studio (tab, badge, panel, review action), `pnpm translations`, the XLIFF notes and the README.
 * The UI-string catalogs take their `translationState.*` strings from here (English) or translate
 * them (Italian, German); nothing else spells these words out.
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
  missing: {word: 'missing', key: 'translationState.missing'},
  needsTranslation: {word: 'needs translation', key: 'translationState.needsTranslation'},
  stale: {word: 'stale', key: 'translationState.stale'},
  translated: {word: 'translated – awaiting review', key: 'translationState.translated'},
  reviewed: {word: 'reviewed', key: 'translationState.reviewed'},
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
