import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {createTreatmentContent} from '@treatments/content'
import type {DatasetDocument} from '@treatments/content/dataset'
import {startSite, type RunningSite} from '@treatments/example-site'
import type {Browser, BrowserContext, Frame, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {pageDocumentsParams, pageDocumentsQuery} from '../../packages/example-site/src/preview-client/studio-documents.ts'
import {launchChromium} from '../browser/chromium.ts'
import {startTempLake, type TempLake} from '../translations/support/temp-lake.ts'

// The preview page hears the Studio's loader channel (`@sanity/comlink`) from the Studio alone, in
// Chromium. A stand-in Studio on another port of the site's host (same site, as
// studio.example.com beside www.example.com) frames the preview the way the Presentation tool
// does, through `/preview/enable`; a hostile page on another host speaks the same messages.

const italianPath = '/it/treatments/mesoterapia-cellulite'
const real = 'Gravidanza'
const spoofed = 'Allattamento (testo falso)'
const fromStudio = 'Gravidanza, anche solo sospetta'

let fixture: TempLake
let site: RunningSite
let browser: Browser
let studio: {server: Server; origin: string}
let hostile: {server: Server; origin: string}
let documents: DatasetDocument[]

/** A page server: `/frame?src=URL` frames `URL` (the stand-in Presentation tool), any other path is blank. */
async function pageServer(host: string): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const src = new URL(request.url ?? '/', 'http://x').searchParams.get('src') ?? 'about:blank'
    const attribute = src.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
    response.end(request.url?.startsWith('/frame') ? `<!doctype html><title>studio</title><iframe src="${attribute}"></iframe>` : '<!doctype html><title>page</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {server, origin: `http://${host}:${(server.address() as AddressInfo).port}`}
}

beforeAll(async () => {
  ;[fixture, studio, hostile, browser] = await Promise.all([startTempLake(), pageServer('127.0.0.1'), pageServer('localhost'), launchChromium()])
  const content = createTreatmentContent({source: {projectId: 'local', dataset: 'production', apiHost: fixture.lake.url}})
  site = await startSite({content, port: 0, preview: {client: fixture.client, studioOrigins: [studio.origin]}, onError: () => {}})
  documents = await fixture.client.fetch(pageDocumentsQuery, pageDocumentsParams, {perspective: 'drafts'})
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await fixture?.close()
  for (const page of [studio, hostile]) await new Promise((resolve) => page?.server.close(resolve))
})

/** The page's documents with the pregnancy contraindication's Italian text replaced. */
const withPregnancyText = (value: string): DatasetDocument[] =>
  documents.map((document) =>
    document._id === 'contraindication-pregnancy'
      ? {...document, text: (document.text as Array<{language: string}>).map((item) => (item.language === 'it' ? {...item, value} : item))}
      : document,
  )

/**
 * Posts, from `page`, what the Presentation tool's loader channel says to a frame: handshake syn
 * and ack, then a `loader/query-change` answering the page's query with `result`. `target` is an
 * expression for the frame's window in `page`.
 */
async function speakAsStudio(page: Page, target: string, result: DatasetDocument[]): Promise<void> {
  const {projectId, dataset} = fixture.client.config()
  await page.evaluate(
    ({target, data}) => {
      const frame = (0, eval)(target) as Window
      const base = {domain: 'sanity/comlink', from: 'presentation', to: 'loaders', channelId: 'spoken'}
      frame.postMessage({...base, id: 'syn', type: 'comlink/handshake/syn'}, '*')
      frame.postMessage({...base, id: 'ack', type: 'comlink/handshake/ack'}, '*')
      frame.postMessage({...base, id: 'change', type: 'loader/query-change', data}, '*')
    },
    {target, data: {projectId, dataset, perspective: 'drafts', query: pageDocumentsQuery, params: pageDocumentsParams, result}},
  )
}

/** Records, in every frame and before any of its scripts, each message it receives (origin and type). */
async function recordingContext(): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    const received: Array<{origin: string; type: unknown}> = []
    Object.assign(window, {receivedMessages: received})
    window.addEventListener('message', (event) => received.push({origin: event.origin, type: (event.data as {type?: unknown} | null)?.type}), {capture: true})
  })
  return context
}

const received = (frame: Frame) => frame.evaluate(() => (window as unknown as {receivedMessages: Array<{origin: string; type: unknown}>}).receivedMessages)
const revision = (frame: Frame) => frame.evaluate(() => Number(document.documentElement.dataset.previewRevision ?? '0'))
const contraindications = (frame: Frame | Page) => frame.locator('#who-cannot-have-it li.contraindication .item-title').allInnerTexts()
const enableUrl = async () => {
  const {secret} = await createPreviewSecret(fixture.client, 'test', studio.origin)
  return `${site.url}/preview/enable?sanity-preview-secret=${encodeURIComponent(secret)}&sanity-preview-pathname=${encodeURIComponent(italianPath)}`
}

