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

  it('a page on another site cannot frame the Studio', async () => {
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
      // The Studio's server refuses a cross-site frame (Sec-Fetch-Dest), and its files may be framed
      // by its own origin only (frame-ancestors, X-Frame-Options): the frame never shows the Studio.
      const refused = async () =>
        frame.url().startsWith('chrome-error:') || /refuses cross-site requests/.test(await frame.locator('body').innerText({timeout: 1_000}).catch(() => ''))
      await expect.poll(refused, {timeout: 30_000}).toBe(true)
      expect(await frame.locator('[data-ui]').count()).toBe(0)
    } finally {
      await context.close()
    }
  }, 120_000)
})
