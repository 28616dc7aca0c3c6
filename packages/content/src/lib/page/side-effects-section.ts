import type {ElementContent} from 'hast'
import {element} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection, subheading} from './section-hast.ts'
import {textHast} from './text-hast.ts'
import type {SideEffectItem} from './treatment-page-section.ts'

/**
 * The `side-effects` section: expected side effects, then serious ones, each under its
 * severity's label.
 *
 * @internal
 */
export function sideEffectsSection(items: SideEffectItem[], context: PageContext) {
  if (items.length === 0) return undefined
  const expected = items.filter((item) => item.severity === 'expected')
  const serious = items.filter((item) => item.severity === 'serious')
  const children: ElementContent[] = []
  for (const [severity, group] of [['expected', expected], ['serious', serious]] as const) {
    if (group.length === 0) continue
    children.push(
      subheading(context.ui.t(`sideEffectSeverity.${severity}`)),
      element('ul', {className: ['item-list']}, group.map((item) => element('li', {className: ['item', 'side-effect', `severity-${severity}`]}, textHast(item.text, context)))),
    )
  }
  return pageSection(context, 'side-effects', context.ui.t('sideEffects'), children, {expected, serious})
}