/**
 * A hostile page that opens the Studio (the editor's session goes with it) and keeps its window
 * as `window.studio`; the Studio frames the preview of {@link italianPath}, loaded.
 */
async function attackerWithStudio(context: BrowserContext): Promise<{attacker: Page; studioPage: Page; frame: Frame}> {
  const attacker = await context.newPage()
  await attacker.goto(`${hostile.origin}/`)
  const studioPageOpened = context.waitForEvent('page')
  await attacker.evaluate((url) => void Object.assign(window, {studio: window.open(url)}), `${studio.origin}/frame?src=${encodeURIComponent(await enableUrl())}`)
  const studioPage = await studioPageOpened
  const url = `${site.url}/preview${italianPath}`
  await expect.poll(() => studioPage.frames().some((frame) => frame.url() === url), {timeout: 30_000}).toBe(true)
  const frame = studioPage.frames().find((frame) => frame.url() === url)!
  await frame.waitForLoadState('load')
  return {attacker, studioPage, frame}
}

/** The Presentation tool's side of the overlays channel (what `enableVisualEditing` listens to). */
const overlaysChannel = {domain: 'sanity/comlink', from: 'presentation', to: 'visual-editing', channelId: 'overlays'}

/**
 * Connects the stand-in Studio to its frame's overlays channel, as the Presentation tool does (syn
 * again until the node, started by the overlays once they render, answers).
 */
async function connectOverlays(studioPage: Page): Promise<void> {
  await studioPage.evaluate(
    (base) =>
      new Promise<void>((resolve) => {
        const frame = window.frames[0]!
        const syn = setInterval(() => frame.postMessage({...base, id: 'syn', type: 'comlink/handshake/syn'}, '*'), 100)
        window.addEventListener('message', (event) => {
          if (event.source !== frame || !/handshake\/syn-ack$/.test(String((event.data as {type?: unknown} | null)?.type))) return
          clearInterval(syn)
          frame.postMessage({...base, id: 'ack', type: 'comlink/handshake/ack'}, '*')
          resolve()
        })
      }),
    overlaysChannel,
  )
}

/** The types of the messages the frame received from `origin`, in order. */
const receivedFrom = async (frame: Frame, origin: string) => (await received(frame)).filter((message) => message.origin === origin).map(({type}) => type)

