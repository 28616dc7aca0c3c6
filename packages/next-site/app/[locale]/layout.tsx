import type {ReactNode} from 'react'
import type {Metadata} from 'next'
import {baseLocale, isSupportedLocale, localeIds} from '@treatments/content/locales'
import {siteOrigin} from '../../lib/site-origin.ts'
// The example site's stylesheet, one file for both sites (served from /_next/static: 'self').
import '@treatments/example-site/styles.css'

// Each locale is a root layout, so `<html lang>` is right on every page without a script. No
// `dynamicParams = false` here: it would hold for every page below, and a treatment published
// after the build would be a 404 even after revalidation. An unknown locale is a 404 from the
// pages below (Next.js refuses `notFound()` in a root layout).
export function generateStaticParams(): Array<{locale: string}> {
  return localeIds.map((locale) => ({locale}))
}

export function generateMetadata(): Metadata {
  // /favicon.svg, where the example site's stylesheet and pages have it.
  return {metadataBase: new URL(siteOrigin()), icons: {icon: {url: '/favicon.svg', type: 'image/svg+xml'}}}
}

export default async function LocaleLayout(props: {children: ReactNode; params: Promise<{locale: string}>}) {
  const {locale} = await props.params
  return (
    <html lang={isSupportedLocale(locale) ? locale : baseLocale} dir="ltr">
      <body>{props.children}</body>
    </html>
  )
}
