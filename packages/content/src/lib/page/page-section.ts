import {constantProperties} from '../html/compile-safe-html.ts'
import type {TreatmentPageSectionId, TreatmentPageSectionOf} from './treatment-page-section.ts'
import type {MarkerTexts, PageContext} from './page-context.ts'
import {writeUntranslatedNotes} from './write-text.ts'

/**
 * A page section: `<section id aria-labelledby><h2>heading</h2>…</section>`, written by the
 * page's sanitizing writer, with its data. `write` writes the content; when any text in it fell
 * back, a note under the heading explains the items' “not yet translated” markers, once per
 * section.
 *
 * @internal
 */
export function pageSection<I extends TreatmentPageSectionId, D>(context: PageContext, id: I, heading: string, write: () => void, data: D): TreatmentPageSectionOf<I, D> {
  const {out} = context
  const properties = sectionProperties(context.idPrefix, id)
  // The section's start and heading: the same on every page in the language.
  out.open('section', properties.section)
  out.open('h2', properties.heading)
  out.text(heading)
  out.close()
  const notesAt = out.mark()
  context.sectionMarkers = noMarkers
  write()
  const markers = context.sectionMarkers
  context.sectionMarkers = undefined
  out.insertAt(notesAt, () => writeUntranslatedNotes(markers, context))
  out.close()
  return {id, heading, html: out.take(), data}
}

/** A section's markers until the first one: none (a set is made for the first). */
const noMarkers: ReadonlySet<MarkerTexts> = new Set()

/** The properties of each section's element and heading, by `idPrefix` (a site uses one or a few). */
const sectionPropertiesByPrefix = new Map<string, Map<string, {section: Record<string, unknown>; heading: Record<string, unknown>}>>()

function sectionProperties(idPrefix: string, id: string) {
  let byId = sectionPropertiesByPrefix.get(idPrefix)
  if (byId === undefined) {
    if (sectionPropertiesByPrefix.size >= 100) sectionPropertiesByPrefix.clear()
    sectionPropertiesByPrefix.set(idPrefix, (byId = new Map()))
  }
  let properties = byId.get(id)
  if (properties === undefined) {
    const sectionId = `${idPrefix}${id}`
    const headingId = `${sectionId}-heading`
    properties = {
      section: constantProperties({id: sectionId, className: ['section', `section-${id}`], ariaLabelledBy: [headingId]}),
      heading: constantProperties({id: headingId}),
    }
    byId.set(id, properties)
  }
  return properties
}

/**
 * Writes a sub-heading inside a section.
 *
 * @internal
 */
export function writeSubheading(context: PageContext, text: string): void {
  const {out} = context
  out.open('h3')
  out.text(text)
  out.close()
}
