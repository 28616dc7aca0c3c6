import type {UiStrings} from './create-ui-strings.ts'

/** UI strings made by the page renderer for itself: nothing outside can change their resources. */
const remembered = new WeakSet<UiStrings>()

/**
 * Mark `ui` as the renderer's own, so that answers drawn from it may be remembered.
 *
 * @internal
 */
export function rememberUi(ui: UiStrings): UiStrings {
  remembered.add(ui)
  return ui
}

/**
 * Whether `ui` is the renderer's own (see {@link rememberUi}).
 *
 * @internal
 */
export function isRememberedUi(ui: UiStrings): boolean {
  return remembered.has(ui)
}
