import type {LocalizedTreatment} from '../create-content-reader.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {ContraindicationItem} from './treatment-page-section.ts'

/**
 * The `who-cannot-have-it` section: every contraindication, in content order, each with its
 * kind (absolute: not possible; relative: only after a doctor's assessment). None is ever left
 * out: one without text in any locale shows a "text missing" placeholder.
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
  const list = element(
    'ul',
    {className: ['item-list']},
    contraindications.map((item) =>
      element('li', {className: ['item', 'contraindication']}, [
        ...textHast(item.text, context, 'span', ['item-title']),
        textNode(' '),
        element('span', {className: ['tag', item.kind === 'relative' ? 'tag-relative' : 'tag-absolute']}, [textNode(item.kindLabel)]),
      ]),
    ),
  )
  return pageSection(context, 'who-cannot-have-it', context.ui.t('whoCannotHaveIt'), [list], {contraindications})
}
