import type {Element, ElementContent} from 'hast'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import type {PageText} from './page-text.ts'

/**
 * A plain-text field as hast: in `tagName` (a `span` for inline text, a `p` for a paragraph).
 * Text that fell back is wrapped with `lang` of its language and followed by a compact
 * “not yet translated” marker (see {@link untranslatedMarker}); text missing in every locale
 * becomes a visible "text missing" placeholder, so the item is never blank.
 *
 * @internal
 */
export function textHast(field: PageText, context: PageContext, tagName: 'span' | 'p' = 'span', className: string[] = []): ElementContent[] {
  const {ui} = context
  if (field.status === 'missing' || field.value === null) {
    return [element(tagName, {className: [...className, 'missing-text']}, [textNode(ui.t('textMissing'))])]
  }
  if (field.status === 'fallback' && field.lang !== null) {
    const marker = untranslatedMarker(field.lang, context)
    // A no-break space keeps the marker with the text's last word at a line end. The marker is in
    // the page's language: outside the element that carries the text's `lang`.
    if (tagName === 'span') return [element('span', {lang: field.lang, className}, [textNode(field.value)]), textNode('\u00a0'), marker]
    return [element('p', {className}, [element('span', {lang: field.lang}, [textNode(field.value)]), textNode('\u00a0'), marker])]
  }
  if (tagName === 'span' && className.length === 0) return [textNode(field.value)]
  return [element(tagName, {className}, [textNode(field.value)])]
}

/** The language each marker names, for {@link sectionUntranslatedNotes}; never serialized. */
const markerLanguages = new WeakMap<Element, string>()

/**
 * The compact marker after text shown in another language: the language's code (`EN`), hidden
 * from screen readers, and for them the full sentence (“not yet translated, shown in English”),
 * hidden from sight. No tooltip: it works without a pointer. {@link sectionUntranslatedNotes}
 * explains the code once per section.
 *
 * @internal
 */
export function untranslatedMarker(lang: string, context: PageContext): Element {
  const {ui} = context
  const marker = element('span', {className: ['marker-untranslated']}, [
    element('span', {ariaHidden: 'true'}, [textNode(markerCode(lang))]),
    element('span', {className: ['visually-hidden']}, [textNode(` (${ui.t('untranslatedMarker', {language: ui.formatLanguageName(lang)})})`)]),
  ])
  markerLanguages.set(marker, lang)
  return marker
}

/**
 * One note per language that the markers in `children` name (`Marked EN: not yet translated,
 * shown in English.`), in the order they first appear; none when nothing fell back.
 *
 * @internal
 */
export function sectionUntranslatedNotes(children: readonly ElementContent[], context: PageContext): Element[] {
  const languages = new Set<string>()
  const visit = (node: ElementContent) => {
    if (node.type !== 'element') return
    const language = markerLanguages.get(node)
    if (language !== undefined) languages.add(language)
    node.children.forEach(visit)
  }
  children.forEach(visit)
  const {ui} = context
  return [...languages].map((lang) =>
    element('p', {className: ['note', 'note-untranslated']}, [textNode(ui.t('untranslatedInSection', {code: markerCode(lang), language: ui.formatLanguageName(lang)}))]),
  )
}

/** `EN` for `en`, `EN-GB` for `en-GB`. */
function markerCode(lang: string): string {
  return lang.toUpperCase()
}
