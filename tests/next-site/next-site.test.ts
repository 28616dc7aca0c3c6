import {randomBytes} from 'node:crypto'
import {readFile, rm} from 'node:fs/promises'
import type {IncomingMessage} from 'node:http'
import {join} from 'node:path'
import {AxeBuilder} from '@axe-core/playwright'
import {encodeSignatureHeader} from '@sanity/webhook'
import {securityHeaders} from '@treatments/example-site'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {repoRoot} from '../../scripts/lib/paths.ts'
import {type LakeFixture, startLakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'
import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {launchChromium} from '../browser/chromium.ts'
import {watchProblems} from '../browser/problems.ts'
import {buildNextSite, siteOrigin, startNextSite, type RunningNextSite} from './next-site-harness.ts'

// The Next.js site (packages/next-site) as CI runs it: one `next build` per test run on the
// built @treatments/content and the embedded dataset, then `next start` reading a real local
// lake (over a copy of the embedded dataset), in real Chromium.

const slug = 'mesotherapy-cellulite'
/** The page's own slug in each locale (content/dataset.ndjson). */
const slugs: Record<string, string> = {en: slug, it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'}
const treatmentId = 'treatment-mesotherapy-cellulite'
const locales = ['en', 'it', 'de'] as const
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const secret = randomBytes(24).toString('base64url')

let lake: LakeFixture
let site: RunningNextSite
let browser: Browser
let buildMs = 0
/** Set when a test has stopped the lake's server (its files are removed in afterAll). */
let lakeDown = false

beforeAll(async () => {
  ;[buildMs, lake, browser] = await Promise.all([buildNextSite(), startLakeFixture({}, {file: defaultDatasetPath}), launchChromium()])
  console.log(`next build took ${(buildMs / 1000).toFixed(1)} s`)
  site = await startNextSite({SANITY_PROJECT_ID: 'local', SANITY_DATASET: 'production', SANITY_API_HOST: lake.lake.url, SANITY_REVALIDATE_SECRET: secret})
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
  if (lakeDown) await rm(lake.directory, {recursive: true, force: true})
  else await lake?.close()
})

/** A new tab whose browser problems are returned by `problems()`; Next.js's own scripts, refused by the CSP, are not problems. */
async function tab(options: {locale?: string; bypassCSP?: boolean} = {}): Promise<{page: Page; context: BrowserContext; problems: () => string[]}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, ...options})
  const seen = watchProblems(context)
  const page = await context.newPage()
  return {page, context, problems: () => seen.filter((problem) => !isNextScriptRefused(problem))}
}

/**
 * What Chromium reports for a Next.js script the CSP refused: a file of its runtime, or one of
 * its inline scripts (that every inline script is Next.js's own is checked by `scriptsOnPage`).
 */
function isNextScriptRefused(problem: string): boolean {
  const chunk = `${escapeRegExp(site.url)}/_next/static/chunks/[\\w.-]+\\.js`
  return (
    new RegExp(`^console error on [^ ]+: (Loading the script '${chunk}'|Executing inline script) violates the following Content Security Policy directive`).test(problem) ||
    new RegExp(`^request failed: ${chunk} \\(csp\\)$`).test(problem)
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Every script element of the page, as what it is: `ld+json` (the package's JSON-LD),
 * `next-chunk` (a file of Next.js's runtime), `next-data` (Next.js's inline RSC payload or chunk
 * list), or its whole text when it is anything else.
 */
async function scriptsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.scripts].map((script) => {
      if (script.type === 'application/ld+json') return 'ld+json'
      if (script.src) return new URL(script.src).pathname.startsWith('/_next/static/chunks/') && script.text === '' ? 'next-chunk' : `src ${script.src}`
      const text = script.text
      if (/^(\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)|self\.__next_f\.push\(\[1,"(?:[^"\\]|\\.)*"\]\))$/s.test(text)) return 'next-data'
      if (script.id === '_R_' && /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{[^<]*\}\);?$/.test(text)) return 'next-data'
      return `inline ${text}`
    }),
  )
}

