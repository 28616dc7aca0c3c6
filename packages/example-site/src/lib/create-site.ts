import type {IncomingMessage, ServerResponse} from 'node:http'
import {ContentNotFoundError, isTreatmentContentError, type TreatmentContent} from '@treatments/content'
import {isSupportedLocale, locales, matchLocale} from '@treatments/content/locales'
import {textSource} from '@treatments/content/page'
import {treatmentJsonLd} from '@treatments/content/structured-data'
import {createUiStrings, type UiStrings} from '@treatments/content/ui-strings'
import {createDataAttribute} from '@sanity/visual-editing/create-data-attribute'
import {parseAcceptLanguage} from './accept-language.ts'
import type {SafeHtml} from './html.ts'
import {indexView} from './index-view.ts'
import {messageView} from './message-view.ts'
import {renderDocument, type LanguageLink} from './render-document.ts'
import {securityHeaders} from './security-headers.ts'
import {loadStaticAssets} from './static-assets.ts'
import {treatmentMain} from './treatment-main.ts'
import {indexPath, treatmentPath} from './site-paths.ts'
import {keptQuery, withoutTrailingSlash} from './without-trailing-slash.ts'
import {createDraftModeCookie, previewPathPrefix} from './preview/draft-mode-cookie.ts'
import {enableDraftMode} from './preview/enable-draft-mode.ts'
import {previewHeaders} from './preview/preview-headers.ts'
import {checkPreviewOptions, type PreviewOptions} from './preview/preview-options.ts'
import {createPreviewEvents} from './preview/preview-events.ts'
import {previewAssets} from './preview/preview-script.ts'
import {previewConfig, previewConfigMetaName} from './preview/preview-config.ts'

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
  /**
   * Draft mode for the Studio's Presentation tool: `/preview/enable` checks the Studio's secret
   * and sets the draft-mode cookie; pages under `/preview/…` then show drafts. Off by default:
   * without it, `/preview/…` is a 404.
   */
  preview?: PreviewOptions
}

/** A `node:http` request listener; `close()` ends the preview's live event streams. */
export type SiteListener = ((request: IncomingMessage, response: ServerResponse) => void) & {close(): void}

/** A response, rendered in full before anything is sent. */
interface Reply {
  status: number
  headers: Record<string, string>
  body: string | Buffer
  /** Sent with the preview headers (no-store, framed by the Studio) instead of the public ones. */
  preview?: true
}

/** How a page is read and linked: published under `/`, or drafts under `/preview`. */
interface Mode {
  /** `''` or `/preview`: the prefix of the site's own links. */
  base: string
  /** Extra read options: the drafts perspective and the token in preview. */
  read: {perspective?: 'drafts'; token?: string}
  /** The preview's script and stylesheet, and whether texts get `data-sanity` attributes (click to edit). */
  scripts?: readonly string[]
  stylesheets?: readonly string[]
  /** What the preview's script needs to ask the Studio for the page's unsaved state (`<meta>`). */
  meta?: Readonly<Record<string, string>>
  editable?: true
}

const slugPattern = /^[a-z0-9-]+$/

