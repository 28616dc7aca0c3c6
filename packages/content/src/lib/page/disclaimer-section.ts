import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './page-section.ts'
import {writeText} from './write-text.ts'

/**
 * The `disclaimer` section.
 *
 * @internal
 */
export function disclaimerSection(treatment: LocalizedTreatment, context: PageContext) {
  const disclaimer = context.text('disclaimer', treatment.disclaimer)
  return pageSection(context, 'disclaimer', context.ui.t('disclaimer'), () => writeText(disclaimer, context, 'p'), {disclaimer})
}
