import type {IncomingMessage, ServerResponse} from 'node:http'
import {ContentNotFoundError, isTreatmentContentError, type TreatmentContent} from '@treatments/content'
import {isSupportedLocale, locales, matchLocale} from '@treatments/content/locales'
import {renderTreatmentPage} from '@treatments/content/page'
import {createUiStrings, type UiStrings} from '@treatments/content/ui-strings'
import {parseAcceptLanguage} from './accept-language.ts'
import type {SafeHtml} from './html.ts'
import {indexView} from './index-view.ts'
import {messageView} from './message-view.ts'
import {renderDocument, type LanguageLink} from './render-document.ts'
import {securityHeaders} from './security-headers.ts'
import {loadStaticAssets} from './static-assets.ts'
import {treatmentView} from './treatment-view.ts'
import {withoutTrailingSlash} from './without-trailing-slash.ts'

/** Options of {@link createSite}. */
export interface SiteOptions {
  /** Where treatments come from: `createTreatmentContent(...)`. */
  content: TreatmentContent
  /** The site's public origin (`https://clinic.example`), for canonical, hreflang and JSON-LD URLs. Never taken from the request. */
  origin: string
  /** Shown in the header and in every `<title>`. Default `Example Clinic`. */
  siteName?: string
  /** Called with unexpected errors and source failures (the visitor gets a 503 or 500 page). Default: `console.error`. */
  onError?: (error: unknown, request: IncomingMessage) => void
}

/** A `node:http` request listener. */
export type SiteListener = (request: IncomingMessage, response: ServerResponse) => void

