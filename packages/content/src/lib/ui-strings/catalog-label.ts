import {answersOf, type UiStrings} from './create-ui-strings.ts'
import {remembered} from './remembered-answers.ts'
import type {UiStringKey} from './ui-catalog.ts'

/**
 * The UI string for a value of an enumerated field (`bodyArea.thighs`,
 * `contraindicationKind.absolute`), or `undefined` when the catalog has no string for it (a
 * value the schema gained after this package was built). Callers show the raw value and report it.
 * Remembered with the strings' own answers, as every page asks the same few.
 *
 * @internal
 */
export function catalogLabel(ui: UiStrings, group: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const key = `${group}.${value}`
  return remembered(answersOf(ui), 'label', [key], () => (ui.i18n.exists(key) ? ui.t(key as UiStringKey) : undefined))
}
