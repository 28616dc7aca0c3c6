import {baseLocale} from '@treatments/content/locales'
import {createUiStrings} from '@treatments/content/ui-strings'
import {indexPath} from '../lib/treatment-slugs.ts'
import {SiteChrome} from './site-chrome.tsx'

/** The UI strings of the 404 pages: Next.js gives neither of them params, so the base locale's. */
export const notFoundUi = createUiStrings(baseLocale)

/**
 * The site's 404 page inside `<body>`, for both of Next.js's 404 files: `app/global-not-found.tsx`
 * (a path no route matches; a whole document, no layout) and `app/[locale]/not-found.tsx` (a
 * page's `notFound()`, inside the locale's layout).
 */
export function NotFoundMessage() {
  const ui = notFoundUi
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
