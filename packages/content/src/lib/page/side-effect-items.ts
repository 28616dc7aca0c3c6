import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import type {SideEffectItem} from './treatment-page-section.ts'
import {indexedPaths} from './indexed-paths.ts'

const textPath = indexedPaths('sideEffects', 'text')
const whenToSeekHelpPath = indexedPaths('sideEffects', 'whenToSeekHelp')

/**
 * Every side effect with its severity label and when to seek help, in content order. An unknown
 * severity is reported and treated as `serious`.
 *
 * @internal
 */
export function sideEffectItems(treatment: LocalizedTreatment, context: PageContext): SideEffectItem[] {
  return (treatment.sideEffects ?? []).map((item, index) => {
    const path = `sideEffects[${index}]`
    const known = item.severity === 'expected' || item.severity === 'serious'
    if (!known) {
      context.report('unknown-value', `\`${path}.severity\` is ${JSON.stringify(item.severity)}, not \`expected\` or \`serious\`; it is shown as serious`, `${path}.severity`)
    }
    const severity = known ? item.severity : 'serious'
    return {
      id: item._id,
      severity,
      severityLabel: context.ui.t(`sideEffectSeverity.${severity}`),
      text: context.text(textPath(index), item.text),
      whenToSeekHelp: context.text(whenToSeekHelpPath(index), item.whenToSeekHelp),
    }
  })
}
