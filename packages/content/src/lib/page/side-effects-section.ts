import type {PageContext} from './page-context.ts'
import {pageSection, writeSubheading} from './page-section.ts'
import type {SideEffectItem} from './treatment-page-section.ts'
import {writeText} from './write-text.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const listProperties = constantProperties({className: ['item-list']})
const itemProperties = {
  expected: constantProperties({className: ['item', 'side-effect', 'severity-expected']}),
  serious: constantProperties({className: ['item', 'side-effect', 'severity-serious']}),
}

/**
 * The `side-effects` section: expected side effects, then serious ones, each under its
 * severity's label.
 *
 * @internal
 */
export function sideEffectsSection(items: SideEffectItem[], context: PageContext) {
  if (items.length === 0) return undefined
  const {out} = context
  const expected = items.filter((item) => item.severity === 'expected')
  const serious = items.filter((item) => item.severity === 'serious')
  const write = () => {
    for (const [severity, group] of [['expected', expected], ['serious', serious]] as const) {
      if (group.length === 0) continue
      writeSubheading(context, context.ui.t(`sideEffectSeverity.${severity}`))
      out.open('ul', listProperties)
      for (const item of group) {
        out.open('li', itemProperties[severity])
        writeText(item.text, context)
        out.close()
      }
      out.close()
    }
  }
  return pageSection(context, 'side-effects', context.ui.t('sideEffects'), write, {expected, serious})
}