describe("the preview frame and the Presentation tool's messages, in Chromium", () => {
  it("a page that opened the Studio cannot write the frame's page through it; the Studio can", {timeout: 120_000}, async () => {
    const context = await recordingContext()
    try {
      const {attacker, studioPage, frame} = await attackerWithStudio(context)
      expect(await contraindications(frame)).toContain(real)
      expect(await revision(frame)).toBe(0)
      // Every contraindication text the frame ever shows, however briefly.
      await frame.evaluate(() => {
        const shown = new Set<string>()
        const read = () => document.querySelectorAll('#who-cannot-have-it li.contraindication .item-title').forEach((item) => shown.add(item.textContent ?? ''))
        new MutationObserver(read).observe(document.body, {childList: true, subtree: true, characterData: true})
        Object.assign(window, {shownContraindications: shown})
      })

      // Through the Studio's window, into its frame: what a handle on the Studio allows.
      await speakAsStudio(attacker, 'window.studio.frames[0]', withPregnancyText(spoofed))
      // Every message reached the frame (the test is not vacuous) before the Studio speaks.
      await expect.poll(() => receivedFrom(frame, hostile.origin), {timeout: 30_000}).toEqual(['comlink/handshake/syn', 'comlink/handshake/ack', 'loader/query-change'])

      // The same messages from the Studio's own window are heard: the page is written once, the Studio's text.
      await speakAsStudio(studioPage, 'window.frames[0]', withPregnancyText(fromStudio))
      await expect.poll(() => contraindications(frame), {timeout: 30_000}).toContain(fromStudio)
      expect(await frame.evaluate(() => [...(window as unknown as {shownContraindications: Set<string>}).shownContraindications])).not.toContain(spoofed)
      expect(await revision(frame)).toBe(1)
    } finally {
      await context.close()
    }
  })

  it("neither can it steer the overlays' channel (enableVisualEditing) to navigate the frame to its own page", {timeout: 120_000}, async () => {
    const context = await recordingContext()
    const phished: string[] = []
    const record = (request: IncomingMessage) => void phished.push(request.url ?? '')
    hostile.server.on('request', record)
    try {
      const {attacker, studioPage, frame} = await attackerWithStudio(context)
      const base = overlaysChannel
      // The Studio connects first: the node is running when the attack comes.
      await connectOverlays(studioPage)
      const phishing = `${hostile.origin}/phishing-preview`
      await attacker.evaluate(
        ({base, url}) => {
          const frame = (window as unknown as {studio: Window}).studio.frames[0]!
          frame.postMessage({...base, id: 'syn2', type: 'comlink/handshake/syn'}, '*')
          frame.postMessage({...base, id: 'ack2', type: 'comlink/handshake/ack'}, '*')
          frame.postMessage({...base, id: 'go', type: 'presentation/navigate', data: {type: 'push', url}}, '*')
        },
        {base, url: phishing},
      )
      const frameUrl = () => studioPage.mainFrame().childFrames()[0]?.url()
      // Every message reached the frame, or the frame already left for the attacker's page.
      const heard = async () => (frameUrl()?.startsWith(hostile.origin) ? `navigated to ${frameUrl()}` : (await receivedFrom(frame, hostile.origin)).join())
      await expect.poll(heard, {timeout: 30_000}).toMatch(/^navigated|presentation\/navigate$/)
      expect(await heard()).toBe('comlink/handshake/syn,comlink/handshake/ack,presentation/navigate')

      // The Studio's own navigation is followed: the frame goes where it asks, never to the attacker's page.
      const german = `${site.url}/preview/de/treatments/mesotherapie-cellulite`
      await studioPage.evaluate(
        ({base, url}) => window.frames[0]!.postMessage({...base, id: 'go2', type: 'presentation/navigate', data: {type: 'push', url}}, '*'),
        {base, url: german},
      )
      await expect.poll(frameUrl, {timeout: 30_000}).toSatisfy((url) => url === german || url?.startsWith(hostile.origin) === true)
      expect(frameUrl()).toBe(german)
      expect(phished).not.toContain('/phishing-preview')
    } finally {
      hostile.server.off('request', record)
      await context.close()
    }
  })

  it('the Studio itself can send the frame only to pages of the site: not to another site, nor to a javascript: address', {timeout: 120_000}, async () => {
    const context = await recordingContext()
    const visited: string[] = []
    const record = (request: IncomingMessage) => void visited.push(request.url ?? '')
    hostile.server.on('request', record)
    try {
      const {studioPage, frame} = await attackerWithStudio(context)
      await connectOverlays(studioPage)
      const navigate = (url: string) =>
        studioPage.evaluate(({base, url}) => window.frames[0]!.postMessage({...base, id: url, type: 'presentation/navigate', data: {type: 'push', url}}, '*'), {base: overlaysChannel, url})
      const navigations = async () => (await receivedFrom(frame, studio.origin)).filter((type) => type === 'presentation/navigate').length
      const italian = frame.url()
      const refused = ['javascript:void(document.documentElement.dataset.ran = "yes")', `${hostile.origin}/elsewhere`]
      for (const [index, url] of refused.entries()) {
        await navigate(url)
        await expect.poll(navigations, {timeout: 30_000}).toBe(index + 1)
        // A navigation the frame started would have begun by now.
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect(frame.url()).toBe(italian)
        expect(await frame.evaluate(() => document.documentElement.dataset.ran)).toBeUndefined()
      }
      // A page of the site, given by its path: followed.
      await navigate('/preview/de/treatments/mesotherapie-cellulite')
      const frameUrl = () => studioPage.mainFrame().childFrames()[0]?.url()
      await expect.poll(frameUrl, {timeout: 30_000}).toBe(`${site.url}/preview/de/treatments/mesotherapie-cellulite`)
      // Messages are handled in order: had the other site's address been followed, it was asked for by now.
      expect(visited).not.toContain('/elsewhere')
    } finally {
      hostile.server.off('request', record)
      await context.close()
    }
  })

  it('a page that opens the preview itself holds no handle on it (Cross-Origin-Opener-Policy), and the page shows the real text', {timeout: 120_000}, async () => {
    const context = await recordingContext()
    try {
      // The draft-mode cookie, as the Studio's frame leaves it in the site's own partition.
      const enabling = await context.newPage()
      await enabling.goto(await enableUrl())
      expect(new URL(enabling.url()).pathname).toBe(`/preview${italianPath}`)
      await enabling.close()

      const attacker = await context.newPage()
      await attacker.goto(`${hostile.origin}/`)
      const url = `${site.url}/preview${italianPath}`
      await attacker.evaluate((url) => void Object.assign(window, {preview: window.open(url)}), url)
      // Found by its address: the policy moves it to a new browsing context group (another page).
      await expect.poll(() => context.pages().some((page) => page.url() === url), {timeout: 30_000}).toBe(true)
      const preview = context.pages().find((page) => page.url() === url)!
      await preview.waitForLoadState('load')
      expect(await contraindications(preview)).toContain(real)
      expect(await attacker.evaluate(() => (window as unknown as {preview: Window}).preview.closed)).toBe(true)
    } finally {
      await context.close()
    }
  })
})
