import {mkdir} from 'node:fs/promises'
import {existsSync} from 'node:fs'
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
const artifacts = join(repoRoot, 'test-results/screenshots')
const docsScreenshot = join(repoRoot, 'docs/screenshots/treatment-it.png')
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
  const response = await page.goto(`${site.url}/${locale}/treatments/${slug}`)
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
    await page.screenshot({path: join(artifacts, `treatment-${locale}.png`), fullPage: true})
    if (locale === 'it' && (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(docsScreenshot))) {
      await mkdir(join(repoRoot, 'docs/screenshots'), {recursive: true})
      await page.screenshot({path: docsScreenshot, fullPage: true})
    }
  })

  it('shows every contraindication in German, English fallbacks marked lang="en" with a visible note', async () => {
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
      const note = item.locator('.note-untranslated')
      if (fellBack.has(index)) {
        expect(await note.isVisible()).toBe(true)
        expect(await note.innerText()).toBe('Noch nicht übersetzt: angezeigt auf Englisch')
      } else {
        expect(await note.count()).toBe(0)
      }
    }
    expect(await page.locator('.page-notice').innerText()).toBe('Teile dieser Seite sind noch nicht auf Deutsch verfügbar und werden auf Englisch angezeigt.')
    await page.screenshot({path: join(artifacts, 'treatment-de.png'), fullPage: true})
  })

  it('switches language with the switcher and lands on the same page in the other language', async () => {
    await open('en')
    expect(await page.locator('.language-switcher [aria-current="page"]').innerText()).toBe('English')
    await Promise.all([page.waitForURL(`${site.url}/it/treatments/${slug}`), page.locator('.language-switcher').getByRole('link', {name: 'Italiano'}).click()])
    expect(await page.locator('html').getAttribute('lang')).toBe('it')
    expect(await page.locator('h1').innerText()).toBe('Mesoterapia per la cellulite')
    expect(await page.locator('.language-switcher [aria-current="page"]').innerText()).toBe('Italiano')
    await Promise.all([page.waitForURL(`${site.url}/de/treatments/${slug}`), page.locator('.language-switcher').getByRole('link', {name: 'Deutsch'}).click()])
    expect(await page.locator('h1').innerText()).toBe('Mesotherapie bei Cellulite')
  })

  it.each(['en', 'it', 'de'])('embeds JSON-LD that parses to a MedicalWebPage in the page language (%s)', async (locale) => {
    await open(locale)
    const scripts = page.locator('script')
    expect(await scripts.count()).toBe(1)
    expect(await scripts.getAttribute('type')).toBe('application/ld+json')
    const jsonLd = JSON.parse((await scripts.textContent()) ?? '') as Record<string, unknown>
    expect([jsonLd['@type'], jsonLd.inLanguage, jsonLd.url]).toEqual(['MedicalWebPage', locale, `${site.url}/${locale}/treatments/${slug}`])
    expect(((jsonLd.mainEntity as {contraindication: unknown[]}).contraindication).length).toBe(10)
  })

  it('shows statements not yet reviewed by a doctor with a visible note', async () => {
    await open('it')
    const notes = page.locator('#results .note-review')
    expect(await notes.count()).toBe(7)
    expect(await notes.first().isVisible()).toBe(true)
    expect(await notes.first().innerText()).toBe('Questa affermazione non è ancora stata verificata da un medico')
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
      await Promise.all([tab.waitForURL(`${site.url}/it/treatments/${slug}`), tab.getByRole('link', {name: 'Mesoterapia per la cellulite'}).click()])
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
