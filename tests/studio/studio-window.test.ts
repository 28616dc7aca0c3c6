import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, startStudioHarness} from './studio-harness.ts'

// A page on another site and the real Studio's window, in Chromium: the page may link to the
// Studio, but keeps no handle on the window it opened and cannot frame it.

let harness: StudioHarness
let hostile: {server: Server; origin: string}

beforeAll(async () => {
  const server = createServer((_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
    response.end('<!doctype html><title>another site</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hostile = {server, origin: `http://localhost:${(server.address() as AddressInfo).port}`}
  harness = await startStudioHarness()
}, 900_000)

afterAll(async () => {
  await harness?.close()
  await new Promise((resolve) => hostile?.server.close(resolve))
})

describe("the Studio's window and another site", () => {
  it('a page that opens the Studio holds no handle on it (it cannot navigate it away), and the Studio works', async () => {
    const {context, page} = await harness.newPage()
    try {
      await page.goto(`${hostile.origin}/`)
      const studioUrl = new URL(`/structure/contraindication#token=${harness.studio.token}`, harness.studio.url).href
      const opened = context.waitForEvent('page')
      await page.evaluate((url) => void Object.assign(window, {studio: window.open(url)}), studioUrl)
      const studio = await opened
      await studio.getByRole('link', {name: /Pregnancy/}).first().waitFor({timeout: 60_000})
      // Cross-Origin-Opener-Policy put the Studio in a browsing context group of its own: to the
      // opener the window is closed, and assigning its location goes nowhere.
      expect(await page.evaluate(() => (window as unknown as {studio: Window}).studio.closed)).toBe(true)
      await page.evaluate((origin) => {
        try {
          ;(window as unknown as {studio: Window}).studio.location.href = `${origin}/look-alike`
        } catch {
          // A closed window's location may throw; either way it must not move the Studio.
        }
      }, hostile.origin)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(new URL(studio.url()).origin).toBe(new URL(harness.studio.url).origin)
    } finally {
      await context.close()
    }
  }, 120_000)

  it('a page on another site cannot frame the Studio (the server refuses the cross-site frame; start-studio-lake.test.ts checks the frame-ancestors and X-Frame-Options headers that hold browsers without Sec-Fetch-*)', async () => {
    const {context, page} = await harness.newPage()
    try {
      await page.goto(`${hostile.origin}/`)
      const studioUrl = new URL(`/structure/contraindication#token=${harness.studio.token}`, harness.studio.url).href
      await page.evaluate((url) => {
        const frame = document.createElement('iframe')
        frame.src = url
        document.body.append(frame)
      }, studioUrl)
      await expect.poll(() => page.frames().length, {timeout: 30_000}).toBe(2)
      const frame = page.frames()[1]!
      // The Studio's server refuses a cross-site frame (Sec-Fetch-Dest): the frame never shows the Studio.
      const refused = async () =>
        frame.url().startsWith('chrome-error:') || /refuses cross-site requests/.test(await frame.locator('body').innerText({timeout: 1_000}).catch(() => ''))
      await expect.poll(refused, {timeout: 30_000}).toBe(true)
      expect(await frame.locator('[data-ui]').count()).toBe(0)
    } finally {
      await context.close()
    }
  }, 120_000)

  it('"Preview in a new window" with pop-ups blocked: a dialog says so, and no preview secret is written', async () => {
    const {context, page} = await harness.newPage()
    try {
      // A pop-up blocker: window.open gives no window.
      await context.addInitScript(() => {
        window.open = () => null
      })
      await page.goto(new URL(`/structure/contraindication;contraindication-obesity#token=${harness.studio.token}`, harness.studio.url).href)
      const pane = page.locator('[data-testid="document-pane"]').last()
      await pane.locator(`input[id='text[_key=="en"].value']`).waitFor({timeout: 60_000})
      const secrets = async () => (await harness.readDocuments()).filter((document) => document._type === 'sanity.previewUrlSecret').length
      const before = await secrets()
      await pane.getByRole('button', {name: 'Open document actions'}).click()
      await page.getByRole('menuitem', {name: 'Preview in a new window'}).click()
      await page.getByRole('dialog').getByText('The browser blocked the new window').waitFor({timeout: 30_000})
      expect(context.pages()).toHaveLength(1)
      expect(await secrets()).toBe(before)
    } finally {
      await context.close()
    }
  }, 120_000)
})