/**
 * Every answer from `path` on, following redirects one at a time: `'301 /location'` for each
 * redirect, then the final status; and each redirect's headers that are not as the proxy's
 * (`Cache-Control: no-store`, the security headers).
 */
async function hops(path: string): Promise<{answers: string[]; wrongHeaders: string[]}> {
  const answers: string[] = []
  const wrongHeaders: string[] = []
  const expected: Record<string, string> = {...securityHeaders, 'Cache-Control': 'no-store'}
  for (let next = path; answers.length < 5; ) {
    const response = await fetch(`${site.url}${next}`, {redirect: 'manual'})
    await response.body?.cancel()
    const location = response.headers.get('location')
    if (location === null) return {answers: [...answers, String(response.status)], wrongHeaders}
    answers.push(`${response.status} ${location}`)
    for (const [name, value] of Object.entries(expected)) if (response.headers.get(name) !== value) wrongHeaders.push(`${next} ${name}: ${response.headers.get(name)}`)
    next = location
  }
  return {answers, wrongHeaders}
}

const signed = async (body: string, at = Date.now(), key = secret) => ({'content-type': 'application/json', 'sanity-webhook-signature': await encodeSignatureHeader(body, at, key)})
const revalidate = (headers: Record<string, string>, body: string) => fetch(`${site.url}/api/revalidate`, {method: 'POST', headers, body})

