import {element} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {SideEffectItem} from './treatment-page-section.ts'

/**
 * The `when-to-get-help` section: for every side effect, when to seek medical help.
 *
 * @internal
 */
export function whenToGetHelpSection(items: SideEffectItem[], context: PageContext) {
  if (items.length === 0) return undefined
  const list = element(
    'dl',
    {className: ['facts']},
    items.flatMap((item) => [element('dt', {className: [`severity-${item.severity}`]}, textHast(item.text, context)), element('dd', {}, textHast(item.whenToSeekHelp, context))]),
  )
  return pageSection(context, 'when-to-get-help', context.ui.t('whenToGetHelp'), [list], {items})
}
