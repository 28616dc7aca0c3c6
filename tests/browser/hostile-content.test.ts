import {join} from 'node:path'
import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {startSite, type RunningSite} from '@treatments/example-site'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {repoRoot} from '../../scripts/lib/paths.ts'
import {launchChromium} from './chromium.ts'
import {watchProblems} from './problems.ts'

// The seed with hostile text in titles, summaries, contraindications, rich text, links, the
// reviewer and sources (tests/fixtures/hostile.ndjson): none of it may run, all of it must show
// as text, and the JSON-LD must still parse.

const fixture = join(repoRoot, 'tests/fixtures/hostile.ndjson')
const slug = 'mesotherapy-cellulite'
const scriptBreakout = '</script><script>window.__pwned=1;alert(1)</script>'
const imageHandler = '<img src=x onerror="window.__pwned=1;alert(1)">'

let site: RunningSite
let browser: Browser
let context: BrowserContext
let page: Page
let problems: string[]

beforeAll(async () => {
  const content = createTreatmentContent({source: localDataset(fixture)})
  ;[site, browser] = await Promise.all([startSite({content, port: 0}), launchChromium()])
  context = await browser.newContext({viewport: {width: 1200, height: 900}})
  problems = watchProblems(context)
  page = await context.newPage()
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

afterEach(() => {
  const seen = problems.splice(0)
  expect(seen).toEqual([])
})

/** What ran or appeared on the page that content put there. */
async function damage(tab: Page) {
  return tab.evaluate(() => ({
    pwned: (window as {__pwned?: unknown}).__pwned ?? null,
    scripts: [...document.scripts].map((script) => script.type),
    injected: document.querySelectorAll('main svg, main img, main iframe, main b, [onerror], [onload], [onmouseover]').length,
    links: [...document.querySelectorAll('main a')].map((link) => link.getAttribute('href') ?? '').filter((href) => !/^(https?:|\/|#)/.test(href)),
  }))
}

describe('hostile content in Chromium', () => {
  it.each(['en', 'it', 'de'])('runs nothing and shows the hostile text as text (%s)', async (locale) => {
    const response = await page.goto(`${site.url}/${locale}/treatments/${slug}`)
    expect(response?.status()).toBe(200)
    expect(await damage(page)).toEqual({pwned: null, scripts: ['application/ld+json'], injected: 0, links: []})

    expect(await page.locator('h1').innerText()).toMatch(/ "><svg onload=alert\(1\)>$/)
    expect(await page.title()).toMatch(/ "><svg onload=alert\(1\)> · Example Clinic$/)
    const contraindications = page.locator('#who-cannot-have-it li.contraindication .item-title')
    expect(await contraindications.count()).toBe(10)
    expect(await contraindications.nth(0).innerText()).toMatch(new RegExp(`${escapeRegExp(scriptBreakout)}$`))
    expect(await contraindications.nth(2).innerText()).toMatch(new RegExp(`^${escapeRegExp(imageHandler)} `))
    const summary = page.locator('#overview .summary')
    expect(await summary.isVisible()).toBe(true)
    expect(await summary.innerText()).toContain(scriptBreakout)
    expect(await page.locator('#who-it-is-for dd').first().innerText()).toBe('<b onmouseover=alert(1)>Cellulite</b>')
    expect(await page.locator('#review').innerText()).toContain('Dr. Example </script><script>window.__pwned=1</script>')
  })

  it('keeps hostile rich text as text and its unsafe links as plain text', async () => {
    await page.goto(`${site.url}/en/treatments/${slug}`)
    const first = page.locator('#overview .rich-text > p').first()
    expect(await first.innerText()).toBe(`<script>window.__pwned=1;alert(1)</script> javascript link data link spaced link ${imageHandler}`)
    expect(await first.locator('a').count()).toBe(0)
    expect(await first.locator('strong').innerText()).toBe(imageHandler)
    const sources = page.locator('#sources li')
    expect(await sources.nth(1).innerText()).toBe('<script>alert(1)</script> source')
    expect(await sources.nth(1).locator('a').count()).toBe(0)
  })

  it('embeds JSON-LD that still parses, with the hostile text intact and no way out of the script element', async () => {
    for (const locale of ['en', 'it']) {
      await page.goto(`${site.url}/${locale}/treatments/${slug}`)
      const raw = (await page.locator('script[type="application/ld+json"]').textContent()) ?? ''
      expect(raw).not.toMatch(/<\/script|<!--|\u2028/i)
      const jsonLd = JSON.parse(raw) as {['@type']: string; inLanguage: string; description: string; reviewedBy: {name: string}; mainEntity: {contraindication: Array<{name: string}>}}
      expect([jsonLd['@type'], jsonLd.inLanguage]).toEqual(['MedicalWebPage', locale])
      expect(jsonLd.description).toMatch(new RegExp(`${escapeRegExp(scriptBreakout)} \u2028<!--$`))
      expect(jsonLd.reviewedBy.name).toBe('Dr. Example </script><script>window.__pwned=1</script>')
      expect(jsonLd.mainEntity.contraindication[0]!.name).toMatch(new RegExp(`${escapeRegExp(scriptBreakout)}$`))
      expect(await damage(page)).toEqual({pwned: null, scripts: ['application/ld+json'], injected: 0, links: []})
    }
  })

  it('runs nothing on the index either', async () => {
    await page.goto(`${site.url}/it/treatments`)
    expect(await page.locator('.treatment-card h2').innerText()).toMatch(/ "><svg onload=alert\(1\)>$/)
    expect(await damage(page)).toEqual({pwned: null, scripts: [], injected: 0, links: []})
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
