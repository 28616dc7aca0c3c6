import type {PageContext} from './page-context.ts'
import {pageSection} from './page-section.ts'
import type {SideEffectItem} from './treatment-page-section.ts'
import {writeText} from './write-text.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const factsProperties = constantProperties({className: ['facts']})
const termProperties = {
  expected: constantProperties({className: ['severity-expected']}),
  serious: constantProperties({className: ['severity-serious']}),
}

/**
 * The `when-to-get-help` section: for every side effect, when to seek medical help.
 *
 * @internal
 */
export function whenToGetHelpSection(items: SideEffectItem[], context: PageContext) {
  if (items.length === 0) return undefined
  const {out} = context
  const write = () => {
    out.open('dl', factsProperties)
    for (const item of items) {
      out.open('dt', termProperties[item.severity])
      writeText(item.text, context)
      out.close()
      out.open('dd')
      writeText(item.whenToSeekHelp, context)
      out.close()
    }
    out.close()
  }
  return pageSection(context, 'when-to-get-help', context.ui.t('whenToGetHelp'), write, {items})
}
