import type {LocalizedTreatment} from '../create-content-reader.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './section-hast.ts'
import {textHast} from './text-hast.ts'

/**
 * The `disclaimer` section.
 *
 * @internal
 */
export function disclaimerSection(treatment: LocalizedTreatment, context: PageContext) {
  const disclaimer = context.text('disclaimer', treatment.disclaimer)
  return pageSection(context, 'disclaimer', context.ui.t('disclaimer'), textHast(disclaimer, context, 'p'), {disclaimer})
}
