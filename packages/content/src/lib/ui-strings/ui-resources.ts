import {deUiStrings} from './de-ui-strings.ts'
import {enUiStrings} from './en-ui-strings.ts'
import {itUiStrings} from './it-ui-strings.ts'
import type {UiCatalog} from './ui-catalog.ts'

/**
 * The i18next namespace the UI strings live in.
 *
 * @public
 */
export const uiNamespace = 'treatment'

/**
 * UI strings for every supported locale, in i18next's resource shape:
 * `{[language]: {treatment: {key: value}}}`. Plain, frozen data: pass it to your own i18next
 * instance, or use {@link createUiStrings}.
 *
 * @public
 */
export const uiResources: Readonly<Record<string, {readonly treatment: Readonly<UiCatalog>}>> = /* @__PURE__ */ deepFreeze({
  en: {treatment: enUiStrings},
  it: {treatment: itUiStrings},
  de: {treatment: deUiStrings},
})

function deepFreeze<T extends object>(value: T): T {
  for (const item of Object.values(value)) if (typeof item === 'object' && item !== null) deepFreeze(item)
  return Object.freeze(value)
}
