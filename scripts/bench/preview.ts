import {copyFile, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {startStudioLake} from '@treatments/local-lake'

import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {launchChromium} from '../../tests/browser/chromium.ts'
import {defaultDatasetPath} from '../lib/paths.ts'
import {startPreviewSite} from '../lib/preview-site.ts'
import {ensureStudioBuilt, studioDistDir} from '../lib/studio-build.ts'

const EDITS = 24
// The Italian page lives at its own slug (another language's slug redirects to it).
const slug = 'mesoterapia-cellulite'

/**
 * Form edit → preview frame, in Chromium, as `pnpm studio` runs them: the built Studio's
 * Presentation tool beside the example site in draft mode, on a copy of the dataset. Each edit
 * fills the Italian text of a contraindication in the form; the time runs until the frame's page
 * shows it: the Studio lays the form's unsaved state over the page's documents and posts them over
 * Presentation's loader channel, and the preview's script writes the page from them, before the
 * Studio saves (it batches saves for up to a second). Without that channel (outside the Studio)
 * the page follows the lake's saves instead, about 1 s after an edit.
 * Opt-in (`pnpm bench --only preview`): the Studio and Chromium take a minute to start.
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  await ensureStudioBuilt({announce: (reason) => options.progress(`building the Studio: ${reason}`)})
  const directory = await mkdtemp(join(tmpdir(), 'bench-preview-'))
  const file = join(directory, 'dataset.ndjson')
  await copyFile(defaultDatasetPath, file)
  const studio = await startStudioLake({datasets: {production: file}, studioDir: studioDistDir, port: 0, host: '127.0.0.1', certificateDir: join(directory, 'tls')})
  const site = await startPreviewSite(studio)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ignoreHTTPSErrors: true, viewport: {width: 1440, height: 960}})
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    const path = `/preview/it/treatments/${slug}`
    options.progress('opening the Presentation tool')
    await page.goto(new URL(`/presentation?preview=${encodeURIComponent(`${site.url}${path}`)}#token=${studio.token}`, studio.url).href)
    const frame = async () => {
      for (;;) {
        const found = page.frames().find((candidate) => candidate.url() === `${site.url}${path}`)
        if (found) return found
        await page.waitForEvent('framenavigated')
      }
    }
    const preview = await frame()
    const item = preview.locator('[data-sanity*="id=contraindication-pregnancy;"]').first()
    await item.waitFor()
    await item.click()
    const input = page.locator('[data-testid="document-pane"]').last().locator(`input[id='text[_key=="it"].value']`)
    await input.waitFor()
    const shows = (text: string) =>
      preview.waitForFunction((expected) => document.querySelector('#who-cannot-have-it')?.textContent?.includes(expected) ?? false, text, {polling: 'raf', timeout: 30_000})
    // The frame's own part of each edit (documents in → page written and swapped), as the
    // preview script measures it: the rest is the Studio's (form → loader answer posted).
    const lastWrite = () => preview.evaluate(() => performance.getEntriesByName('treatments-preview:write').at(-1)?.duration ?? Number.NaN)
    const timings: number[] = []
    for (let index = 0; index < EDITS; index++) {
      const text = `Gravidanza (modifica ${index + 1})`
      const started = performance.now()
      await input.fill(text)
      await shows(text)
      timings.push(performance.now() - started)
      options.progress(`edit ${index + 1}/${EDITS}: ${Math.round(timings.at(-1)!)} ms (the frame wrote the page in ${Math.round(await lastWrite())} ms)`)
    }
    const sorted = timings.toSorted((a, b) => a - b)
    const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!
    const description = `form edit → preview frame shows it, ${EDITS} edits in Chromium (Presentation tool, example site in draft mode, local lake)`
    return {
      preview_edit_to_frame_median: {value: at(0.5), unit: 'ms', goal: {atMost: 500}, description, peer: "Sanity's hosted live preview: about 1 s"},
      preview_edit_to_frame_p95: {value: at(0.95), unit: 'ms', goal: {atMost: 1000}, description},
    }
  } finally {
    await browser.close()
    await site.close()
    await studio.close()
    await rm(directory, {recursive: true, force: true})
  }
}
