import type {UiStrings} from '@treatments/content/ui-strings'
import {html, type SafeHtml} from './html.ts'

/** The main content of an error page (not found, temporarily unavailable). */
export function messageView(title: string, body: string, ui: UiStrings, indexHref: string): SafeHtml {
  return html`<article class="message">
<h1>${title}</h1>
<p>${body}</p>
<p><a href="${indexHref}">${ui.t('backToTreatments')}</a></p>
</article>`
}
