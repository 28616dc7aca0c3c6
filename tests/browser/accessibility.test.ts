import {existsSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {AxeBuilder} from '@axe-core/playwright'
import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import {startSite, type RunningSite} from '@treatments/example-site'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'
import {launchChromium} from './chromium.ts'
import {watchProblems} from './problems.ts'

// Accessibility of the pages a patient reads, checked with axe-core in Chromium: every locale,
// desktop and a 390 px phone, zoomed to 200% and 400%, and by keyboard.

const slug = 'mesotherapy-cellulite'
/** The page's own slug in each language (content/dataset.ndjson). */
const slugs: Record<string, string> = {en: slug, it: 'mesoterapia-cellulite', de: 'mesotherapie-cellulite'}
const locales = ['en', 'it', 'de'] as const
const viewports = {desktop: {width: 1280, height: 900}, mobile: {width: 390, height: 844}} as const
/** WCAG 2.1 A and AA, plus axe's best practices (heading order, landmarks, one `h1`). */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
const docsScreenshots = join(repoRoot, 'docs/screenshots')

let site: RunningSite
let browser: Browser
const contexts: BrowserContext[] = []
const problems: string[] = []

beforeAll(async () => {
  const content = createTreatmentContent({source: localDataset(defaultDatasetPath)})
  ;[site, browser] = await Promise.all([startSite({content, port: 0, host: '127.0.0.1'}), launchChromium()])
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
  expect(problems.splice(0)).toEqual([])
})

/** A new tab of `viewport` size (CSS pixels) whose browser problems fail the test. */
async function tab(viewport: {width: number; height: number}, locale: string): Promise<Page> {
  const context = await browser.newContext({viewport, locale, isMobile: viewport.width < 500, hasTouch: viewport.width < 500})
  contexts.push(context)
  const seen = watchProblems(context)
  context.on('close', () => problems.push(...seen))
  return context.newPage()
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${site.url}${path}`)
  expect(response?.status()).toBe(200)
}

/** axe's violations, each as `rule (impact): selector…`, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({page}).withTags(axeTags).analyze()
  // axe ran its rules: contrast, landmarks, headings, lang, names…
  expect(results.passes.length).toBeGreaterThan(15)
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replaceAll('\n', ' ') ?? violation.help}`),
  )
}

const pages = locales.flatMap((locale) => [
  [`/${locale}/treatments`, locale],
  [`/${locale}/treatments/${slugs[locale]}`, locale],
]) as Array<[string, string]>

describe('accessibility (axe-core, WCAG 2.1 A/AA and best practices)', () => {
  for (const [name, viewport] of Object.entries(viewports)) {
    it.each(pages)(`has no violations on %s (${name})`, async (path, locale) => {
      const page = await tab(viewport, locale)
      await open(page, path)
      expect(await violations(page)).toEqual([])
    })
  }

  it('fails a page with too little contrast or skipped heading levels (the check can fail)', async () => {
    const page = await tab(viewports.desktop, 'en')
    await open(page, `/en/treatments/${slug}`)
    await page.evaluate(() => {
      const summary = document.querySelector<HTMLElement>('.summary')!
      summary.style.color = '#bbbbbb'
      document.querySelector('#who-cannot-have-it h2')!.outerHTML = '<h4>Who cannot have this treatment</h4>'
    })
    const found = await violations(page)
    expect(found.some((line) => line.startsWith('color-contrast (serious): .summary'))).toBe(true)
    expect(found.some((line) => line.startsWith('heading-order'))).toBe(true)
  })

  it.each(pages)('reflows without horizontal scrolling when zoomed to 200 and 400 percent: %s', async (path, locale) => {
    // Zooming a 1280 px wide window to 200% leaves 640 CSS pixels; 400% leaves 320 (WCAG 1.4.10).
    for (const width of [640, 320]) {
      const page = await tab({width, height: 800}, locale)
      await open(page, path)
      const {scrollWidth, clientWidth} = await page.evaluate(() => ({scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth}))
      expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(clientWidth)
    }
  })

  it.each(locales)('shows where the keyboard focus is on every link of the %s treatment page', async (locale) => {
    const page = await tab(viewports.desktop, locale)
    await open(page, `/${locale}/treatments/${slugs[locale]}`)
    const focusable = await page.locator('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').count()
    expect(focusable).toBeGreaterThan(10)
    const seen = new Set<string>()
    for (let index = 0; index < focusable; index++) {
      await page.keyboard.press('Tab')
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null
        if (!element || element === document.body) return null
        const style = getComputedStyle(element)
        const box = element.getBoundingClientRect()
        return {
          name: `${element.tagName.toLowerCase()} ${element.textContent?.trim().slice(0, 40) ?? ''}`,
          outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.left < window.innerWidth,
        }
      })
      expect(focus, `Tab ${index + 1}`).not.toBeNull()
      expect(focus!.outline, `${focus!.name}: no visible focus outline`).toBe(true)
      expect(focus!.onScreen, `${focus!.name}: focused but off screen`).toBe(true)
      seen.add(focus!.name)
    }
    expect(seen.size).toBeGreaterThan(10)
  })

  it('gives the skip link a target and shows it when focused', async () => {
    const page = await tab(viewports.mobile, 'it')
    await open(page, `/it/treatments/${slugs.it}`)
    await page.keyboard.press('Tab')
    const skip = page.locator('.skip-link')
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true)
    const box = await skip.boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    expect(new URL(page.url()).hash).toBe('#main')
  })

  // README screenshots: the top of the Italian and German pages, desktop and mobile.
  it.each(['it', 'de'])('screenshots the top of the %s page for the README', async (locale) => {
    const update = process.env.UPDATE_SCREENSHOTS === '1'
    for (const [name, viewport] of Object.entries(viewports)) {
      const page = await tab(viewport, locale)
      await open(page, `/${locale}/treatments/${slugs[locale]}`)
      await expect.poll(() => page.locator('.banner').isVisible()).toBe(true)
      const file = join(docsScreenshots, `treatment-${locale}${name === 'mobile' ? '-mobile' : ''}.png`)
      const target = update || !existsSync(file) ? file : join(repoRoot, 'test-results/screenshots', `top-${locale}-${name}.png`)
      await mkdir(join(target, '..'), {recursive: true})
      await page.screenshot({path: target})
    }
  })
})
