import type {ElementContent} from 'hast'
import type {LocalizedTreatment} from '../create-content-reader.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {WhoItIsForData} from './treatment-page-section.ts'

/**
 * The `who-it-is-for` section: the condition treated, its other names, the body areas, and the
 * condition's description.
 *
 * @internal
 */
export function whoItIsForSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui} = context
  const source = treatment.condition as LocalizedTreatment['condition'] | null
  const condition: WhoItIsForData['condition'] = source
    ? {
        name: context.text('condition.name', source.name),
        otherNames: (source.alternateNames ?? []).map((item, index) => context.text(`condition.alternateNames[${index}].name`, item.name)),
        description: context.text('condition.description', source.description),
      }
    : null
  const bodyAreas = (treatment.bodyAreas ?? []).map((id, index) => ({id, label: context.label('bodyArea', id, `bodyAreas[${index}]`)}))

  const facts: ElementContent[] = []
  const fact = (term: string, definitions: ElementContent[][]) => {
    facts.push(element('dt', {}, [textNode(term)]), ...definitions.map((definition) => element('dd', {}, definition)))
  }
  if (condition) {
    fact(ui.t('usedFor'), [textHast(condition.name, context)])
    if (condition.otherNames.length > 0) fact(ui.t('otherNames'), condition.otherNames.map((name) => textHast(name, context)))
  }
  if (bodyAreas.length > 0) fact(ui.t('bodyAreas'), [[textNode(bodyAreas.map((area) => area.label).join(', '))]])

  const children: ElementContent[] = []
  if (facts.length > 0) children.push(element('dl', {className: ['facts']}, facts))
  if (condition) children.push(...textHast(condition.description, context, 'p'))
  return pageSection(context, 'who-it-is-for', ui.t('whoItIsFor'), children, {condition, bodyAreas})
}
