import {renderTreatmentPage, textSource, type TreatmentPage} from '@treatments/content/page'
import type {TreatmentBySlugResult} from '@treatments/content'
import type {UiStrings} from '@treatments/content/ui-strings'
import {createDataAttribute} from '@sanity/visual-editing/create-data-attribute'
import type {SafeHtml} from './html.ts'
import {treatmentView} from './treatment-view.ts'

/** How a treatment page's main content is written. */
export interface TreatmentMainOptions {
  /** The locale the page was asked for (the list link and notices are in it). */
  locale: string
  /** The site's public origin, for the alternates' URLs. */
  origin: string
  /** The public path of a treatment page in a locale. */
  treatmentPath: (locale: string, slug: string) => string
  /** Where the back link goes (the list, under `/preview` in draft mode). */
  indexHref: string
  /** UI strings of a locale. */
  ui: (locale: string) => UiStrings
  /** In draft mode: the Studio's URL, so every text gets its `data-sanity` attribute (click to edit). */
  studioUrl?: string
}

/**
 * The page model and the `<main>` content of a treatment page: written once, by the server for
 * every request and, in draft mode, by the preview's script in the browser from the Studio's
 * unsaved state, so both show the same sanitized text, fallbacks and marks.
 */
export function treatmentMain(result: TreatmentBySlugResult, options: TreatmentMainOptions): {page: TreatmentPage; main: SafeHtml} {
  const {studioUrl} = options
  const page = renderTreatmentPage(result, {
    urlFor: (id, idSlug) => `${options.origin}${options.treatmentPath(id, idSlug)}`,
    ui: options.ui(result.locale),
    // Clicking a text in the Presentation tool's frame opens its field in the Studio.
    ...(studioUrl === undefined
      ? {}
      : {
          sourceAttribute: (path: string) => {
            const source = textSource(result.treatment, path)
            return source && createDataAttribute({...source, baseUrl: studioUrl}).toString()
          },
        }),
  })
  return {page, main: treatmentView(page, options.ui(options.locale), options.indexHref)}
}
