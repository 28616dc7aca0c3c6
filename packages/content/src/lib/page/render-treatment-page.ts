import type {TreatmentResult} from '../types.ts'
import type {Fallback} from '../locale/localize.ts'
import type {SafeHtmlWriter} from '../html/compile-safe-html.ts'
import {describeValue as describe} from '../describe-value.ts'
import {checkTreatmentResult} from '../structured-data/check-treatment-result.ts'
import {alternatesFor, type HreflangAlternate} from '../structured-data/hreflang-alternates.ts'
import {createUiStrings, type UiStrings} from '../ui-strings/create-ui-strings.ts'
import {uiFor} from '../ui-strings/ui-for.ts'
import {disclaimerSection} from './disclaimer-section.ts'
import {howItIsDoneSection} from './how-it-is-done-section.ts'
import {overviewSection} from './overview-section.ts'
import {pageBanner, type TreatmentPageBanner} from './page-banner.ts'
import {createPageContext} from './page-context.ts'
import type {TreatmentPageMessage} from './page-message.ts'
import type {PageText} from './page-text.ts'
import {resultsSection} from './results-section.ts'
import {reviewSection} from './review-section.ts'
import {sideEffectItems} from './side-effect-items.ts'
import {sideEffectsSection} from './side-effects-section.ts'
import {sourcesSection} from './sources-section.ts'
import type {TreatmentPageSection} from './treatment-page-section.ts'
import {whenToGetHelpSection} from './when-to-get-help-section.ts'
import {whoCannotHaveItSection} from './who-cannot-have-it-section.ts'
import {whoItIsForSection} from './who-it-is-for-section.ts'
import {writeText} from './write-text.ts'
import {pageWriter} from './page-writer.ts'

/**
 * Options of {@link renderTreatmentPage}.
 *
 * @public
 */
export interface TreatmentPageOptions {
  /**
   * The URL of this treatment's page in a locale (absolute, for search engines). With it the
   * page gets hreflang `alternates`; without it they are empty. (JSON-LD comes from
   * `treatmentJsonLd` of `@treatments/content/structured-data`, given the page's URL and these
   * alternates: a page rendered in the browser rarely needs it, and it is 0.8 kB gzip.) `slug` is the
   * page's slug in that locale (`result.treatment.slugs[locale]`): each language has its own.
   */
  urlFor?: (locale: string, slug: string) => string
  /** Put in front of every `id` in the HTML (sections and body headings). Default none. */
  idPrefix?: string
  /**
   * The page's UI strings, from `createUiStrings(result.locale)`: pass them when you render many
   * pages or also use them in your layout, so they are built once per locale instead of once per
   * page. They are used for the JSON-LD too. Default: the renderer's own for the locale, built
   * once and kept.
   */
  ui?: UiStrings
  /**
   * For a draft preview with click-to-edit only: the `data-sanity` value of the text at `path`
   * of `result.treatment` (the path `PageText` and `fallbacks` name; `textSource` tells its
   * document and field, e.g. for `createDataAttribute` from `@sanity/visual-editing`). Every
   * dataset text it answers for is wrapped in an element with that attribute, its fallback
   * mark or placeholder included. Leave it out on public pages.
   */
  sourceAttribute?: (path: string) => string | undefined
}

/**
 * A treatment page, ready to put in a layout.
 *
 * @public
 */
export interface TreatmentPage {
  /** The locale the page is in (`it` for a request for `it-CH`). */
  locale: string
  /** The value for `<html lang>`. */
  lang: string
  /** The treatment's title as plain text, for `<title>` (the “text missing” placeholder when it has none). */
  title: string
  /** The title as an inline HTML fragment for the `<h1>`, marked like any field when it fell back. */
  titleHtml: string
  /**
   * What to show right under the title: whether a doctor has reviewed the page and that only a
   * doctor can advise, in the page's language, with a link to the full disclaimer section.
   */
  banner: TreatmentPageBanner
  /** The summary as plain text, for `<meta name="description">`; `''` when it has none. */
  description: string
  /** The page's sections, in the order trusted health sites use. */
  sections: TreatmentPageSection[]
  /** hreflang alternates, `x-default` last; `[]` without `urlFor`. */
  alternates: HreflangAlternate[]
  /** The result's fallbacks: every field shown in another language, or in none. */
  fallbacks: Fallback[]
  /** Content problems, in page order. */
  messages: TreatmentPageMessage[]
}

