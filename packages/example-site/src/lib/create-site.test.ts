import {request as httpRequest} from 'node:http'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {createTreatmentContent, type TreatmentContent} from '@treatments/content'
import {readNdjson} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {defaultDatasetPath} from './content-from-env.ts'
import {createSite} from './create-site.ts'
import {startSite, type RunningSite} from './start-site.ts'

const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

let site: RunningSite
let failing: RunningSite
const content = createTreatmentContent({source: localDataset(defaultDatasetPath)})
const getTreatment = vi.spyOn(content, 'getTreatment')
const errors: unknown[] = []

beforeAll(async () => {
  site = await startSite({content, port: 0, origin: 'https://clinic.example', onError: (error) => errors.push(error)})
  const down: TreatmentContent = createTreatmentContent({source: {fetch: () => Promise.reject(Object.assign(new Error('upstream down'), {statusCode: 502}))}, retry: {attempts: 1}})
  failing = await startSite({content: down, port: 0, onError: (error) => errors.push(error)})
})

afterAll(async () => {
  await Promise.all([site?.close(), failing?.close()])
})

const get = (path: string, init: RequestInit = {}, base = site.url) => fetch(`${base}${path}`, {redirect: 'manual', ...init})

/** A GET with the path sent byte for byte, as an attacker's client would. */
const rawGet = (path: string) =>
  new Promise<{status: number; location: string | undefined}>((resolve, reject) => {
    const request = httpRequest(`${site.url}/`, {path}, (response) => {
      response.resume()
      resolve({status: response.statusCode ?? 0, location: response.headers.location})
    })
    request.on('error', reject).end()
  })

