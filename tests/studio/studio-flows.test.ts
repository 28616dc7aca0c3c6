import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, recordApiResponses, startStudioHarness} from './studio-harness.ts'

// The real Sanity Studio (built for the local lake) in Chromium, on a copy of the embedded
// dataset: what an editor, a translator and someone without the token can do.

let harness: StudioHarness

beforeAll(async () => {
  harness = await startStudioHarness()
}, 900_000)

afterAll(async () => {
  await harness?.close()
})

const origin = () => new URL(harness.studio.url).origin

describe('without the token', () => {
  let page: Page

  it('shows the login screen, pointing to the address pnpm studio prints, and no content', async () => {
    const opened = await harness.newPage()
    page = opened.page
    const seen = recordApiResponses(page, origin())
    await page.goto(harness.studio.url)
    const help = page.getByRole('link', {name: /open the address pnpm studio printed/i})
    await help.waitFor({timeout: 60_000})
    await expect.poll(() => page.getByText('Choose login provider').isVisible()).toBe(true)
    await harness.screenshot(page, 'login-without-token')

    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/Mesotherapy|Treatments\n|Contraindications/)
    // The Studio asked who is logged in, was told nobody, and asked for nothing else of value.
    expect(seen.find((request) => request.path.includes('/users/me'))?.status).toBe(401)
    for (const request of seen) {
      expect(request.status, request.path).toBeGreaterThanOrEqual(400)
      expect(request.body, request.path).not.toMatch(/treatment-mesotherapy|Mesoterapia|Gravidanza/)
    }
    expect(await help.getAttribute('href')).toMatch(/^\/static\/login-help\.html\?/)
    await opened.context.close()
  })

  it('gets 401 from the user, grants and drafts endpoints when called directly from the page', async () => {
    const {context, page: direct} = await harness.newPage()
    await direct.goto(new URL('/static/login-help.html', harness.studio.url).href)
    const statuses = await direct.evaluate(async () => {
      const paths = [
        '/v2025-02-19/users/me',
        '/v2025-02-19/projects/local/datasets/production/acl',
        `/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_id in path("drafts.**")]')}&perspective=raw`,
      ]
      return Promise.all(paths.map(async (path) => [path, (await fetch(path)).status] as const))
    })
    for (const [path, status] of statuses) expect(status, path).toBe(401)
    await context.close()
  })
})
