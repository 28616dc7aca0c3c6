import type {TreatmentListResult} from '@treatments/content'
import type {UiStrings} from '@treatments/content/ui-strings'
import {html, type SafeHtml} from './html.ts'

/**
 * The list of treatments: each title links to its page, with the summary and the number of
 * sessions. Text shown in another language is marked with `lang` and a compact marker (`EN`,
 * with its full sentence for screen readers), explained once under the heading, as on the
 * treatment pages. In draft mode, `sourceOf` gives each title and summary its `data-sanity`
 * attribute, so a click in the Presentation tool's frame opens the field.
 */
export function indexView(
  list: TreatmentListResult,
  ui: UiStrings,
  hrefFor: (slug: string) => string,
  sourceOf?: (treatment: {_id: string}, field: 'title' | 'summary') => string | undefined,
): SafeHtml {
  const fallbacks = new Map(list.fallbacks.map((fallback) => [fallback.path, fallback.served]))
  const field = (index: number, name: 'title' | 'summary', value: string | null, tag: 'span' | 'p'): SafeHtml => {
    const source = sourceOf?.(list.treatments[index]!, name)
    const content = fieldContent(`[${index}].${name}`, value, tag)
    if (source === undefined) return content
    return tag === 'p' ? html`<div data-sanity="${source}">${content}</div>` : html`<span data-sanity="${source}">${content}</span>`
  }
  const fieldContent = (path: string, value: string | null, tag: 'span' | 'p'): SafeHtml => {
    const served = fallbacks.get(path)
    if (value === null || served === null) return tag === 'p' ? html`<p class="missing-text">${ui.t('textMissing')}</p>` : html`<span class="missing-text">${ui.t('textMissing')}</span>`
    if (served === undefined || served === list.locale) return tag === 'p' ? html`<p>${value}</p>` : html`${value}`
    const marker = html`<span class="marker-untranslated"><span aria-hidden="true">${served.toUpperCase()}</span><span class="visually-hidden"> (${ui.t('untranslatedMarker', {language: ui.formatLanguageName(served)})})</span></span>`
    // A no-break space keeps the marker with the text's last word, as on the treatment pages.
    return tag === 'p' ? html`<p><span lang="${served}">${value}</span>\u00a0${marker}</p>` : html`<span lang="${served}">${value}</span>\u00a0${marker}`
  }
  const servedIn = [...new Set(list.fallbacks.flatMap((fallback) => (fallback.served === null || fallback.served === list.locale ? [] : [fallback.served])))]
  return html`<h1>${ui.t('treatmentsIndexTitle')}</h1>
${servedIn.map((lang) => html`<p class="note note-untranslated">${ui.t('markedNote', {code: lang.toUpperCase(), text: ui.t('untranslatedMarker', {language: ui.formatLanguageName(lang)})})}</p>
`)}
<ul class="treatment-list">
${list.treatments.map((treatment, index) => {
  const protocol = treatment.protocol
    ? ui.t('protocolSummary', {
        sessions: ui.formatSessions(treatment.protocol.sessionsMin, treatment.protocol.sessionsMax),
        interval: ui.formatWeeksApart(treatment.protocol.intervalMinWeeks, treatment.protocol.intervalMaxWeeks),
      })
    : null
  return html`<li class="treatment-card">
<h2><a href="${hrefFor(treatment.slug)}">${field(index, 'title', treatment.title, 'span')}</a></h2>
${field(index, 'summary', treatment.summary, 'p')}
${protocol ? html`<p class="protocol">${protocol}</p>` : ''}
</li>
`
})}</ul>`
}
