import type {Metadata} from 'next'
import {baseLocale} from '@treatments/content/locales'
import {createUiStrings} from '@treatments/content/ui-strings'
import {SiteChrome, siteName} from '../components/site-chrome.tsx'
import {indexPath} from '../lib/treatment-slugs.ts'
import '@treatments/example-site/styles.css'

// A path no route matches (`/a/b/c`): the site's own 404 in the base locale, with its stylesheet,
// instead of Next.js's, whose inline styles the CSP refuses. (A `notFound()` from a page is
// Next.js's 404 shell, empty without its script: vercel/next.js#62228.)
const ui = createUiStrings(baseLocale)

export const metadata: Metadata = {title: `${ui.t('notFoundTitle')} · ${siteName}`, icons: {icon: {url: '/favicon.svg', type: 'image/svg+xml'}}}

export default function GlobalNotFound() {
  return (
    <html lang={baseLocale} dir="ltr">
      <body>
        <SiteChrome ui={ui} locale={baseLocale} pathIn={indexPath}>
          <article className="message">
            <h1>{ui.t('notFoundTitle')}</h1>
            <p>{ui.t('notFoundBody')}</p>
            <p>
              <a href={indexPath(baseLocale)}>{ui.t('backToTreatments')}</a>
            </p>
          </article>
        </SiteChrome>
      </body>
    </html>
  )
}
