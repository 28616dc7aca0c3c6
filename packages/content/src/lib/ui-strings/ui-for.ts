import {describeValue as describe} from '../describe-value.ts'
import {createUiStrings, type UiStrings} from './create-ui-strings.ts'

/**
 * The UI strings a renderer uses for `locale`: the caller's, when given (built once per locale
 * and shared by the page and its JSON-LD), after checking they are for the same locale, or new
 * ones. Strings of another locale would put a German heading on an Italian page: a misuse.
 *
 * @internal
 */
export function uiFor(call: string, locale: string, given: UiStrings | undefined): UiStrings {
  if (given === undefined) return createUiStrings(locale)
  if (typeof given !== 'object' || given === null || typeof given.t !== 'function') {
    throw new TypeError(`\`${call}\` expects \`ui\` to be the result of \`createUiStrings(result.locale)\`, got ${describe(given)}`)
  }
  if (given.locale !== locale) {
    throw new TypeError(`\`${call}\` got \`ui\` for "${given.locale}" but the result is in "${locale}"; pass \`createUiStrings(result.locale)\``)
  }
  return given
}
