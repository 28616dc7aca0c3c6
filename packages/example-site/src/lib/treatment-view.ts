import type {TreatmentPage} from '@treatments/content/page'
import type {UiStrings} from '@treatments/content/ui-strings'
import {html, trustedHtml, type SafeHtml} from './html.ts'

/**
 * The main content of a treatment page: a link back to the list, the title, the banner (review
 * status and "only a doctor can advise"), a notice when parts are shown in another language, a
 * table of contents, and the page model's sections, as the package rendered and sanitized them.
 */
export function treatmentView(page: TreatmentPage, ui: UiStrings, indexHref: string): SafeHtml {
  const servedIn = [...new Set(page.fallbacks.flatMap((fallback) => (fallback.served === null ? [] : [fallback.served])))]
  const notice =
    servedIn.length > 0
      ? html`<p class="page-notice">${ui.t('fellBackNotice', {
          requested: ui.formatLanguageName(page.locale),
          language: new Intl.ListFormat(page.locale, {type: 'conjunction'}).format(servedIn.map((id) => ui.formatLanguageName(id))),
        })}</p>`
      : ''
  return html`<p class="back-link"><a href="${indexHref}">${ui.t('backToTreatments')}</a></p>
<article class="treatment">
<h1>${trustedHtml(page.titleHtml)}</h1>
${trustedHtml(page.banner.html)}
${notice}
<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">${ui.t('onThisPage')}</h2>
<ol>
${page.sections.map((section) => html`<li><a href="#${section.id}">${section.heading}</a></li>\n`)}</ol>
</nav>
${page.sections.map((section) => html`${trustedHtml(section.html)}\n`)}</article>`
}
