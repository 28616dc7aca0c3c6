import type {ElementContent} from 'hast'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import type {PageText} from './page-text.ts'

/**
 * A plain-text field as hast: in `tagName` (a `span` for inline text, a `p` for a paragraph).
 * Text that fell back is wrapped with `lang` of its language and followed by a visible
 * "not yet translated" note in the page's language; text missing in every locale becomes a
 * visible "text missing" placeholder, so the item is never blank.
 *
 * @internal
 */
export function textHast(field: PageText, context: PageContext, tagName: 'span' | 'p' = 'span', className: string[] = []): ElementContent[] {
  const {ui} = context
  if (field.status === 'missing' || field.value === null) {
    return [element(tagName, {className: [...className, 'missing-text']}, [textNode(ui.t('textMissing'))])]
  }
  if (field.status === 'fallback' && field.lang !== null) {
    return [element(tagName, {lang: field.lang, className}, [textNode(field.value)]), ...(tagName === 'span' ? [textNode(' ')] : []), untranslatedNote(field.lang, context, tagName)]
  }
  if (tagName === 'span' && className.length === 0) return [textNode(field.value)]
  return [element(tagName, {className}, [textNode(field.value)])]
}

/**
 * The visible note after text shown in another language: `Not yet translated: shown in English`.
 *
 * @internal
 */
export function untranslatedNote(lang: string, context: PageContext, tagName: 'span' | 'p'): ElementContent {
  const {ui} = context
  return element(tagName, {className: ['note', 'note-untranslated']}, [textNode(ui.t('notYetTranslated', {language: ui.formatLanguageName(lang)}))])
}
