import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './page-section.ts'
import type {WhoItIsForData} from './treatment-page-section.ts'
import {writeText} from './write-text.ts'
import {indexedPaths} from './indexed-paths.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const factsProperties = constantProperties({className: ['facts']})
const alternateNamePath = indexedPaths('condition.alternateNames', 'name')

/**
 * The `who-it-is-for` section: the condition treated, its other names, the body areas, and the
 * condition's description.
 *
 * @internal
 */
export function whoItIsForSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui, out} = context
  const source = treatment.condition as LocalizedTreatment['condition'] | null
  const condition: WhoItIsForData['condition'] = source
    ? {
        name: context.text('condition.name', source.name),
        otherNames: (source.alternateNames ?? []).map((item, index) => context.text(alternateNamePath(index), item.name)),
        description: context.text('condition.description', source.description),
      }
    : null
  const bodyAreas = (treatment.bodyAreas ?? []).map((id, index) => ({id, label: context.label('bodyArea', id, () => `bodyAreas[${index}]`)}))

  const term = (text: string) => {
    out.open('dt')
    out.text(text)
    out.close()
  }
  const write = () => {
    const hasOtherNames = condition !== null && condition.otherNames.length > 0
    if (condition || bodyAreas.length > 0) {
      out.open('dl', factsProperties)
      if (condition) {
        term(ui.t('usedFor'))
        out.open('dd')
        writeText(condition.name, context)
        out.close()
        if (hasOtherNames) {
          term(ui.t('otherNames'))
          for (const name of condition.otherNames) {
            out.open('dd')
            writeText(name, context)
            out.close()
          }
        }
      }
      if (bodyAreas.length > 0) {
        term(ui.t('bodyAreas'))
        out.open('dd')
        out.text(bodyAreas.map((area) => area.label).join(', '))
        out.close()
      }
      out.close()
    }
    if (condition) writeText(condition.description, context, 'p')
  }
  return pageSection(context, 'who-it-is-for', ui.t('whoItIsFor'), write, {condition, bodyAreas})
}