/** A response, rendered in full before anything is sent. */
interface Reply {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

const slugPattern = /^[a-z0-9-]+$/

/**
 * The example site as a `node:http` request listener:
 *
 * - `/` redirects (302) to `/{locale}/treatments`, the locale matched from `Accept-Language`.
 * - `/{locale}` redirects (301) to `/{locale}/treatments`.
 * - A path with a trailing slash redirects (301) to the path without it, only when that path is
 *   made of the site's own segments (`[A-Za-z0-9-]`), so it is never an open redirect.
 * - `/{locale}/treatments` lists the treatments; `/{locale}/treatments/{slug}` shows one, at the
 *   page's slug in that locale: its former slug, or another locale's, redirects (301) there.
 * - Anything else, an unknown slug or an unsupported locale is a localized 404 (in the URL's
 *   locale, else the `Accept-Language` one); a failing source is a localized 503 with
 *   `Retry-After`; an unexpected error a 500. Pages are rendered to a string in full before the
 *   status is sent, so a visitor never gets half a page.
 * - `/styles.css` and `/favicon.svg` are static; only `GET` and `HEAD` are allowed.
 *
 * Slugs and locales from the URL are checked against `/^[a-z0-9-]+$/` and the locale registry
 * before they reach the content package, which passes them to GROQ as parameters only.
 */
export function createSite(options: SiteOptions): SiteListener {
  if (typeof options !== 'object' || options === null || typeof options.content?.getTreatment !== 'function' || typeof options.content.listTreatments !== 'function') {
    throw new TypeError('`createSite` expects `{content, origin}` with `content` from `createTreatmentContent()`')
  }
  let origin: string
  try {
    origin = new URL(options.origin).origin
  } catch {
    throw new TypeError(`\`createSite\` expects \`origin\` to be an absolute URL like "https://clinic.example", got ${JSON.stringify(options.origin)}`)
  }
  if (origin === 'null') throw new TypeError(`\`createSite\` expects an http(s) \`origin\`, got ${JSON.stringify(options.origin)}`)
  const {content} = options
  const siteName = options.siteName ?? 'Example Clinic'
  const onError = options.onError ?? ((error: unknown) => console.error(error))
  const assets = loadStaticAssets()
  // UI strings are built once per locale and shared by the layout, the page and its JSON-LD.
  const uiByLocale = new Map(locales.map((definition) => [definition.id, createUiStrings(definition.id)]))
  const uiStrings = (locale: string): UiStrings => uiByLocale.get(locale) ?? createUiStrings(locale)

  const indexPath = (locale: string) => `/${locale}/treatments`
  const treatmentPath = (locale: string, slug: string) => `/${locale}/treatments/${slug}`
  const languageLinks = (current: string, path: (locale: string) => string): LanguageLink[] =>
    locales.map((definition) => ({locale: definition.id, title: definition.title, href: path(definition.id), current: definition.id === current}))

  const htmlReply = (status: number, locale: string, body: string, extra: Record<string, string> = {}): Reply => ({
    status,
    headers: {'Content-Type': 'text/html; charset=utf-8', 'Content-Language': locale, 'Cache-Control': status === 200 ? 'public, max-age=60' : 'no-store', ...extra},
    body,
  })

  const messagePage = (status: number, locale: string, title: string, text: string, extra: Record<string, string> = {}): Reply => {
    const ui = uiStrings(locale)
    return htmlReply(status, locale, document(ui, locale, title, messageView(title, text, ui, indexPath(locale)), languageLinks(locale, indexPath)), extra)
  }
  const notFound = (locale: string) => {
    const ui = uiStrings(locale)
    return messagePage(404, locale, ui.t('notFoundTitle'), ui.t('notFoundBody'))
  }
  const failure = (error: unknown, locale: string, request: IncomingMessage): Reply => {
    onError(error, request)
    const ui = uiStrings(locale)
    const status = isTreatmentContentError(error) ? 503 : 500
    return messagePage(status, locale, ui.t('serviceUnavailableTitle'), ui.t('serviceUnavailableBody'), status === 503 ? {'Retry-After': '30'} : {})
  }
  const document = (ui: UiStrings, locale: string, title: string, main: SafeHtml, links: LanguageLink[], head: Partial<Parameters<typeof renderDocument>[0]> = {}) =>
    renderDocument({lang: locale, ui, siteName, homeHref: indexPath(locale), title, main, languageLinks: links, ...head})

  async function route(request: IncomingMessage): Promise<Reply> {
    const acceptLocale = () => matchLocale(parseAcceptLanguage(request.headers['accept-language'])).locale
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return {status: 405, headers: {Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'}, body: 'Method Not Allowed\n'}
    }
    const pathname = (request.url ?? '/').split('?')[0] ?? '/'
    const asset = assets.get(pathname)
    if (asset) return {status: 200, headers: {'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=3600'}, body: asset.body}
    if (pathname === '/') {
      return {status: 302, headers: {Location: indexPath(acceptLocale()), Vary: 'Accept-Language', 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
    }

    const unslashed = withoutTrailingSlash(request.url ?? '/')
    if (unslashed !== undefined) return {status: 301, headers: {Location: unslashed, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}

    const [locale = '', section, slug, ...rest] = pathname.slice(1).split('/')
    if (!isSupportedLocale(locale)) return withVary(notFound(acceptLocale()))
    if (section === undefined) return {status: 301, headers: {Location: indexPath(locale), 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
    if (section !== 'treatments' || rest.length > 0) return notFound(locale)
    const ui = uiStrings(locale)

    if (slug === undefined) {
      try {
        const list = await content.listTreatments({locale})
        const main = indexView(list, ui, (treatmentSlug) => treatmentPath(locale, treatmentSlug))
        return htmlReply(200, locale, document(ui, locale, ui.t('treatmentsIndexTitle'), main, languageLinks(locale, indexPath), {canonical: `${origin}${indexPath(locale)}`}))
      } catch (error) {
        return failure(error, locale, request)
      }
    }
    if (!slugPattern.test(slug)) return notFound(locale)
    try {
      const result = await content.getTreatment(slug, {locale})
      // A former slug, or another language's: the page lives at this language's slug now.
      if (result.redirectTo !== null) {
        if (!slugPattern.test(result.redirectTo)) return notFound(locale)
        return {status: 301, headers: {Location: treatmentPath(locale, result.redirectTo), 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
      }
      const {slugs} = result.treatment
      const page = renderTreatmentPage(result, {urlFor: (id, idSlug) => `${origin}${treatmentPath(id, idSlug)}`, ui: uiStrings(result.locale)})
      const main = treatmentView(page, ui, indexPath(locale))
      const body = document(ui, page.lang, page.title, main, languageLinks(locale, (id) => treatmentPath(id, slugs[id] ?? slug)), {
        description: page.description,
        canonical: `${origin}${treatmentPath(locale, slug)}`,
        alternates: page.alternates,
        jsonLd: page.jsonLd,
      })
      return htmlReply(200, page.lang, body)
    } catch (error) {
      if (error instanceof ContentNotFoundError) return notFound(locale)
      return failure(error, locale, request)
    }
  }

  return (request, response) => {
    route(request)
      .catch((error: unknown): Reply => {
        onError(error, request)
        return {status: 500, headers: {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'}, body: 'Internal Server Error\n'}
      })
      .then((reply) => {
        const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body
        response.writeHead(reply.status, {...securityHeaders, ...reply.headers, 'Content-Length': String(body.length)})
        response.end(request.method === 'HEAD' ? undefined : body)
      })
      .catch((error: unknown) => {
        onError(error, request)
        response.destroy()
      })
  }
}

function withVary(reply: Reply): Reply {
  return {...reply, headers: {...reply.headers, Vary: 'Accept-Language'}}
}
