import {enUiStrings} from './en-ui-strings.ts'
import type {UiStringKey} from './ui-catalog.ts'

/**
 * Every key `t()` accepts, sorted: dotted paths for grouped strings, plural keys without their
 * `_one`/`_other` suffix. For tooling (translation checks, extraction, typed wrappers).
 *
 * @public
 */
export const uiStringKeys: readonly UiStringKey[] = /* @__PURE__ */ Object.freeze(
  [...new Set(leafPaths(enUiStrings).map((path) => path.replace(/_(zero|one|two|few|many|other)$/, '')))].sort() as UiStringKey[],
)

function leafPaths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafPaths(value as object, `${prefix}${key}.`),
  )
}
