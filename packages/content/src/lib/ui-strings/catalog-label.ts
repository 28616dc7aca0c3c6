import {answersOf, type UiStrings} from './create-ui-strings.ts'
import {keptAnswers} from './remembered-answers.ts'
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
  const compute = () => {
    const key = `${group}.${value}`
    return ui.i18n.exists(key) ? ui.t(key as UiStringKey) : undefined
  }
  const answers = answersOf(ui)
  if (!answers) return compute()
  // By group, then by value: no `group.value` key string made (and hashed) per lookup.
  const groups = keptAnswers(answers, 'label') as Map<string, Map<string, string | undefined>>
  let kept = groups.get(group)
  if (!kept) groups.set(group, (kept = new Map()))
  else if (kept.has(value)) return kept.get(value)
  const label = compute()
  // The values come from the content: a bound against a dataset of ever new ones.
  if (kept.size >= 5000) kept.clear()
  kept.set(value, label)
  return label
}
