import type {LocalizedTreatment} from '../create-content-reader.ts'
import type {PageContext} from './page-context.ts'
import {richTextHast} from './rich-text-hast.ts'
import {pageSection} from './section-hast.ts'
import {textHast} from './text-hast.ts'

/**
 * The `overview` section: the summary, then the body.
 *
 * @internal
 */
export function overviewSection(treatment: LocalizedTreatment, context: PageContext) {
  const summary = context.text('summary', treatment.summary)
  const body = context.text('body', treatment.body)
  return pageSection(context, 'overview', context.ui.t('overview'), [...textHast(summary, context, 'p', ['summary']), ...richTextHast(body, context)], {summary, body})
}
