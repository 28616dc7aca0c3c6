import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {startSite, type RunningSite} from '@treatments/example-site'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'
import {launchChromium} from './chromium.ts'
import {watchProblems} from './problems.ts'

// The example site in a real browser: the pages a patient sees, in each language.

const slug = 'mesotherapy-cellulite'
/** The page's own slug in each language (content/dataset.ndjson). */
const slugs: Record<string, string> = {en: slug, it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'}
const artifacts = join(repoRoot, 'test-results/screenshots')
const content = createTreatmentContent({source: localDataset(defaultDatasetPath)})

let site: RunningSite
let browser: Browser
let context: BrowserContext
let page: Page
let problems: string[]

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite({content, port: 0, host: '127.0.0.1'}), launchChromium()])
  context = await browser.newContext({viewport: {width: 1200, height: 900}, locale: 'en-GB'})
  problems = watchProblems(context)
  page = await context.newPage()
  await mkdir(artifacts, {recursive: true})
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

afterEach(() => {
  const seen = problems.splice(0)
  expect(seen).toEqual([])
})

async function open(locale: string): Promise<void> {
  const response = await page.goto(`${site.url}/${locale}/treatments/${slugs[locale]}`)
  expect(response?.status()).toBe(200)
}

const contraindicationTexts = async (locale: string) => (await content.getTreatment(slug, {locale})).treatment.contraindications.map((item) => item.text)

