import {copyFile, mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {type StudioLake, startStudioLake} from '@treatments/local-lake'
import type {Browser, BrowserContext, Page} from 'playwright-core'

import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'
import {ensureStudioBuilt, studioDistDir} from '../../scripts/lib/studio-build.ts'
import {launchChromium} from '../browser/chromium.ts'

/** Where Studio screenshots go (gitignored, kept by CI as artifacts). */
export const artifacts = join(repoRoot, 'test-results/studio')

/** The real Studio, built for the local lake, on a private copy of the embedded dataset, in Chromium. */
export interface StudioHarness {
  studio: StudioLake
  browser: Browser
  /** The dataset file the lake writes (a copy of content/dataset.ndjson). */
  file: string
  /** The documents now in {@link file}. */
  readDocuments(): Promise<Array<Record<string, unknown> & {_id: string}>>
  /** A fresh browser context (trusting the self-signed certificate) and page. */
  newPage(): Promise<{context: BrowserContext; page: Page}>
  /** Saves a screenshot as `test-results/studio/<name>.png`. */
  screenshot(page: Page, name: string): Promise<string>
  /**
   * Stops the Studio server and starts it again on the same port, certificate folder and dataset
   * (as an editor restarting `pnpm studio`); {@link studio} is then the new one. `gapMs` is how
   * long nothing listens in between.
   */
  restart(gapMs?: number): Promise<void>
  close(): Promise<void>
}

/**
 * Starts the harness: reuses `studio/dist` when it is a fresh build for the local lake (the
 * `check` script builds it before the tests), else builds it; then starts the Studio server on a
 * free port over a copy of the dataset, and Chromium (installed when missing; never skipped).
 */
export async function startStudioHarness(): Promise<StudioHarness> {
  await ensureStudioBuilt({announce: (reason) => process.stderr.write(`Building the Studio for the browser tests: ${reason}\n`)})
  const directory = await mkdtemp(join(tmpdir(), 'studio-flows-'))
  const file = join(directory, 'dataset.ndjson')
  await copyFile(defaultDatasetPath, file)
  await mkdir(artifacts, {recursive: true})
  let studio: StudioLake | undefined
  let browser: Browser | undefined
  const start = (port: number) =>
    startStudioLake({datasets: {production: file}, studioDir: studioDistDir, port, host: '127.0.0.1', certificateDir: join(directory, 'tls')})
  try {
    ;[studio, browser] = await Promise.all([start(0), launchChromium()])
  } catch (error) {
    await Promise.allSettled([studio?.close(), browser?.close()])
    await rm(directory, {recursive: true, force: true})
    throw error
  }
  const running = {studio, browser}
  return {
    get studio() {
      return running.studio
    },
    browser: running.browser,
    file,
    async restart(gapMs = 0) {
      const {port} = running.studio
      await running.studio.close()
      await new Promise((done) => setTimeout(done, gapMs))
      running.studio = await start(port)
    },
    async readDocuments() {
      const text = await readFile(file, 'utf8')
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown> & {_id: string})
    },
    async newPage() {
      // The certificate is made per run; a real editor accepts it once (README, "Editors").
      const context = await running.browser.newContext({ignoreHTTPSErrors: true, viewport: {width: 1440, height: 960}, locale: 'en-GB'})
      const page = await context.newPage()
      return {context, page}
    },
    async screenshot(page, name) {
      const path = join(artifacts, `${name}.png`)
      await page.screenshot({path})
      return path
    },
    async close() {
      await Promise.allSettled([running.browser.close(), running.studio.close()])
      await rm(directory, {recursive: true, force: true})
    },
  }
}

/** Requests a page made to the Studio server's API, with their status, to check what leaked. */
export interface SeenRequest {
  method: string
  path: string
  status: number
  /** The response body ('' for an open listen stream, which never ends). */
  body: string
  /** Why the body could not be read, when it could not: a check of bodies must not pass over it. */
  unread?: string
}

/** What {@link recordApiResponses} saw. */
export interface ApiResponses {
  /** Every response seen so far, once all their bodies are read (or failed to be). */
  settled(): Promise<SeenRequest[]>
}

/**
 * Records every API response (`/v…/`) the page receives from `origin`, body included. A body that
 * cannot be read is recorded with the reason (`unread`), not skipped, so a "no content leaks"
 * loop sees it.
 */
export function recordApiResponses(page: Page, origin: string): ApiResponses {
  const reads: Array<Promise<SeenRequest>> = []
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (url.origin !== origin || !/^\/v[^/]+\//.test(url.pathname)) return
    const seen = {method: response.request().method(), path: `${url.pathname}${url.search}`, status: response.status()}
    const stream = url.pathname.includes('/data/listen/') && response.status() < 400
    reads.push(
      stream
        ? Promise.resolve({...seen, body: ''})
        : response.text().then(
            (body) => ({...seen, body}),
            (error: unknown) => ({...seen, body: '', unread: error instanceof Error ? error.message : String(error)}),
          ),
    )
  })
  return {settled: () => Promise.all(reads)}
}

/**
 * Shows `href` as the browser's Back and Forward buttons do: the Studio's router reads the new URL
 * and renders it. A `page.goto` instead boots the whole Studio bundle again (2 s, and the next
 * step 3–5 s slower, on two loaded cores), about 40 times in studio-controls.
 */
export async function navigateInApp(page: Page, href: string): Promise<void> {
  await page.evaluate((target) => {
    history.pushState(null, '', target)
    dispatchEvent(new PopStateEvent('popstate'))
  }, href)
  await page.waitForURL(href)
}
