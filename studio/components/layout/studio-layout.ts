import {createElement as h, Fragment, type ReactNode} from 'react'
import type {LayoutProps} from 'sanity'

/**
 * `sanity-plugin-internationalized-array` (5.3) shows, under a localized field that lacks a
 * language, a button for every language and disables those the field already has: "+ English"
 * beside the English text reads as an offer to add it again. Only the buttons of the languages
 * still missing are shown; a read-only field (every button disabled) shows none. The plugin has
 * no option for it, so a rule on its own test ids hides the disabled ones.
 */
export const HIDE_PRESENT_LANGUAGE_BUTTONS = '[data-testid="add-buttons-grid"] > button:disabled { display: none; }'

/** The Studio's `studio.components.layout`: Sanity's own, plus the rule above. */
export function StudioLayout(props: LayoutProps): ReactNode {
  return h(Fragment, null, h('style', null, HIDE_PRESENT_LANGUAGE_BUTTONS), props.renderDefault(props))
}