/**
 * Build a patient-facing treatment page from a `getTreatment` result, with its sections in the
 * order trusted health sites (NHS-style) use: overview, who it is for, who cannot have it (every
 * contraindication, absolute or relative), how it is done and how many sessions, results and
 * when, side effects, when to get help, sources, review dates, disclaimer. Sections with nothing
 * to show (no effects, no side effects, no sources) are left out; the others are always there.
 *
 * Each section has its heading, a sanitized HTML fragment, and its data for sites that render
 * their own markup. HTML is written through an allow-list schema as it is made (output equal to
 * `rehype-sanitize` + `rehype-stringify` on the same content as hast): UI strings and content
 * text are always escaped, rich text goes through the same pipeline as `toHtml`. A field that fell back is wrapped with
 * `lang="<its language>"` and followed by a compact marker (`EN`, with the full sentence for
 * screen readers), explained once per section in the page's language; a field with no text in
 * any locale shows a visible “text missing” placeholder. Items are never dropped, except effects
 * and claims a doctor rejected (reported in `messages`). Effects and claims not yet reviewed by a
 * doctor are presented as what the clinic says, pending medical review. `banner` says, under the
 * title, whether a doctor has reviewed the page and that only a doctor can advise.
 *
 * @example
 * ```ts
 * const result = await content.getTreatment('mesotherapy-cellulite', {locale: 'it-CH'})
 * const page = renderTreatmentPage(result, {urlFor: (locale, slug) => `https://example.com/${locale}/treatments/${slug}`})
 * const main = page.sections.map((section) => section.html).join('\n')
 * ```
 * @param result - A `getTreatment` result.
 * @throws {TypeError} When `result` is not a `getTreatment` result or `options` is malformed.
 * @public
 */
export function renderTreatmentPage(result: TreatmentResult, options: TreatmentPageOptions = {}): TreatmentPage {
  return renderTreatmentPageTo(pageWriter(), result, options)
}

/**
 * {@link renderTreatmentPage}, writing its HTML with `out` (tests pass a writer that also records
 * what was written as hast, to compare with the rehype path).
 *
 * @internal
 */
export function renderTreatmentPageTo(out: SafeHtmlWriter, result: TreatmentResult, options: TreatmentPageOptions = {}): TreatmentPage {
  checkTreatmentResult('renderTreatmentPage', result)
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`\`renderTreatmentPage\` expects an options object as its second argument, got ${describe(options)}`)
  }
  const {urlFor, idPrefix = ''} = options
  if (urlFor !== undefined && typeof urlFor !== 'function') {
    throw new TypeError(`\`renderTreatmentPage\` expects \`urlFor\` to be a function \`(locale) => url\`, got ${describe(urlFor)}`)
  }
  if (typeof idPrefix !== 'string') {
    throw new TypeError(`\`renderTreatmentPage\` expects \`idPrefix\` to be a string, got ${describe(idPrefix)}`)
  }

  const {treatment, locale} = result
  // The renderer's own strings, made once per locale, or the caller's: made by `createUiStrings`,
  // both remember their answers.
  const ui = options.ui === undefined ? uiStringsFor(locale) : uiFor('renderTreatmentPage', locale, options.ui)
  const context = createPageContext(result, ui, idPrefix, out, options.sourceAttribute)
  const sideEffects = sideEffectItems(treatment, context)
  const sections = [
    overviewSection(treatment, context),
    whoItIsForSection(treatment, context),
    whoCannotHaveItSection(treatment, context),
    howItIsDoneSection(treatment, context),
    resultsSection(treatment, context),
    sideEffectsSection(sideEffects, context),
    whenToGetHelpSection(sideEffects, context),
    sourcesSection(treatment, context),
    reviewSection(treatment, context),
    disclaimerSection(treatment, context),
  ].filter((section): section is TreatmentPageSection => section !== undefined)

  for (const fallback of result.fallbacks) {
    if (fallback.served !== null) continue
    context.report('missing-text', `\`${fallback.path}\` has no text in any locale of ${result.chain.join(', ')}; a “${ui.t('textMissing')}” placeholder is shown`, fallback.path)
  }

  const title: PageText = context.text('title', treatment.title)
  // Each locale's URL with that locale's slug (a result made by hand may carry only `slug`).
  const urlIn = urlFor && ((id: string) => urlFor(id, treatment.slugs?.[id] ?? treatment.slug))
  const alternates = urlIn ? alternatesFor(treatment.availableLocales ?? [], urlIn, 'renderTreatmentPage') : []
  writeText(title, context)
  const titleHtml = context.out.take()
  return {
    locale,
    lang: locale,
    title: title.value ?? ui.t('textMissing'),
    titleHtml,
    banner: pageBanner(treatment, context),
    description: treatment.summary ?? '',
    sections,
    alternates,
    fallbacks: result.fallbacks,
    messages: context.messages,
  }
}

/** The renderer's own UI strings per locale, made once (they remember their answers). */
const uiByLocale = new Map<string, UiStrings>()

function uiStringsFor(locale: string): UiStrings {
  let ui = uiByLocale.get(locale)
  if (ui === undefined) uiByLocale.set(locale, (ui = createUiStrings(locale)))
  return ui
}
