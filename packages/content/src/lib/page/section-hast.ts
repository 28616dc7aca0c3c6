import type {ElementContent} from 'hast'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {serializePageHast} from './serialize-page-hast.ts'
import {sectionUntranslatedNotes} from './text-hast.ts'
import type {TreatmentPageSectionId, TreatmentPageSectionOf} from './treatment-page-section.ts'

/**
 * A page section: `<section id aria-labelledby><h2>heading</h2>…</section>`, sanitized and
 * serialized, with its data. When any text in it fell back, a note under the heading explains
 * the items' “not yet translated” markers, once per section.
 *
 * @internal
 */
export function pageSection<I extends TreatmentPageSectionId, D>(
  context: PageContext,
  id: I,
  heading: string,
  children: ElementContent[],
  data: D,
): TreatmentPageSectionOf<I, D> {
  const sectionId = `${context.idPrefix}${id}`
  const headingId = `${sectionId}-heading`
  const html = serializePageHast([
    element('section', {id: sectionId, className: ['section', `section-${id}`], ariaLabelledBy: [headingId]}, [
      element('h2', {id: headingId}, [textNode(heading)]),
      ...sectionUntranslatedNotes(children, context),
      ...children,
    ]),
  ])
  return {id, heading, html, data}
}

/**
 * A sub-heading inside a section.
 *
 * @internal
 */
export function subheading(text: string): ElementContent {
  return element('h3', {}, [textNode(text)])
}
