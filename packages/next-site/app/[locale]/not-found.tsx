import {baseLocale} from '@treatments/content/locales'
import {createUiStrings} from '@treatments/content/ui-strings'
import {SiteChrome} from '../../components/site-chrome.tsx'
import {indexPath} from '../../lib/treatment-slugs.ts'

// Next.js gives a not-found page no params, so it is in the base locale.
export default function NotFound() {
  const ui = createUiStrings(baseLocale)
  return (
    <SiteChrome ui={ui} locale={baseLocale} pathIn={indexPath}>
      <article className="message">
        <h1>{ui.t('notFoundTitle')}</h1>
        <p>{ui.t('notFoundBody')}</p>
        <p>
          <a href={indexPath(baseLocale)}>{ui.t('backToTreatments')}</a>
        </p>
      </article>
    </SiteChrome>
  )
}
