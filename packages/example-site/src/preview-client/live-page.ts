import {createTreatmentContent} from '@treatments/content/browser'
import type {DatasetDocument} from '@treatments/content/dataset'
import {createUiStrings, type UiStrings} from '@treatments/content/ui-strings'
import type {PreviewConfig} from '../lib/preview/preview-config.ts'
import {indexPath, previewPathPrefix, treatmentPath} from '../lib/site-paths.ts'
import {treatmentMain} from '../lib/treatment-main.ts'
import {documentsSource} from './documents-source.ts'

/** A treatment page under `/preview`: its locale and slug. */
const treatmentPage = /^\/preview\/([a-z]{2}(?:-[A-Za-z0-9]+)*)\/treatments\/([a-z0-9-]+)$/

/** What the page shows, written from documents: the `<main>` content, the title and the language. */
export interface LivePage {
  main: string
  title: string
  lang: string
}

const uiByLocale = new Map<string, UiStrings>()
const ui = (locale: string) => uiByLocale.get(locale) ?? uiByLocale.set(locale, createUiStrings(locale)).get(locale)!

/**
 * Writes the treatment page at `pathname` from the Studio's documents, as the server writes it
 * (the package's reader, checks, fallbacks and sanitizing page model, then the site's own
 * template). `undefined` when this is not a treatment page, or when the slug now lives at
 * another path: the server's page is kept then.
 *
 * @throws what the package's reader throws (a missing contraindication, malformed content): the
 *   caller keeps the page it shows rather than a partial one
 */
export async function writeLivePage(documents: readonly DatasetDocument[], pathname: string, config: PreviewConfig): Promise<LivePage | undefined> {
  const match = treatmentPage.exec(pathname)
  if (match === null) return undefined
  const [, locale = '', slug = ''] = match
  const content = createTreatmentContent({source: documentsSource(documents), cache: false, retry: {attempts: 1}})
  const result = await content.getTreatment(slug, {locale})
  if (result.redirectTo !== null) return undefined
  const {page, main} = treatmentMain(result, {
    locale,
    origin: config.origin,
    treatmentPath,
    indexHref: `${previewPathPrefix}${indexPath(locale)}`,
    ui,
    studioUrl: config.studioUrl,
  })
  return {main: main.value, title: page.title === config.siteName ? config.siteName : `${page.title} · ${config.siteName}`, lang: page.lang}
}