describe('the example site', () => {
  it('redirects / to the treatments of the best Accept-Language match', async () => {
    const cases: Array<[string | undefined, string]> = [
      ['it-CH,it;q=0.9,en;q=0.8', '/it/treatments'],
      ['fr-FR, de;q=0.2, en;q=0.1', '/de/treatments'],
      ['en;q=0.1, de', '/de/treatments'],
      ['fr', '/en/treatments'],
      [undefined, '/en/treatments'],
    ]
    for (const [acceptLanguage, location] of cases) {
      const response = await get('/', {headers: acceptLanguage ? {'Accept-Language': acceptLanguage} : {}})
      expect([response.status, response.headers.get('location'), response.headers.get('vary')]).toEqual([302, location, 'Accept-Language'])
    }
  })

  it('serves a treatment page whole at its Italian slug: lang, title, canonical, hreflang and language switcher at each language\'s slug, JSON-LD', async () => {
    const response = await get('/it/treatments/mesoterapia-cellulite')
    const body = await response.text()
    expect([response.status, response.headers.get('content-type'), response.headers.get('content-language')]).toEqual([200, 'text/html; charset=utf-8', 'it'])
    expect(body).toMatch(/^<!doctype html>\n<html lang="it" dir="ltr">/)
    expect(body).toContain('<title>Mesoterapia per la cellulite · Example Clinic</title>')
    expect(body).toContain('<link rel="canonical" href="https://clinic.example/it/treatments/mesoterapia-cellulite">')
    expect([...body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((match) => [match[1], match[2]])).toEqual([
      ['en', 'https://clinic.example/en/treatments/mesotherapy-cellulite'],
      ['it', 'https://clinic.example/it/treatments/mesoterapia-cellulite'],
      ['de', 'https://clinic.example/de/treatments/mesotherapie-cellulite'],
      ['x-default', 'https://clinic.example/en/treatments/mesotherapy-cellulite'],
    ])
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!) as Record<string, unknown>
    expect([jsonLd['@type'], jsonLd.inLanguage, jsonLd.url]).toEqual(['MedicalWebPage', 'it', 'https://clinic.example/it/treatments/mesoterapia-cellulite'])
    expect(body).toContain('<li><a href="/it/treatments/mesoterapia-cellulite" hreflang="it" lang="it" aria-current="page">Italiano</a></li>')
    expect(body).toContain('<li><a href="/de/treatments/mesotherapie-cellulite" hreflang="de" lang="de">Deutsch</a></li>')
    expect(body).toMatch(/<\/html>\n$/)
    expect(body).not.toMatch(/<script(?! type="application\/ld\+json")/)
  })

  it('redirects (301) a former slug, and another language\'s slug, to the page\'s slug in the URL\'s language', async () => {
    const documents = (await readNdjson(defaultDatasetPath)).map((document) =>
      document._type === 'treatment' ? {...document, formerSlugs: [{_key: 'f1', _type: 'formerSlug', language: 'it', slug: 'mesoterapia-anticellulite'}]} : document,
    )
    const renamed = await startSite({content: createTreatmentContent({source: localDataset(documents)}), port: 0})
    try {
      for (const [path, location] of [
        ['/it/treatments/mesoterapia-anticellulite', '/it/treatments/mesoterapia-cellulite'],
        ['/de/treatments/mesoterapia-anticellulite', '/de/treatments/mesotherapie-cellulite'],
        ['/it/treatments/mesotherapy-cellulite', '/it/treatments/mesoterapia-cellulite'],
        ['/en/treatments/mesotherapie-cellulite', '/en/treatments/mesotherapy-cellulite'],
        // With a trailing slash: the same Location, in one hop.
        ['/it/treatments/mesoterapia-anticellulite/', '/it/treatments/mesoterapia-cellulite'],
        // The query kept, as for a trailing slash.
        ['/it/treatments/mesoterapia-anticellulite/?utm_source=x', '/it/treatments/mesoterapia-cellulite?utm_source=x'],
        ['/de/treatments/mesotherapy-cellulite?utm_source=x', '/de/treatments/mesotherapie-cellulite?utm_source=x'],
      ]) {
        const response = await get(path!, {}, renamed.url)
        expect([path, response.status, response.headers.get('location')]).toEqual([path, 301, location])
      }
      expect((await get('/it/treatments/mesoterapia-cellulite', {}, renamed.url)).status).toBe(200)
    } finally {
      await renamed.close()
    }
  })

  it('sends the security headers with every response', async () => {
    for (const path of ['/', '/en/treatments', '/en/treatments/mesotherapy-cellulite', '/en/treatments/nope', '/styles.css']) {
      const response = await get(path)
      expect([response.headers.get('content-security-policy'), response.headers.get('x-content-type-options'), response.headers.get('referrer-policy')]).toEqual([
        csp,
        'nosniff',
        'strict-origin-when-cross-origin',
      ])
    }
  })

  it('tells the visitor in German that parts are shown in English, and that the page is not yet reviewed, under the title', async () => {
    const body = await (await get('/de/treatments/mesotherapie-cellulite')).text()
    expect(body).toContain(
      '<h1>Mesotherapie bei Cellulite</h1>\n<div class="banner banner-unreviewed"><p class="banner-status">Diese Seite wurde noch nicht ärztlich geprüft</p>' +
        '<p class="banner-advice">Nur eine Ärztin oder ein Arzt kann beurteilen, ob diese Behandlung für Sie geeignet ist. Diese Seite ersetzt keine Beratung. <a href="#disclaimer">Vollständigen Hinweis lesen</a></p></div>\n' +
        '<p class="page-notice">Teile dieser Seite sind noch nicht auf Deutsch verfügbar und werden auf Englisch angezeigt.</p>',
    )
    expect(body).toContain(
      '<span lang="en" class="item-title">Obesity</span>\u00a0<span class="marker-untranslated"><span aria-hidden="true">EN</span><span class="visually-hidden"> (noch nicht übersetzt, angezeigt auf Englisch)</span></span>',
    )
  })

  it('lists treatments on the index, linked to their pages', async () => {
    const response = await get('/en/treatments')
    const body = await response.text()
    expect(response.status).toBe(200)
    expect(body).toContain('<h2><a href="/en/treatments/mesotherapy-cellulite">Mesotherapy for cellulite</a></h2>')
    expect(body).toContain('<p class="protocol">3–\u20604\u00a0sessions, 3–\u20604\u00a0weeks apart</p>')
  })

  it('marks index text shown in another language with a compact marker, explained once', async () => {
    const documents = (await readNdjson(defaultDatasetPath)).map((document) =>
      document._type === 'treatment' ? {...document, summary: (document.summary as Array<{language: string}>).filter((item) => item.language !== 'de')} : document,
    )
    const partial = await startSite({content: createTreatmentContent({source: localDataset(documents)}), port: 0})
    try {
      const body = await (await get('/de/treatments', {}, partial.url)).text()
      expect(body).toContain('<h1>Behandlungen</h1>\n<p class="note note-untranslated">Markiert mit EN: noch nicht übersetzt, angezeigt auf Englisch.</p>')
      expect(body).toMatch(/<p><span lang="en">Mesotherapy is a non-surgical [^<]*<\/span>\u00a0<span class="marker-untranslated"><span aria-hidden="true">EN<\/span><span class="visually-hidden"> \(noch nicht übersetzt, angezeigt auf Englisch\)<\/span><\/span><\/p>/)
      expect(body.match(/marker-untranslated/g)).toHaveLength(1)
    } finally {
      await partial.close()
    }
  })

  it('answers unknown slugs, routes and locales with a localized 404', async () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['/it/treatments/unknown-slug', undefined, 'Pagina non trovata'],
      ['/de/nothing-here', undefined, 'Seite nicht gefunden'],
      ['/en/treatments/a/b', undefined, 'Page not found'],
      ['/fr/treatments', 'it', 'Pagina non trovata'],
      ['/favicon.ico', 'de-AT', 'Seite nicht gefunden'],
    ]
    for (const [path, acceptLanguage, title] of cases) {
      const response = await get(path, {headers: acceptLanguage ? {'Accept-Language': acceptLanguage} : {}})
      const body = await response.text()
      expect([path, response.status]).toEqual([path, 404])
      expect(body).toContain(`<h1>${title}</h1>`)
    }
  })

  it('checks slugs before they reach the content source', async () => {
    getTreatment.mockClear()
    for (const path of ['/en/treatments/Bad_Slug', '/en/treatments/x%22%5D%7B', "/en/treatments/a'b", '/en/treatments/%2e%2e']) {
      // Sent as written: fetch would turn `%2e%2e` into a dot segment and ask for `/en/`.
      expect([path, (await rawGet(path)).status]).toEqual([path, 404])
    }
    expect(getTreatment).not.toHaveBeenCalled()
  })

  it('redirects a bare locale to its treatments', async () => {
    const response = await get('/it')
    expect([response.status, response.headers.get('location')]).toEqual([301, '/it/treatments'])
  })

  it('redirects a path with a trailing slash to the path without it, never to another host', async () => {
    const redirects: Array<[string, string]> = [
      ['/en/treatments/mesotherapy-cellulite/', '/en/treatments/mesotherapy-cellulite'],
      ['/en/treatments/mesotherapy-cellulite//?utm_source=x', '/en/treatments/mesotherapy-cellulite?utm_source=x'],
      // In one hop to where the path without the slash redirects: another language's slug, a bare locale.
      ['/it/treatments/mesotherapy-cellulite/', '/it/treatments/mesoterapia-cellulite'],
      ['/it/', '/it/treatments'],
      ['/de/treatments/', '/de/treatments'],
      ['/it/treatments/x/?a=%0d%0aSet-Cookie:x', '/it/treatments/x?a=%0d%0aSet-Cookie:x'],
    ]
    for (const [path, location] of redirects) {
      const response = await get(path)
      expect([path, response.status, response.headers.get('location'), response.headers.get('set-cookie')]).toEqual([path, 301, location, null])
    }
    const followed = await fetch(`${site.url}/it/treatments/mesoterapia-cellulite/`)
    expect([followed.status, followed.url]).toEqual([200, `${site.url}/it/treatments/mesoterapia-cellulite`])
    // Sent as written (fetch would normalize `\` and dot segments), so each reaches the site.
    for (const path of ['//evil.com/', '///evil.com/', '/\\evil.com/', '/%2F%2Fevil.com/', '/%5Cevil.com/', '/it/treatments//evil.com/', '/it/../evil.com/']) {
      const {status, location} = await rawGet(path)
      expect([path, location]).toEqual([path, undefined])
      expect([path, status]).toEqual([path, 404])
    }
  })

  it('answers a failing source with a whole localized 503 page', async () => {
    errors.length = 0
    const response = await get('/it/treatments/mesotherapy-cellulite', {}, failing.url)
    const body = await response.text()
    expect([response.status, response.headers.get('retry-after'), response.headers.get('cache-control')]).toEqual([503, '30', 'no-store'])
    expect(body).toContain('<h1>Informazioni temporaneamente non disponibili</h1>')
    expect(body).toMatch(/<\/html>\n$/)
    expect(body).not.toContain('Mesoterapia')
    expect(errors).toHaveLength(1)
    expect((await get('/de/treatments', {}, failing.url)).status).toBe(503)
    // A trailing slash does not send a visitor on to a page that cannot be read either.
    expect((await get('/de/treatments/', {}, failing.url)).status).toBe(503)
  })

  it('serves the stylesheet, answers HEAD without a body, and refuses other methods', async () => {
    const css = await get('/styles.css')
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8'])
    expect(await css.text()).toContain('--measure: 42rem')
    const head = await get('/en/treatments/mesotherapy-cellulite', {method: 'HEAD'})
    expect([head.status, Number(head.headers.get('content-length')) > 1000, await head.text()]).toEqual([200, true, ''])
    const post = await get('/en/treatments', {method: 'POST'})
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD'])
  })

  it('refuses options it cannot use', () => {
    expect(() => createSite({content, origin: 'not a url'})).toThrow(new TypeError('`createSite` expects `origin` to be an absolute URL like "https://clinic.example", got "not a url"'))
    expect(() => createSite({content: {} as never, origin: 'https://clinic.example'})).toThrow(/^`createSite` expects `\{content, origin\}`/)
  })
})
