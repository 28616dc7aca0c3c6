import type {UiStrings} from './create-ui-strings.ts'
import type {UiStringKey} from './ui-catalog.ts'
import {isRememberedUi} from './remembered-ui.ts'

/**
 * The UI string for a value of an enumerated field (`bodyArea.thighs`,
 * `contraindicationKind.absolute`), or `undefined` when the catalog has no string for it (a
 * value the schema gained after this package was built). Callers show the raw value and report it.
 *
 * @internal
 */
export function catalogLabel(ui: UiStrings, group: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  // The renderer's own strings (no caller can change their resources) answer the same few
  // values on every page: ask i18next once per key.
  if (!isRememberedUi(ui)) {
    const key = `${group}.${value}`
    return ui.i18n.exists(key) ? ui.t(key as UiStringKey) : undefined
  }
  let groups = labels.get(ui)
  if (groups === undefined) labels.set(ui, (groups = new Map()))
  let known = groups.get(group)
  if (known === undefined) groups.set(group, (known = new Map()))
  if (known.has(value)) return known.get(value)
  const key = `${group}.${value}`
  const label = ui.i18n.exists(key) ? ui.t(key as UiStringKey) : undefined
  if (known.size < 1000) known.set(value, label)
  return label
}

/** Labels by the renderer's own UI strings. */
const labels = new WeakMap<UiStrings, Map<string, Map<string, string | undefined>>>()