describe('the Next.js site', () => {
  it.each(locales)('serves the %s pages, statically generated, with no WCAG 2.1 A/AA violation (axe)', async (locale) => {
    const {page, context, problems} = await tab({locale})
    for (const path of [`/${locale}/treatments`, `/${locale}/treatments/${slugs[locale]}`]) {
      const response = await page.goto(`${site.url}${path}`)
      expect(response?.status(), path).toBe(200)
      expect(response?.headers()['x-nextjs-prerender'], `${path} was made by next build`).toBeDefined()
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)
      const results = await new AxeBuilder({page}).withTags(axeTags).analyze()
      expect(results.passes.length).toBeGreaterThan(15)
      expect(results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`)), path).toEqual([])
      expect((await scriptsOnPage(page)).filter((kind) => kind !== 'next-chunk' && kind !== 'next-data')).toEqual(path.endsWith(slugs[locale]!) ? ['ld+json'] : [])
    }
    // The page model's sections, every one, in the package's order.
    const sections = await page.locator('article.treatment section[id]').evaluateAll((nodes) => nodes.map((node) => node.id))
    expect(sections.slice(0, 3)).toEqual(['overview', 'who-it-is-for', 'who-cannot-have-it'])
    expect(sections.at(-1)).toBe('disclaimer')
    expect(await page.locator('#who-cannot-have-it li').count()).toBeGreaterThan(5)
    await context.close()
    expect(problems()).toEqual([])
  })

  // A `notFound()` from a page (the list at a locale the site does not have) is a 404 with
  // Next.js's empty shell, filled in by its script, which the CSP refuses (vercel/next.js#62228):
  // only the status is checked for those, in the redirect test below. An unknown slug is the
  // proxy's rewrite to the site's own 404 page (checked below).
  it.each(['/nothing/here', '/en/treatments/x/y'])('answers %s, which no route matches, with the site’s own 404 page, no axe violation', async (path) => {
    const {page, context, problems} = await tab()
    const response = await page.goto(`${site.url}${path}`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').innerText()).toBe('Page not found')
    expect(await page.locator('.site-header').count()).toBe(1)
    expect((await new AxeBuilder({page}).withTags(axeTags).analyze()).violations.map((violation) => violation.id)).toEqual([])
    await context.close()
    // Chromium logs the page's own 404 status as an error.
    expect(problems().filter((problem) => problem !== `console error on ${site.url}${path}: Failed to load resource: the server responded with a status of 404 (Not Found)`)).toEqual([])
  })

  it('shows the site’s own 404 for a page’s notFound() once Next.js’s runtime fills in its shell (CSP bypassed)', async () => {
    const {page, context} = await tab({bypassCSP: true})
    const response = await page.goto(`${site.url}/fr/treatments`)
    expect(response?.status()).toBe(404)
    // The shell is empty until Next.js's runtime renders the not-found file into it.
    await page.waitForFunction(() => document.body.innerText.trim() !== '')
    expect([await page.locator('h1').allInnerTexts(), await page.locator('.site-header').count(), await page.locator('html').getAttribute('lang')]).toEqual([['Page not found'], 1, 'en'])
    await context.close()
  })

  it('has the canonical URL, hreflang alternates, JSON-LD and the example site’s security headers', async () => {
    const response = await fetch(`${site.url}/it/treatments/${slugs.it}`)
    const html = await response.text()
    for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name), name).toBe(value)
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(html).toContain(`<link rel="canonical" href="${siteOrigin}/it/treatments/${slugs.it}"/>`)
    for (const hreflang of [...locales, 'x-default']) {
      const locale = hreflang === 'x-default' ? 'en' : hreflang
      expect(html).toContain(`<link rel="alternate" hrefLang="${hreflang}" href="${siteOrigin}/${locale}/treatments/${slugs[locale]}"/>`)
    }
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as {'@type': string; inLanguage: string; url: string}
    expect([jsonLd['@type'], jsonLd.inLanguage, jsonLd.url]).toEqual(['MedicalWebPage', 'it', `${siteOrigin}/it/treatments/${slugs.it}`])
    for (const path of ['/sitemap.xml', '/en/treatments/no-such-treatment', '/api/revalidate']) {
      const other = await fetch(`${site.url}${path}`)
      expect(other.headers.get('content-security-policy'), path).toBe(securityHeaders['Content-Security-Policy'])
    }
  })

  it('answers 301 for a trailing slash and an unknown page with 404', async () => {
    const get = (path: string) => fetch(`${site.url}${path}`, {redirect: 'manual'})
    for (const [path, location] of [
      [`/it/treatments/${slugs.it}/`, `/it/treatments/${slugs.it}`],
      [`/it/treatments/${slugs.it}/?ref=mail`, `/it/treatments/${slugs.it}?ref=mail`],
      ['/de/treatments/', '/de/treatments'],
      ['/de', '/de/treatments'],
    ] as const) {
      const response = await get(path)
      expect([path, response.status, response.headers.get('location')]).toEqual([path, 301, location])
    }
    expect((await get('/%5Cevil.example/')).status).toBe(404)
    expect((await get('/en/treatments/no-such-treatment')).status).toBe(404)
    expect((await get('/fr/treatments')).status).toBe(404)
    // Not the English page under a locale the site does not have.
    expect((await get(`/fr/treatments/${slug}`)).status).toBe(404)
    const home = await fetch(`${site.url}/`, {redirect: 'manual', headers: {'accept-language': 'de-AT, en;q=0.5'}})
    expect([home.status, home.headers.get('location')]).toEqual([302, '/de/treatments'])
  })

  it('serves the package’s sitemap with every locale’s page and its alternates', async () => {
    const response = await fetch(`${site.url}/sitemap.xml`)
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const xml = await response.text()
    for (const locale of locales) {
      expect(xml).toContain(`<loc>${siteOrigin}/${locale}/treatments/${slugs[locale]}</loc>`)
      expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="${locale}" href="${siteOrigin}/${locale}/treatments/${slugs[locale]}"/>`)
    }
  })

  it('refuses a revalidation call without a valid, fresh signature', async () => {
    const body = JSON.stringify({_id: treatmentId})
    expect((await revalidate({'content-type': 'application/json'}, body)).status).toBe(401)
    expect((await revalidate(await signed(body, Date.now(), 'wrong-secret'), body)).status).toBe(401)
    expect((await revalidate(await signed('{"_id":"other"}'), body)).status).toBe(401)
    expect((await revalidate(await signed(body, Date.now() - 10 * 60_000), body)).status).toBe(401)
    expect((await revalidate({'content-type': 'application/json', 'sanity-webhook-signature': 't=nonsense'}, body)).status).toBe(401)
  })

  it('shows a change made through the lake after the revalidation call, without a rebuild', async () => {
    const path = `${site.url}/it/treatments/${slugs.it}`
    const title = 'Mesoterapia per la cellulite (aggiornata)'
    await lake.client.patch(treatmentId).set({'title[_key=="it"].value': title}).commit()
    // A page made by next build stays as it was until the site is told.
    expect(await (await fetch(path)).text()).not.toContain(title)
    const body = JSON.stringify({_id: treatmentId, _type: 'treatment'})
    expect((await revalidate(await signed(body, Date.now(), 'wrong-secret'), body)).status).toBe(401)
    expect(await (await fetch(path)).text()).not.toContain(title)

    const answer = await revalidate(await signed(body), body)
    expect([answer.status, await answer.json()]).toEqual([200, {revalidated: true}])
    const {page, context, problems} = await tab({locale: 'it'})
    await page.goto(path)
    expect(await page.locator('h1').innerText()).toBe(title)
    expect(await page.title()).toBe(`${title} · Example Clinic`)
    await page.goto(`${site.url}/it/treatments`)
    expect(await page.locator('.treatment-card h2').innerText()).toBe(title)
    await context.close()
    expect(problems()).toEqual([])
  })

  it('shows a treatment published after the build once revalidated: its pages in every locale, and in the list', async () => {
    const original = (await lake.client.getDocument(treatmentId))!
    const newSlug = 'mesotherapy-cellulite-second-clinic'
    const title = 'Mesotherapy for cellulite, second clinic'
    const titles = (original.title as Array<{language: string}>).map((item) => (item.language === 'en' ? {...item, value: title} : item))
    // No Italian or German slug of its own: served at its English slug there (the original's would clash).
    await lake.client.create({...original, _id: 'treatment-second-clinic', slug: {_type: 'slug', current: newSlug}, localizedSlugs: [], title: titles})
    const body = JSON.stringify({_id: 'treatment-second-clinic'})
    expect((await revalidate(await signed(body), body)).status).toBe(200)
    for (const locale of locales) {
      const response = await fetch(`${site.url}/${locale}/treatments/${newSlug}`)
      expect([locale, response.status]).toEqual([locale, 200])
      expect(await response.text()).toContain('id="who-cannot-have-it"')
    }
    expect(await (await fetch(`${site.url}/en/treatments`)).text()).toContain(`href="/en/treatments/${newSlug}"`)
    await lake.client.delete('treatment-second-clinic')
  })

  it('answers a trailing slash with one 301 straight to the final URL (a moved slug, a bare locale), the query kept; an unknown slug with a straight 404', async () => {
    const original = (await lake.client.getDocument(treatmentId))!
    const former = 'mesoterapia-anticellulite'
    await lake.client
      .patch(treatmentId)
      .set({formerSlugs: [{_key: `it-${former}`, _type: 'formerSlug', language: 'it', slug: former}]})
      .commit()
    try {
      for (const [path, expected] of [
        // A former slug, and another locale's slug, each with a trailing slash.
        [`/it/treatments/${former}/`, [`301 /it/treatments/${slugs.it}`, '200']],
        [`/it/treatments/${slugs.en}/`, [`301 /it/treatments/${slugs.it}`, '200']],
        [`/de/treatments/${slugs.it}/?utm_source=mail&x=1`, [`301 /de/treatments/${slugs.de}?utm_source=mail&x=1`, '200']],
        [`/it/`, ['301 /it/treatments', '200']],
        [`/it/?ref=mail`, ['301 /it/treatments?ref=mail', '200']],
        [`/it/treatments/${slugs.it}/`, [`301 /it/treatments/${slugs.it}`, '200']],
        [`/it/treatments/${slugs.it}/?ref=mail`, [`301 /it/treatments/${slugs.it}?ref=mail`, '200']],
        ['/it/treatments/', ['301 /it/treatments', '200']],
        ['/it/treatments/no-such-treatment/', ['404']],
        ['/it/treatments/no-such-treatment/?ref=mail', ['404']],
        // Never a Location made of anything but the site's own segments.
        ['/%5Cevil.example/', ['404']],
        ['/%2Fevil.example/', ['404']],
        ['/it/treatments/%2F%2Fevil.example/', ['404']],
      ] as const) {
        const {answers, wrongHeaders} = await hops(path)
        expect([path, answers]).toEqual([path, expected])
        expect(wrongHeaders).toEqual([])
      }
    } finally {
      await lake.client.createOrReplace(original)
      const body = JSON.stringify({_id: treatmentId})
      expect((await revalidate(await signed(body), body)).status).toBe(200)
    }
  })

  // The proxy has looked the slug up: it hands the 404 to Next.js (`app/global-not-found.tsx`)
  // instead of letting the page look it up again and answer with its empty shell.
  it('looks an unknown slug up once: one request to the content source, then the site’s own 404 page', async () => {
    const requests: string[] = []
    const count = (request: IncomingMessage) => requests.push(`${request.method} ${request.url}`)
    lake.lake.server.on('request', count)
    try {
      for (const path of ['/it/treatments/never-a-treatment', '/it/treatments/never-a-treatment/?ref=mail']) {
        const response = await fetch(`${site.url}${path}`, {redirect: 'manual'})
        const html = await response.text()
        expect([path, response.status, /<h1>Page not found<\/h1>/.test(html)]).toEqual([path, 404, true])
        for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name), `${path} ${name}`).toBe(value)
      }
    } finally {
      lake.lake.server.off('request', count)
    }
    // The second request is answered from the site reader's cache.
    expect(requests).toHaveLength(1)
  })

  it('answers a former slug with 301 to the current one in each locale (query kept) once a slug change is revalidated; an unknown slug stays 404', async () => {
    const original = (await lake.client.getDocument(treatmentId))!
    const get = (path: string) => fetch(`${site.url}${path}`, {redirect: 'manual'})
    const moved = {en: 'mesotherapy-for-cellulite', it: 'mesoterapia-per-cellulite'}
    expect((await get(`/it/treatments/${slugs.it}`)).status).toBe(200)
    // What the Studio's publish action stores on a slug change: the old slug, per locale.
    await lake.client
      .patch(treatmentId)
      .set({
        'slug.current': moved.en,
        'localizedSlugs[_key=="it"].value': moved.it,
        formerSlugs: [
          {_key: `en-${slugs.en}`, _type: 'formerSlug', language: 'en', slug: slugs.en},
          {_key: `it-${slugs.it}`, _type: 'formerSlug', language: 'it', slug: slugs.it},
        ],
      })
      .commit()
    try {
      // Like the pages, the redirects follow the content once the site is told (the site's
      // reader had read the Italian slugs above; one that had not would see the change at once).
      expect((await get(`/it/treatments/${slugs.it}`)).status).toBe(200)
      const body = JSON.stringify({_id: treatmentId})
      expect((await revalidate(await signed(body), body)).status).toBe(200)
      for (const [path, location] of [
        [`/en/treatments/${slugs.en}`, `/en/treatments/${moved.en}`],
        [`/it/treatments/${slugs.it}`, `/it/treatments/${moved.it}`],
        [`/it/treatments/${slugs.it}?ref=mail&x=1`, `/it/treatments/${moved.it}?ref=mail&x=1`],
        // The former English slug in German: the German page keeps its own slug.
        [`/de/treatments/${slugs.en}`, `/de/treatments/${slugs.de}`],
        // Another locale's current slug leads to this locale's.
        [`/de/treatments/${moved.it}`, `/de/treatments/${slugs.de}`],
      ] as const) {
        const response = await get(path)
        expect([path, response.status, response.headers.get('location')]).toEqual([path, 301, location])
        for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name), `${path} ${name}`).toBe(value)
      }
      for (const locale of locales) {
        const path = `/${locale}/treatments/${locale === 'de' ? slugs.de : moved[locale]}`
        const response = await get(path)
        expect([path, response.status]).toEqual([path, 200])
        expect(await response.text()).toContain('id="who-cannot-have-it"')
      }
      // Still 404 with the reader the revalidation route made (another bundle than the page's).
      expect((await get('/it/treatments/no-such-treatment')).status).toBe(404)
      expect((await get('/it/treatments/no-such-treatment?ref=mail')).status).toBe(404)
    } finally {
      await lake.client.createOrReplace(original)
      const body = JSON.stringify({_id: treatmentId})
      expect((await revalidate(await signed(body), body)).status).toBe(200)
    }
    expect((await get(`/it/treatments/${slugs.it}`)).status).toBe(200)
  })

  describe('with the hostile-content dataset in the lake', () => {
    const scriptBreakout = '</script><script>window.__pwned=1;alert(1)</script>'

    beforeAll(async () => {
      const fixture = await readFile(join(repoRoot, 'tests/fixtures/hostile.ndjson'), 'utf8')
      const documents = fixture.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as {_id: string; _type: string})
      await lake.client.transaction(documents.map((document) => ({createOrReplace: document}))).commit()
      const body = JSON.stringify({_ids: documents.map((document) => document._id)})
      expect((await revalidate(await signed(body), body)).status).toBe(200)
    })

    /** What ran or appeared on the page that content put there. */
    const damage = (page: Page) =>
      page.evaluate(() => ({
        pwned: (window as {__pwned?: unknown}).__pwned ?? null,
        injected: document.querySelectorAll('main svg, main img, main iframe, main b, [onerror], [onload], [onmouseover]').length,
        links: [...document.querySelectorAll('main a')].map((link) => link.getAttribute('href') ?? '').filter((href) => !/^(https?:|\/|#)/.test(href)),
      }))

    // Once as served (the CSP refuses every script), once with the CSP bypassed so that Next.js's
    // runtime runs and hydrates the page: the content must run nothing either way.
    it.each([
      ['with the CSP', false],
      ['with the CSP bypassed and Next.js hydrating', true],
    ])('runs nothing and shows the hostile text as text, in every locale (%s)', async (_name, bypassCSP) => {
      const {page, context, problems} = await tab({bypassCSP})
      for (const locale of locales) {
        const response = await page.goto(`${site.url}/${locale}/treatments/${slug}`)
        expect(response?.status()).toBe(200)
        if (bypassCSP) await page.waitForFunction(() => (window as {next?: unknown}).next !== undefined)
        expect(await damage(page)).toEqual({pwned: null, injected: 0, links: []})
        expect((await scriptsOnPage(page)).filter((kind) => kind !== 'next-chunk' && kind !== 'next-data')).toEqual(['ld+json'])
        expect(await page.locator('h1').innerText()).toMatch(/ "><svg onload=alert\(1\)>$/)
        const contraindications = page.locator('#who-cannot-have-it li.contraindication .item-title')
        expect(await contraindications.count()).toBe(10)
        expect(await contraindications.nth(0).innerText()).toContain(scriptBreakout)
        expect(await page.locator('#overview .summary').innerText()).toContain(scriptBreakout)
        const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '') as {reviewedBy: {name: string}}
        expect(jsonLd.reviewedBy.name).toBe('Dr. Example </script><script>window.__pwned=1</script>')
      }
      await page.goto(`${site.url}/it/treatments`)
      expect(await damage(page)).toEqual({pwned: null, injected: 0, links: []})
      await context.close()
      expect(problems()).toEqual([])
    })
  })

  it('keeps the pages it has (503 to the webhook, which retries) when the content source is down at revalidation', async () => {
    const path = `${site.url}/de/treatments/${slug}`
    const before = await (await fetch(path)).text()
    expect(before).toContain('id="who-cannot-have-it"')
    await lake.lake.close()
    lakeDown = true
    const body = JSON.stringify({_id: treatmentId})
    const answer = await revalidate(await signed(body), body)
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '30'])
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(path)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('id="who-cannot-have-it"')
    }
    // A slug the site never read, with a trailing slash: answered as the path without it is,
    // not with a 301 to a page that fails too.
    const unslashed = await fetch(`${site.url}/it/treatments/read-while-down`, {redirect: 'manual'})
    const slashed = await fetch(`${site.url}/it/treatments/read-while-down/`, {redirect: 'manual'})
    expect([slashed.status, slashed.headers.get('location')]).toEqual([unslashed.status, null])
  })
})