/**
 * The example site as a `node:http` request listener:
 *
 * - `/` redirects (302) to `/{locale}/treatments`, the locale matched from `Accept-Language`.
 * - `/{locale}` redirects (301) to `/{locale}/treatments`.
 * - A path with a trailing slash redirects (301) to the path without it, only when that path is
 *   made of the site's own segments (`[A-Za-z0-9-]`), so it is never an open redirect; or, in
 *   the same hop, where that path redirects (301) to.
 * - `/{locale}/treatments` lists the treatments; `/{locale}/treatments/{slug}` shows one, at the
 *   page's slug in that locale: its former slug, or another locale's, redirects (301) there, the
 *   query kept.
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

  const preview = options.preview === undefined ? undefined : checkPreviewOptions(options.preview)
  const draftCookie = preview === undefined ? undefined : createDraftModeCookie(preview.sessionTtlMs)
  const publicHeaders = securityHeaders
  const previewOnlyHeaders = preview === undefined ? securityHeaders : previewHeaders(preview.frameAncestors)
  const published: Mode = {base: '', read: {}}
  const previewScriptPath = `${previewPathPrefix}/visual-editing.js`
  const drafts: Mode = {
    base: previewPathPrefix,
    read: {perspective: 'drafts', token: preview?.token ?? ''},
    scripts: [previewScriptPath],
    stylesheets: [`${previewPathPrefix}/visual-editing.css`],
    meta: preview === undefined ? {} : {[previewConfigMetaName]: JSON.stringify(previewConfig(preview, origin, siteName))},
    editable: true,
  }
  const events = preview === undefined ? undefined : createPreviewEvents(preview.client)
  // Bundled in the background at start, so the first preview page does not wait for esbuild.
  if (preview !== undefined) previewAssets().catch(() => {}) // a failure shows, and is retried, at the first request

  // In draft mode, a list text's `data-sanity` attribute: a click in the Presentation tool's frame opens its field.
  const listSource = (treatment: {_id: string}, field: 'title' | 'summary') => {
    const source = textSource(treatment, field)
    return source && createDataAttribute({...source, baseUrl: preview?.studioUrl ?? '/'}).toString()
  }

  // Public paths, for canonical, hreflang and JSON-LD URLs (a preview page names the public one).
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

  const isPreviewPath = (path: string) => path === previewPathPrefix || path.startsWith(`${previewPathPrefix}/`) || path.startsWith(`${previewPathPrefix}?`)

  /** The reply to `request`, as if it asked for `url` (a path and query; the request's own by default). */
  async function route(request: IncomingMessage, url = request.url ?? '/'): Promise<Reply> {
    const acceptLocale = () => matchLocale(parseAcceptLanguage(request.headers['accept-language'])).locale
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return {status: 405, headers: {Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'}, body: 'Method Not Allowed\n'}
    }
    const pathname = url.split('?')[0] ?? '/'
    const asset = assets.get(pathname)
    if (asset) return {status: 200, headers: {'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=3600'}, body: asset.body}
    if (pathname === '/') {
      return {status: 302, headers: {Location: indexPath(acceptLocale()), Vary: 'Accept-Language', 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
    }

    const unslashed = withoutTrailingSlash(url)
    if (unslashed !== undefined) {
      // One hop, not two: where the public path without the slash moved to (a bare locale, a
      // former slug or another language's), else the path itself. A failing source answers here.
      const onward = isPreviewPath(unslashed) ? undefined : await route(request, unslashed)
      if (onward !== undefined && onward.status >= 500) return onward
      const location = onward?.status === 301 ? (onward.headers.Location ?? unslashed) : unslashed
      return {status: 301, headers: {Location: location, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
    }

    if (isPreviewPath(pathname)) {
      if (preview === undefined || draftCookie === undefined) return notFound(acceptLocale())
      return {...(await previewRoute(request, url, pathname.slice(previewPathPrefix.length), acceptLocale)), preview: true}
    }
    return page(request, pathname, published, acceptLocale)
  }

  /** `/preview/enable`, `/preview/disable`, and the site's pages under `/preview` in draft mode only. */
  async function previewRoute(request: IncomingMessage, url: string, rest: string, acceptLocale: () => string): Promise<Reply> {
    const plain = (status: number, body: string, extra: Record<string, string> = {}): Reply => ({status, headers: {'Content-Type': 'text/plain; charset=utf-8', ...extra}, body})
    if (rest === '/enable') {
      // The secret is checked against the lake/Content Lake; only the request's path and query are used, never its Host.
      const result = await enableDraftMode(preview!.client, url, `${previewPathPrefix}${indexPath(acceptLocale())}`)
      if (!result.enabled) return plain(401, 'Preview refused: the preview secret is wrong or expired. Open the preview from the Studio again.\n')
      return plain(307, '', {Location: result.location, 'Set-Cookie': draftCookie!.issue()})
    }
    if (rest === '/disable') return plain(303, '', {Location: indexPath(acceptLocale()), 'Set-Cookie': draftCookie!.clear()})
    if (!draftCookie!.isValid(request.headers.cookie)) {
      // Also what a window the Presentation tool opens ("Open preview") gets when the Studio is on
      // another site: the cookie set in the Studio's frame is kept under the Studio's site (Partitioned).
      // Only a path of the site's own shape is echoed (letters, digits, hyphens).
      const published = /^(\/[A-Za-z0-9-]+)+$/.test(rest) && rest !== '/events' ? ` The published page, if there is one: ${rest}.` : ''
      return plain(401, `Preview needs draft mode, which this request does not carry: it is set for the window the Studio opens it in, and ends after an hour or when the site restarts. Preview in the Studio's Presentation tool, or use the document's "Preview in a new window" action.${published}\n`)
    }
    if (rest === '/visual-editing.js') return {status: 200, headers: {'Content-Type': 'text/javascript; charset=utf-8'}, body: (await previewAssets()).js}
    if (rest === '/visual-editing.css') return {status: 200, headers: {'Content-Type': 'text/css; charset=utf-8'}, body: (await previewAssets()).css}
    return page(request, rest === '' ? '/' : rest, drafts, acceptLocale)
  }

  async function page(request: IncomingMessage, pathname: string, mode: Mode, acceptLocale: () => string): Promise<Reply> {
    const {base} = mode
    if (pathname === '/') return {status: 302, headers: {Location: `${base}${indexPath(acceptLocale())}`, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
    const linkIndex = (locale: string) => `${base}${indexPath(locale)}`
    const linkTreatment = (locale: string, slug: string) => `${base}${treatmentPath(locale, slug)}`
    const [locale = '', section, slug, ...rest] = pathname.slice(1).split('/')
    if (!isSupportedLocale(locale)) return withVary(notFound(acceptLocale()))
    if (section === undefined) return {status: 301, headers: {Location: linkIndex(locale), 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
    if (section !== 'treatments' || rest.length > 0) return notFound(locale)
    const ui = uiStrings(locale)

    if (slug === undefined) {
      try {
        const list = await content.listTreatments({locale, ...mode.read})
        const main = indexView(list, ui, (treatmentSlug) => linkTreatment(locale, treatmentSlug), mode.editable ? listSource : undefined)
        return htmlReply(200, locale, document(ui, locale, ui.t('treatmentsIndexTitle'), main, languageLinks(locale, linkIndex), {canonical: `${origin}${indexPath(locale)}`, homeHref: linkIndex(locale), ...(mode.scripts ? {scripts: mode.scripts, stylesheets: mode.stylesheets ?? [], meta: mode.meta ?? {}} : {})}))
      } catch (error) {
        return failure(error, locale, request)
      }
    }
    if (!slugPattern.test(slug)) return notFound(locale)
    try {
      const result = await content.getTreatment(slug, {locale, ...mode.read})
      // A former slug, or another language's: the page lives at this language's slug now.
      if (result.redirectTo !== null) {
        if (!slugPattern.test(result.redirectTo)) return notFound(locale)
        return {status: 301, headers: {Location: `${linkTreatment(locale, result.redirectTo)}${keptQuery(request.url ?? '')}`, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8'}, body: ''}
      }
      const {slugs} = result.treatment
      const {page, main} = treatmentMain(result, {
        locale,
        origin,
        treatmentPath,
        indexHref: linkIndex(locale),
        ui: uiStrings,
        ...(mode.editable ? {studioUrl: preview?.studioUrl ?? '/'} : {}),
      })
      const body = document(ui, page.lang, page.title, main, languageLinks(locale, (id) => linkTreatment(id, slugs[id] ?? slug)), {
        homeHref: linkIndex(locale),
        ...(mode.scripts ? {scripts: mode.scripts, stylesheets: mode.stylesheets ?? [], meta: mode.meta ?? {}} : {}),
        description: page.description,
        canonical: `${origin}${treatmentPath(locale, slug)}`,
        alternates: page.alternates,
        jsonLd: treatmentJsonLd(result, {url: `${origin}${treatmentPath(locale, slug)}`, alternates: page.alternates, ui: uiStrings(result.locale)}),
      })
      return htmlReply(200, page.lang, body)
    } catch (error) {
      if (error instanceof ContentNotFoundError) return notFound(locale)
      return failure(error, locale, request)
    }
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    // Live preview: a stream, not a rendered reply; only in draft mode.
    if (events !== undefined && request.method === 'GET' && (request.url ?? '').split('?')[0] === `${previewPathPrefix}/events` && draftCookie!.isValid(request.headers.cookie)) {
      events.handle(request, response)
      return
    }
    route(request)
      .catch((error: unknown): Reply => {
        onError(error, request)
        return {status: 500, headers: {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'}, body: 'Internal Server Error\n'}
      })
      .then((reply) => {
        const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body
        // Preview replies: no-store over whatever the page set, framed by the Studio only.
        const headers = reply.preview ? {...reply.headers, ...previewOnlyHeaders} : {...publicHeaders, ...reply.headers}
        response.writeHead(reply.status, {...headers, 'Content-Length': String(body.length)})
        response.end(request.method === 'HEAD' ? undefined : body)
      })
      .catch((error: unknown) => {
        onError(error, request)
        response.destroy()
      })
  }
  return Object.assign(listener, {close: () => events?.close()})
}

function withVary(reply: Reply): Reply {
  return {...reply, headers: {...reply.headers, Vary: 'Accept-Language'}}
}