describe('treatment pages in Chromium', () => {
  it.each([
    ['en', 'Mesotherapy for cellulite', 'Who cannot have this treatment'],
    ['it', 'Mesoterapia per la cellulite', 'Chi non può sottoporsi a questo trattamento'],
  ])('shows the %s page with its language, title and every contraindication', async (locale, title, heading) => {
    await open(locale)
    expect(await page.locator('html').getAttribute('lang')).toBe(locale)
    expect(await page.title()).toBe(`${title} · Example Clinic`)
    await expect.poll(() => page.locator('h1').innerText()).toBe(title)
    const section = page.locator('#who-cannot-have-it')
    expect(await section.locator('h2').innerText()).toBe(heading)
    const items = section.locator('li.contraindication')
    expect(await items.count()).toBe(10)
    const texts = await contraindicationTexts(locale)
    expect(texts).toHaveLength(10)
    for (const [index, text] of texts.entries()) {
      const title = items.nth(index).locator('.item-title')
      expect(await title.isVisible()).toBe(true)
      expect(await title.innerText()).toBe(text)
    }
    expect(await section.locator('[lang]').count()).toBe(0)
    // The README's screenshots are made by accessibility.test.ts (the top of each page).
    await page.screenshot({path: join(artifacts, `treatment-${locale}.png`), fullPage: true})
  })

  it('shows every contraindication in German, English fallbacks marked lang="en" with a small marker explained once', async () => {
    await open('de')
    expect(await page.locator('html').getAttribute('lang')).toBe('de')
    const {fallbacks} = await content.getTreatment(slug, {locale: 'de'})
    const fellBack = new Set(fallbacks.filter((fallback) => fallback.path.startsWith('contraindications[')).map((fallback) => Number(/\[(\d+)\]/.exec(fallback.path)![1])))
    expect([...fellBack].sort()).toEqual([2, 3, 4, 5, 6, 8])
    const items = page.locator('#who-cannot-have-it li.contraindication')
    expect(await items.count()).toBe(10)
    const texts = await contraindicationTexts('de')
    for (const [index, text] of texts.entries()) {
      const item = items.nth(index)
      const title = item.locator('.item-title')
      expect(await title.isVisible()).toBe(true)
      expect(await title.innerText()).toBe(text)
      expect(await title.getAttribute('lang')).toBe(fellBack.has(index) ? 'en' : null)
      const marker = item.locator('.marker-untranslated')
      if (fellBack.has(index)) {
        expect(await marker.isVisible()).toBe(true)
        expect(await marker.locator('[aria-hidden="true"]').innerText()).toBe('EN')
        expect(await marker.locator('.visually-hidden').boundingBox()).toMatchObject({width: 1, height: 1})
        // Screen readers get the whole sentence; the marker is never larger than the item's text.
        expect(await marker.textContent()).toBe('EN (noch nicht übersetzt, angezeigt auf Englisch)')
        const [markerBox, titleBox] = await Promise.all([marker.boundingBox(), title.boundingBox()])
        expect(markerBox!.height).toBeLessThanOrEqual(titleBox!.height)
      } else {
        expect(await marker.count()).toBe(0)
      }
    }
    const explanation = page.locator('#who-cannot-have-it .note-untranslated')
    expect(await explanation.count()).toBe(1)
    expect(await explanation.innerText()).toBe('Markiert mit EN: noch nicht übersetzt, angezeigt auf Englisch.')
    expect(await page.locator('.page-notice').innerText()).toBe('Teile dieser Seite sind noch nicht auf Deutsch verfügbar und werden auf Englisch angezeigt.')
    await page.screenshot({path: join(artifacts, 'treatment-de.png'), fullPage: true})
  })

  it('switches language with the switcher and lands on the same page in the other language', async () => {
    await open('en')
    expect(await page.locator('.language-switcher [aria-current="page"]').innerText()).toBe('English')
    await Promise.all([page.waitForURL(`${site.url}/it/treatments/${slugs.it}`), page.locator('.language-switcher').getByRole('link', {name: 'Italiano'}).click()])
    expect(await page.locator('html').getAttribute('lang')).toBe('it')
    expect(await page.locator('h1').innerText()).toBe('Mesoterapia per la cellulite')
    expect(await page.locator('.language-switcher [aria-current="page"]').innerText()).toBe('Italiano')
    await Promise.all([page.waitForURL(`${site.url}/de/treatments/${slugs.de}`), page.locator('.language-switcher').getByRole('link', {name: 'Deutsch'}).click()])
    expect(await page.locator('h1').innerText()).toBe('Mesotherapie bei Cellulite')
  })

  it.each(['en', 'it', 'de'])('embeds JSON-LD that parses to a MedicalWebPage in the page language (%s)', async (locale) => {
    await open(locale)
    const scripts = page.locator('script')
    expect(await scripts.count()).toBe(1)
    expect(await scripts.getAttribute('type')).toBe('application/ld+json')
    const jsonLd = JSON.parse((await scripts.textContent()) ?? '') as Record<string, unknown>
    expect([jsonLd['@type'], jsonLd.inLanguage, jsonLd.url]).toEqual(['MedicalWebPage', locale, `${site.url}/${locale}/treatments/${slugs[locale]}`])
    expect(((jsonLd.mainEntity as {contraindication: unknown[]}).contraindication).length).toBe(10)
  })

  it('says under the title, in the page’s language, that a doctor has not reviewed the page and that only a doctor can advise', async () => {
    for (const [locale, status, link] of [
      ['it', 'Questa pagina non è ancora stata verificata da un medico', 'Leggi l’avviso completo'],
      ['de', 'Diese Seite wurde noch nicht ärztlich geprüft', 'Vollständigen Hinweis lesen'],
    ] as const) {
      await open(locale)
      const banner = page.locator('h1 + .banner')
      expect(await banner.isVisible()).toBe(true)
      expect(await banner.locator('.banner-status').innerText()).toBe(status)
      // Above the fold on a laptop screen.
      expect((await banner.boundingBox())!.y).toBeLessThan(600)
      await banner.getByRole('link', {name: link}).click()
      expect(new URL(page.url()).hash).toBe('#disclaimer')
      expect(await page.locator('#disclaimer').isVisible()).toBe(true)
    }
  })

  it('presents statements not yet reviewed by a doctor as what the clinic says, not as bold facts or chips', async () => {
    await open('it')
    const results = page.locator('#results')
    expect(await results.locator('h3').innerText()).toBe('Cosa dice la clinica, in attesa di verifica medica')
    expect(await results.locator('li.claim').count()).toBe(7)
    expect(await results.locator('.tag, .item-title').count()).toBe(0)
    const weight = await results.locator('li.claim').first().evaluate((element) => Number(getComputedStyle(element).fontWeight))
    expect(weight).toBeLessThan(600)
  })

  it('keeps a range and its unit on one line on a German phone', async () => {
    const phone = await browser.newContext({viewport: {width: 390, height: 844}, isMobile: true})
    const seen = watchProblems(phone)
    try {
      const tab = await phone.newPage()
      await tab.goto(`${site.url}/de/treatments/${slugs.de}`)
      const protocol = tab.locator('#how-it-is-done .protocol')
      expect(await protocol.innerText()).toMatch(/^3–\u20604\u00a0Sitzungen, im Abstand von 3–\u20604\u00a0Wochen$/)
      // Each range stays on one line with its unit: no “3–” / “4 Wochen” split.
      const lines = await protocol.evaluate((element) => {
        const range = document.createRange()
        const text = element.firstChild!
        const tops = new Map<number, string>()
        for (let index = 0; index < text.textContent!.length; index++) {
          range.setStart(text, index)
          range.setEnd(text, index + 1)
          const top = Math.round(range.getBoundingClientRect().top)
          tops.set(top, (tops.get(top) ?? '') + text.textContent![index])
        }
        return [...tops.values()]
      })
      for (const range of ['3–\u20604\u00a0Sitzungen', '3–\u20604\u00a0Wochen']) {
        expect(lines.some((line) => line.includes(range)), JSON.stringify(lines)).toBe(true)
      }
      expect(seen).toEqual([])
    } finally {
      await phone.close()
    }
  })

  it('redirects / by Accept-Language: it-CH lands on the Italian treatments', async () => {
    const italian = await browser.newContext({locale: 'it-CH', extraHTTPHeaders: {'Accept-Language': 'it-CH,it;q=0.9'}})
    const seen = watchProblems(italian)
    try {
      const tab = await italian.newPage()
      const response = await tab.goto(`${site.url}/`)
      expect(tab.url()).toBe(`${site.url}/it/treatments`)
      expect(response?.status()).toBe(200)
      expect(response?.request().redirectedFrom()?.url()).toBe(`${site.url}/`)
      expect(await tab.locator('html').getAttribute('lang')).toBe('it')
      expect(await tab.locator('h1').innerText()).toBe('Trattamenti')
      await Promise.all([tab.waitForURL(`${site.url}/it/treatments/${slugs.it}`), tab.getByRole('link', {name: 'Mesoterapia per la cellulite'}).click()])
      expect(seen).toEqual([])
    } finally {
      await italian.close()
    }
  })

  it('answers an unknown treatment with a localized 404 page', async () => {
    const other = await browser.newContext()
    const seen = watchProblems(other)
    try {
      const tab = await other.newPage()
      const response = await tab.goto(`${site.url}/it/treatments/no-such-treatment`)
      expect(response?.status()).toBe(404)
      expect(await tab.locator('html').getAttribute('lang')).toBe('it')
      expect(await tab.locator('h1').innerText()).toBe('Pagina non trovata')
      expect(await tab.getByRole('link', {name: 'Tutti i trattamenti'}).getAttribute('href')).toBe('/it/treatments')
      // Chromium reports the 404 document itself in the console; nothing else may appear.
      expect(seen).toEqual([expect.stringMatching(/^console error on .*: Failed to load resource: the server responded with a status of 404 \(Not Found\)$/)])
    } finally {
      await other.close()
    }
  })
})
