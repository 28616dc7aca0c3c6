import type {TreatmentListResult} from '@treatments/content'
import type {UiStrings} from '@treatments/content/ui-strings'
import {html, type SafeHtml} from './html.ts'

/**
 * The list of treatments: each title links to its page, with the summary and the number of
 * sessions. Text shown in another language is marked with `lang` and a visible note, as on the
 * treatment pages.
 */
export function indexView(list: TreatmentListResult, ui: UiStrings, hrefFor: (slug: string) => string): SafeHtml {
  const fallbacks = new Map(list.fallbacks.map((fallback) => [fallback.path, fallback.served]))
  const field = (path: string, value: string | null, tag: 'span' | 'p'): SafeHtml => {
    const served = fallbacks.get(path)
    if (value === null || served === null) return tag === 'p' ? html`<p class="missing-text">${ui.t('textMissing')}</p>` : html`<span class="missing-text">${ui.t('textMissing')}</span>`
    if (served === undefined || served === list.locale) return tag === 'p' ? html`<p>${value}</p>` : html`${value}`
    const note = ui.t('notYetTranslated', {language: ui.formatLanguageName(served)})
    return tag === 'p'
      ? html`<p lang="${served}">${value}</p><p class="note note-untranslated">${note}</p>`
      : html`<span lang="${served}">${value}</span> <span class="note note-untranslated">${note}</span>`
  }
  return html`<h1>${ui.t('treatmentsIndexTitle')}</h1>
<ul class="treatment-list">
${list.treatments.map((treatment, index) => {
  const protocol = treatment.protocol
    ? ui.t('protocolSummary', {
        sessions: ui.formatSessions(treatment.protocol.sessionsMin, treatment.protocol.sessionsMax),
        interval: ui.formatWeeksApart(treatment.protocol.intervalMinWeeks, treatment.protocol.intervalMaxWeeks),
      })
    : null
  return html`<li class="treatment-card">
<h2><a href="${hrefFor(treatment.slug)}">${field(`[${index}].title`, treatment.title, 'span')}</a></h2>
${field(`[${index}].summary`, treatment.summary, 'p')}
${protocol ? html`<p class="protocol">${protocol}</p>` : ''}
</li>
`
})}</ul>`
}
