import type {LocalizedTreatment} from '../create-treatment-content.ts'
import {baseLocale} from '../locale-registry.ts'
import {safeLinkUrl} from '../render/safe-link-url.ts'
import {element, textNode} from './hast-element.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './section-hast.ts'

/**
 * The `sources` section: each source's title, linked when it has a safe `http(s)` URL. Source
 * titles are not localized in the content model: they are written as the source is titled, in
 * the base locale, so on a page in another language the title carries `lang` and says which
 * language it is in (`(in English)`).
 *
 * @internal
 */
export function sourcesSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui} = context
  const review = treatment.medicalReview as LocalizedTreatment['medicalReview'] | null
  const sources = (review?.sources ?? []).map((source) => {
    const url = safeLinkUrl(source.url)
    return {key: source._key, title: source.title, url: url !== undefined && /^https?:/i.test(url) ? url : null, lang: baseLocale}
  })
  if (sources.length === 0) return undefined
  const list = element(
    'ul',
    {className: ['item-list']},
    sources.map((source) => {
      const foreign = source.lang !== context.locale
      const title = element('span', foreign ? {lang: source.lang} : {}, [textNode(source.title)])
      return element('li', {className: ['item']}, [
        source.url === null ? title : element('a', {href: source.url}, [title]),
        ...(foreign ? [textNode(' '), element('span', {className: ['source-language']}, [textNode(ui.t('sourceInLanguage', {language: ui.formatLanguageName(source.lang)}))])] : []),
      ])
    }),
  )
  return pageSection(context, 'sources', ui.t('sources'), [list], {sources})
}
