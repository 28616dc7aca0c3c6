import type {LocalizedTreatment} from '../types.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './page-section.ts'
import {writeRichText} from './write-rich-text.ts'
import {writeText} from './write-text.ts'

const summaryClass = Object.freeze(['summary'])

/**
 * The `overview` section: the summary, then the body.
 *
 * @internal
 */
export function overviewSection(treatment: LocalizedTreatment, context: PageContext) {
  const summary = context.text('summary', treatment.summary)
  const body = context.text('body', treatment.body)
  return pageSection(
    context,
    'overview',
    context.ui.t('overview'),
    () => {
      writeText(summary, context, 'p', summaryClass)
      writeRichText(body, context)
    },
    {summary, body},
  )
}
