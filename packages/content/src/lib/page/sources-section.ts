import type {LocalizedTreatment} from '../types.ts'
import {baseLocale, localeIds} from '../locale/locale-registry.ts'
import {safeLinkUrl} from '../render/safe-link-url.ts'
import type {PageContext} from './page-context.ts'
import {pageSection} from './page-section.ts'
import {constantProperties} from '../html/compile-safe-html.ts'

const listProperties = constantProperties({className: ['item-list']})
const itemProperties = constantProperties({className: ['item']})
const languageProperties = constantProperties({className: ['source-language']})

/**
 * The `sources` section: each source linked when it has a safe `http(s)` URL, in the page's
 * language when the source has a version in it (`versions`). Otherwise the source as cited, in
 * its own language (`language`, default the base locale): on a page in another language its
 * title carries `lang` and says which language it is in (`(in English)`).
 *
 * @internal
 */
export function sourcesSection(treatment: LocalizedTreatment, context: PageContext) {
  const {ui, out} = context
  const review = treatment.medicalReview as LocalizedTreatment['medicalReview'] | null
  const link = (value: unknown) => {
    const url = safeLinkUrl(value)
    return url !== undefined && /^https?:/i.test(url) ? url : null
  }
  const sources = (review?.sources ?? []).map((source) => {
    const version = (source.versions ?? []).find((candidate) => candidate.language === context.locale && typeof candidate.title === 'string' && candidate.title.trim() !== '')
    if (version) return {key: source._key, title: version.title!, url: link(version.url), lang: context.locale}
    return {key: source._key, title: source.title, url: link(source.url), lang: typeof source.language === 'string' && (localeIds as readonly string[]).includes(source.language) ? source.language : baseLocale}
  })
  if (sources.length === 0) return undefined
  const write = () => {
    out.open('ul', listProperties)
    for (const source of sources) {
      const foreign = source.lang !== context.locale
      out.open('li', itemProperties)
      if (source.url !== null) out.open('a', {href: source.url})
      out.open('span', foreign ? {lang: source.lang} : undefined)
      out.text(source.title)
      out.close()
      if (source.url !== null) out.close()
      if (foreign) {
        out.text(' ')
        out.open('span', languageProperties)
        out.text(ui.t('sourceInLanguage', {language: ui.formatLanguageName(source.lang)}))
        out.close()
      }
      out.close()
    }
    out.close()
  }
  return pageSection(context, 'sources', ui.t('sources'), write, {sources})
}
