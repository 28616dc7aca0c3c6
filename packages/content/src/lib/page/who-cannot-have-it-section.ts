import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, writeSubheading} from './page-section.ts'
import type {ContraindicationItem} from './treatment-page-section.ts'
import {writeText} from './write-text.ts'
import {indexedPaths} from './indexed-paths.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const listProperties = constantProperties({className: ['item-list']})
const itemProperties = constantProperties({className: ['item', 'contraindication']})
const titleClass = Object.freeze(['item-title'])
const textPath = indexedPaths('contraindications', 'text')

/**
 * The `who-cannot-have-it` section: every contraindication, in content order. The absolute ones
 * are listed under the section heading, which already says they rule the treatment out (no
 * “not possible” tag on each); relative ones follow under their own sub-heading (“Only after a
 * doctor’s assessment”). None is ever left out: one without text in any locale shows a
 * "text missing" placeholder. The data keeps each item's kind and label.
 *
 * @internal
 */
export function whoCannotHaveItSection(treatment: LocalizedTreatment, context: PageContext) {
  const {out} = context
  const contraindications: ContraindicationItem[] = treatment.contraindications.map((item, index) => ({
    id: item._id,
    kind: item.kind,
    kindLabel: context.label('contraindicationKind', item.kind, () => `contraindications[${index}].kind`),
    category: item.category,
    text: context.text(textPath(index), item.text),
    codes: item.codes ?? [],
  }))
  const list = (items: ContraindicationItem[]) => {
    out.open('ul', listProperties)
    for (const item of items) {
      out.open('li', itemProperties)
      writeText(item.text, context, 'span', titleClass)
      out.close()
    }
    out.close()
  }
  // Anything not known to be relative is shown as ruling the treatment out: the safe reading.
  const relative = contraindications.filter((item) => item.kind === 'relative')
  const absolute = contraindications.filter((item) => item.kind !== 'relative')
  const write = () => {
    if (absolute.length > 0) list(absolute)
    if (relative.length > 0) {
      writeSubheading(context, context.ui.t('contraindicationKind.relative'))
      list(relative)
    }
  }
  return pageSection(context, 'who-cannot-have-it', context.ui.t('whoCannotHaveIt'), write, {contraindications})
}
