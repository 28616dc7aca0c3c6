import type {ElementContent} from 'hast'
import type {LocalizedTreatment} from '../create-content-reader.ts'
import {element} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, subheading} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {ContraindicationItem} from './treatment-page-section.ts'

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
  const contraindications: ContraindicationItem[] = treatment.contraindications.map((item, index) => ({
    id: item._id,
    kind: item.kind,
    kindLabel: context.label('contraindicationKind', item.kind, `contraindications[${index}].kind`),
    category: item.category,
    text: context.text(`contraindications[${index}].text`, item.text),
    codes: item.codes ?? [],
  }))
  const list = (items: ContraindicationItem[]) =>
    element(
      'ul',
      {className: ['item-list']},
      items.map((item) => element('li', {className: ['item', 'contraindication']}, textHast(item.text, context, 'span', ['item-title']))),
    )
  // Anything not known to be relative is shown as ruling the treatment out: the safe reading.
  const relative = contraindications.filter((item) => item.kind === 'relative')
  const absolute = contraindications.filter((item) => item.kind !== 'relative')
  const children: ElementContent[] = []
  if (absolute.length > 0) children.push(list(absolute))
  if (relative.length > 0) children.push(subheading(context.ui.t('contraindicationKind.relative')), list(relative))
  return pageSection(context, 'who-cannot-have-it', context.ui.t('whoCannotHaveIt'), children, {contraindications})
}
