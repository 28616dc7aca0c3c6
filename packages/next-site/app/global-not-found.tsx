import type {Metadata} from 'next'
import {baseLocale} from '@treatments/content/locales'
import {NotFoundMessage, notFoundUi} from '../components/not-found-message.tsx'
import {siteName} from '../components/site-chrome.tsx'
import '@treatments/example-site/styles.css'

// A path no route matches (`/a/b/c`): the site's own 404 in the base locale, with its stylesheet,
// instead of Next.js's, whose inline styles the CSP refuses. No layout wraps it, so it is a whole
// document. (A `notFound()` from a page is `[locale]/not-found.tsx`.)
export const metadata: Metadata = {title: `${notFoundUi.t('notFoundTitle')} · ${siteName}`, icons: {icon: {url: '/favicon.svg', type: 'image/svg+xml'}}}

export default function GlobalNotFound() {
  return (
    <html lang={baseLocale} dir="ltr">
      <body>
        <NotFoundMessage />
      </body>
    </html>
  )
}
