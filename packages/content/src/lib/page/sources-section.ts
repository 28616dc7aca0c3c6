import type {LocalizedTreatment} from '../create-content-reader.ts'
import {safeLinkUrl} from '../render/safe-link-url.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './section-hast.ts'

/**
 * The `sources` section: each source's title, linked when it has a safe `http(s)` URL.
 *
 * @internal
 */
export function sourcesSection(treatment: LocalizedTreatment, context: PageContext) {
  const review = treatment.medicalReview as LocalizedTreatment['medicalReview'] | null
  const sources = (review?.sources ?? []).map((source) => {
    const url = safeLinkUrl(source.url)
    return {key: source._key, title: source.title, url: url !== undefined && /^https?:/i.test(url) ? url : null}
  })
  if (sources.length === 0) return undefined
  const list = element(
    'ul',
    {className: ['item-list']},
    sources.map((source) => element('li', {className: ['item']}, [source.url === null ? textNode(source.title) : element('a', {href: source.url}, [textNode(source.title)])])),
  )
  return pageSection(context, 'sources', context.ui.t('sources'), [list], {sources})
}
