import {answersOf, type UiStrings} from '../ui-strings/create-ui-strings.ts'
import {remembered} from '../ui-strings/remembered-answers.ts'
import type {MarkerTexts, PageContext} from './page-context.ts'
import type {PageText} from './page-text.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const nothing: readonly string[] = Object.freeze([])
const markerProperties = constantProperties({className: ['marker-untranslated']})
const markerCodeProperties = constantProperties({ariaHidden: 'true'})
const hiddenProperties = constantProperties({className: ['visually-hidden']})
const noteProperties = constantProperties({className: ['note', 'note-untranslated']})

/**
 * Writes a plain-text field: in `tagName` (a `span` for inline text, a `p` for a paragraph).
 * Text that fell back is wrapped with `lang` of its language and followed by a compact
 * “not yet translated” marker (see {@link writeUntranslatedMarker}); text missing in every locale
 * becomes a visible "text missing" placeholder, so the item is never blank.
 *
 * @internal
 */
export function writeText(field: PageText, context: PageContext, tagName: 'span' | 'p' = 'span', className: readonly string[] = nothing): void {
  const wrapped = openSource(field.path, context, tagName === 'p' ? 'div' : 'span')
  writeFieldText(field, context, tagName, className)
  if (wrapped) context.out.close()
}

/**
 * In a preview (`sourceAttribute`), opens an element that names where the field at `path` is
 * stored, so clicking any of it (its marker or placeholder too) opens the field; says whether
 * it did (the caller closes it).
 *
 * @internal
 */
export function openSource(path: string, context: PageContext, tagName: string): boolean {
  const attribute = context.sourceAttribute?.(path)
  if (attribute !== undefined) context.out.open(tagName, {dataSanity: attribute})
  return attribute !== undefined
}

function writeFieldText(field: PageText, context: PageContext, tagName: 'span' | 'p', className: readonly string[]): void {
  const {ui, out} = context
  const properties = propertiesOf(className)
  if (field.status === 'missing' || field.value === null) {
    out.open(tagName, properties.missing)
    out.text(ui.t('textMissing'))
    out.close()
    return
  }
  if (field.status === 'fallback' && field.lang !== null) {
    // A no-break space keeps the marker with the text's last word at a line end. The marker is in
    // the page's language: outside the element that carries the text's `lang`.
    if (tagName === 'span') {
      out.open('span', properties.lang(field.lang))
      out.text(field.value)
      out.close()
    } else {
      out.open('p', properties.plain)
      out.open('span', propertiesOf(nothing).lang(field.lang))
      out.text(field.value)
      out.close()
    }
    writeUntranslatedMarker(field.lang, context, true, field.stale === true)
    if (tagName !== 'span') out.close()
    return
  }
  if (tagName === 'span' && className.length === 0) {
    out.text(field.value)
    return
  }
  out.open(tagName, properties.plain)
  out.text(field.value)
  out.close()
}

/** The element properties a class list gives, made once per list (the lists are constants). */
interface ClassProperties {
  /** `{className}`, or none for an empty list. */
  plain: Readonly<Record<string, unknown>> | undefined
  /** With `missing-text` added. */
  missing: Readonly<Record<string, unknown>>
  /** `{lang, className}`. */
  lang(lang: string): Readonly<Record<string, unknown>>
}

const classProperties = new WeakMap<readonly string[], ClassProperties>()

function propertiesOf(className: readonly string[]): ClassProperties {
  let properties = classProperties.get(className)
  if (properties === undefined) {
    const byLang = new Map<string, Readonly<Record<string, unknown>>>()
    properties = {
      plain: className.length === 0 ? undefined : constantProperties({className: [...className]}),
      missing: constantProperties({className: [...className, 'missing-text']}),
      lang(lang) {
        let found = byLang.get(lang)
        if (found === undefined) {
          found = className.length === 0 ? {lang} : {lang, className: [...className]}
          // Languages come from the content's fallbacks: keep a bounded few.
          if (byLang.size < 100) byLang.set(lang, (found = constantProperties(found)))
        }
        return found
      },
    }
    // Only the renderer's own lists (module constants) are kept; a list made per call is not.
    if (Object.isFrozen(className)) classProperties.set(className, properties)
  }
  return properties
}

/**
 * Writes the compact marker after text shown in another language: the language's code (`EN`;
 * `EN*` when a translation exists but is stale, being updated), hidden from screen readers, and
 * for them the full sentence (“not yet translated, shown in English”, or “translation being
 * updated, shown in English”), hidden from sight. No tooltip: it works without a pointer.
 * {@link writeUntranslatedNotes} explains the code once per section. `spaced`: after a no-break
 * space, which keeps the marker with the text's last word at a line end.
 *
 * @internal
 */
export function writeUntranslatedMarker(lang: string, context: PageContext, spaced = false, stale = false): void {
  const {ui, out} = context
  const texts = markerTexts(ui, lang, stale)
  const markers = context.sectionMarkers
  if (markers !== undefined && !markers.has(texts)) context.sectionMarkers = new Set(markers).add(texts)
  // The same marker on every item of every page in the language: written once per texts.
  out.fragment(spaced ? texts.spaced : texts, () => {
    if (spaced) out.text('\u00a0')
    out.open('span', markerProperties)
    out.open('span', markerCodeProperties)
    out.text(texts.code)
    out.close()
    out.open('span', hiddenProperties)
    out.text(texts.sentence)
    out.close()
    out.close()
  })
}

/**
 * Writes one note per marker code of the section (`Marked EN: not yet translated, shown in
 * English.`, `Marked EN*: translation being updated, shown in English.`), in the
 * order they first appeared; none when nothing fell back.
 *
 * @internal
 */
export function writeUntranslatedNotes(markers: ReadonlySet<MarkerTexts>, context: PageContext): void {
  const {out} = context
  for (const {note} of markers) {
    out.open('p', noteProperties)
    out.text(note)
    out.close()
  }
}

function markerTextsOf(ui: UiStrings, lang: string, stale: boolean): MarkerTexts {
  const language = ui.formatLanguageName(lang)
  const code = lang.toUpperCase()
  const marker = ui.t(stale ? 'updatingMarker' : 'untranslatedMarker', {language})
  return {
    code: stale ? `${code}*` : code,
    sentence: ` (${marker})`,
    // The note is the marker's sentence after its code: one sentence per kind to translate.
    note: ui.t('markedNote', {code: stale ? `${code}*` : code, text: marker}),
    spaced: Object.freeze({}),
  }
}

/**
 * Marker texts, remembered with the strings' answers: the same object each page, so fragments
 * keyed by `spaced` repeat and a section's set of markers holds each once.
 */
function markerTexts(ui: UiStrings, lang: string, stale: boolean): MarkerTexts {
  return remembered(answersOf(ui), stale ? 'updatingMarker' : 'marker', [lang], () => Object.freeze(markerTextsOf(ui, lang, stale)))
}
