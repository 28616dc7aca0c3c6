import {readFile} from 'node:fs/promises'

import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {createTreatmentContent} from '@treatments/content'
import {locales} from '@treatments/content/locales'
import {startSite, type RunningSite} from '@treatments/example-site'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {writeLivePage} from '../../packages/example-site/src/preview-client/live-page.ts'
import {pageDocumentsParams, pageDocumentsQuery} from '../../packages/example-site/src/preview-client/studio-documents.ts'
import type {PreviewConfig} from '../../packages/example-site/src/lib/preview/preview-config.ts'
import {startTempLake, type TempLake} from '../translations/support/temp-lake.ts'

// The site's draft mode against the real lake and the real @sanity/client: the Studio's
// handshake (`@sanity/preview-url-secret`) is the only way in, and public pages never show a draft.
const slug = 'mesotherapy-cellulite'
// Each language's page lives at its own slug (another language's slug answers 301).
const slugIn: Record<string, string> = {en: slug, it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'}
const marker = 'DRAFT-ONLY-TEXT'
const studio = 'http://localhost:3333'
// A secret the Studio wrote two hours ago: expired (secrets live one hour).
const expiredSecret = 'expired-secret-0123456789'
const expiredDocument = {_id: 'drafts.5f1d8a3e-1111-4222-8333-944444444444', _type: 'sanity.previewUrlSecret', _createdAt: '2020-01-01T00:00:00Z', _updatedAt: '2020-01-01T00:00:00Z', _rev: 'old', secret: expiredSecret, source: 'test', studioUrl: studio}

let fixture: TempLake
let site: RunningSite
beforeAll(async () => {
  fixture = await startTempLake(`${await readFile(defaultDatasetPath, 'utf8')}${JSON.stringify(expiredDocument)}\n`)
  const published = await fixture.client.getDocument('contraindication-pregnancy')
  // Translations only: the English source stays, so the translations are not stale.
  const text = (published!.text as Array<{language: string; value: string}>).map((item) => (item.language === 'en' ? item : {...item, value: `${marker} ${item.language}`}))
  await fixture.client.create({...published!, _id: 'drafts.contraindication-pregnancy', text})
  // Cached as a production site would be: a draft answer must never land in this cache.
  const content = createTreatmentContent({source: {projectId: 'local', dataset: 'production', apiHost: fixture.lake.url}, cache: {ttlMs: 60_000}})
  site = await startSite({content, port: 0, preview: {client: fixture.client, studioOrigins: [studio]}, onError: () => {}})
})
afterAll(async () => {
  await site?.close()
  await fixture?.close()
})

const get = (path: string, cookie?: string) => fetch(`${site.url}${path}`, {redirect: 'manual', headers: cookie ? {cookie} : {}})
const enable = (secret: string, pathname = `/it/treatments/${slugIn.it}`) =>
  get(`/preview/enable?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${encodeURIComponent(pathname)}`)
const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!

describe('draft mode', {timeout: 60_000}, () => {
  it('refuses a wrong secret and an expired one, without a cookie', async () => {
    for (const secret of ['not-a-secret', expiredSecret, '']) {
      const response = await enable(secret)
      expect(response.status, secret).toBe(401)
      expect(response.headers.get('set-cookie')).toBeNull()
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).toMatch(/^Preview refused: the preview secret is wrong or expired/)
    }
  })

  it('a secret the Studio writes (createPreviewSecret on the lake) enables draft mode: HttpOnly Secure cookie scoped to /preview, then drafts, no-store, framed by the Studio only', async () => {
    const {secret} = await createPreviewSecret(fixture.client, 'test', studio)
    // The Studio's call also deleted the expired secret (a delete by query with dateTime()).
    expect(await fixture.client.getDocument(expiredDocument._id)).toBeUndefined()

    const enabled = await enable(secret)
    expect(enabled.status).toBe(307)
    expect(enabled.headers.get('location')).toBe(`/preview/it/treatments/${slugIn.it}`)
    const setCookie = enabled.headers.get('set-cookie')!
    expect(setCookie).toMatch(/; Path=\/preview; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age=3600$/)

    const page = await get(`/preview/it/treatments/${slugIn.it}`, cookieOf(enabled))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`${marker} it`)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('x-frame-options')).toBeNull()
    expect(page.headers.get('content-security-policy')).toContain(`frame-ancestors ${studio}`)
    // Its links stay in the preview; its canonical URL is the public page's.
    const html = await (await get(`/preview/de/treatments/${slugIn.de}`, cookieOf(enabled))).text()
    expect(html).toContain(`href="/preview/it/treatments/${slugIn.it}"`)
    expect(html).toContain(`<link rel="canonical" href="${site.url}/de/treatments/${slugIn.de}">`)
    expect(html).toContain(`${marker} de`)

    // A target outside the site's own paths never becomes the Location.
    for (const target of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
      const response = await enable(secret, target)
      expect(response.headers.get('location'), target).toMatch(/^\/preview\/[a-z]{2}\/treatments$|^\/preview\/x$/)
    }
  })

  it('preview pages, the overlay script and the live events without the cookie, or with a forged or expired one, are refused', async () => {
    for (const path of [`/preview/it/treatments/${slugIn.it}`, '/preview/visual-editing.js', '/preview/events']) expect((await get(path)).status, path).toBe(401)
    // A window without the session (the Presentation tool's "Open preview" opens one) is told where to preview, and where the published page is.
    expect(await (await get(`/preview/it/treatments/${slugIn.it}`)).text()).toBe(
      `Preview needs draft mode, which this request does not carry: it is set for the window the Studio opens it in, and ends after an hour or when the site restarts. Preview in the Studio's Presentation tool, or use the document's "Preview in a new window" action. The published page, if there is one: /it/treatments/${slugIn.it}.\n`,
    )
    const {secret} = await createPreviewSecret(fixture.client, 'test', studio)
    const [name, value] = cookieOf(await enable(secret)).split('=') as [string, string]
    const [expiry, signature] = value.split('.') as [string, string]
    const forged = [`${name}=${Number(expiry) + 1}.${signature}`, `${name}=${expiry}.${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, `${name}=${Date.now() - 1}.${signature}`, `${name}=`]
    for (const cookie of forged) {
      const response = await get(`/preview/it/treatments/${slugIn.it}`, cookie)
      expect(response.status, cookie).toBe(401)
      expect(await response.text()).not.toContain(marker)
    }
  })

  it('the preview script writes the page from the documents the Studio sends (the drafts view) exactly as the server writes it', async () => {
    const {secret} = await createPreviewSecret(fixture.client, 'test', studio)
    const cookie = cookieOf(await enable(secret))
    // What the Presentation tool answers the script's query with (before laying the form over it).
    const documents = await fixture.client.fetch(pageDocumentsQuery, pageDocumentsParams, {perspective: 'drafts'})
    const unescape = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
    for (const locale of ['it', 'de']) {
      const path = `/preview/${locale}/treatments/${slugIn[locale]}`
      const body = await (await get(path, cookie)).text()
      const config = JSON.parse(unescape(/<meta name="treatments-preview" content="([^"]*)">/.exec(body)![1]!)) as PreviewConfig
      const live = await writeLivePage(documents, path, config)
      expect(live!.main).toBe(/<main id="main" class="page">\n([\s\S]*)\n<\/main>/.exec(body)![1])
      expect(live!.main).toContain(`${marker} ${locale}`)
      expect(live!.title).toBe(unescape(/<title>(.*?)<\/title>/.exec(body)![1]!))
      expect(live!.lang).toBe(/<html lang="([^"]+)"/.exec(body)![1])
    }
  })

  it('live: the event stream of a preview page says `change` when a draft is written; public pages carry no preview script', async () => {
    const {secret} = await createPreviewSecret(fixture.client, 'test', studio)
    const cookie = cookieOf(await enable(secret))
    const page = await (await get(`/preview/it/treatments/${slugIn.it}`, cookie)).text()
    expect(page).toContain('<script type="module" src="/preview/visual-editing.js"></script>')
    expect(page).toMatch(/data-sanity="id=contraindication-pregnancy;type=contraindication;path=text;base=http%3A%2F%2Flocalhost%3A3333"/)
    // The list's titles and summaries open their fields too; the public list has no attribute.
    const list = await (await get('/preview/it/treatments', cookie)).text()
    expect(list).toMatch(/<span data-sanity="id=treatment-mesotherapy-cellulite;type=treatment;path=title;base=[^"]+">Mesoterapia per la cellulite<\/span>/)
    expect(list).toMatch(/<div data-sanity="id=treatment-mesotherapy-cellulite;type=treatment;path=summary;base=[^"]+"><p>/)
    expect(await (await get('/it/treatments')).text()).not.toContain('data-sanity')
    const script = await get('/preview/visual-editing.js', cookie)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(1000)
    const publicPage = await (await get(`/it/treatments/${slugIn.it}`)).text()
    expect(publicPage).not.toContain('<script type="module"')
    expect(publicPage).not.toContain('data-sanity')
    // The preview script's settings (no token) are on preview pages only.
    expect(page).toMatch(/<meta name="treatments-preview" content="\{&quot;projectId&quot;:/)
    expect(page).not.toContain(fixture.client.config().token!)
    expect(publicPage).not.toContain('treatments-preview')

    const controller = new AbortController()
    // A missing event fails the test in 20 s instead of waiting forever.
    const stream = await fetch(`${site.url}/preview/events`, {headers: {cookie}, signal: AbortSignal.any([controller.signal, AbortSignal.timeout(20_000)])})
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    const until = async (what: string) => {
      let text = ''
      while (!text.includes(what)) text += (await reader.read()).value ?? ''
      return text
    }
    // Written once the site's subscription to the lake is open (`: listening`), so none is missed.
    await until(': listening')
    await fixture.client.patch('drafts.contraindication-pregnancy').set({category: 'condition'}).commit()
    expect(await until('event: change')).toContain('data: {"id":"drafts.contraindication-pregnancy"}')
    controller.abort()
  })

  it('no public response shows draft text after drafts exist and were previewed (every locale, index and page)', async () => {
    const {secret} = await createPreviewSecret(fixture.client, 'test', studio)
    const cookie = cookieOf(await enable(secret))
    const paths = locales.flatMap(({id}) => [`/${id}/treatments`, `/${id}/treatments/${slugIn[id]}`])
    // The previews first, so a cache that kept a draft answer would serve it next.
    for (const path of paths) expect((await get(`/preview${path}`, cookie)).status).toBe(200)
    for (const path of paths) {
      for (const withCookie of [undefined, cookie]) {
        const response = await get(path, withCookie)
        expect(response.status, path).toBe(200)
        expect(await response.text(), path).not.toContain(marker)
        expect(response.headers.get('x-frame-options')).toBe('DENY')
      }
    }
  })
})
