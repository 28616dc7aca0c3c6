import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, startStudioHarness} from './studio-harness.ts'

// The real Studio in Chromium across a restart of its server (`pnpm studio` stopped and started
// again): the token is kept, so an open tab goes on working; a refused token says so.

let harness: StudioHarness

beforeAll(async () => {
  harness = await startStudioHarness()
}, 900_000)

afterAll(async () => {
  await harness?.close()
})

const crashed = /structure tool crashed|An error occurred that Sanity Studio was unable to recover from/i

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  return (await harness.readDocuments()).find((document) => document._id === id)
}

function italian(document: Record<string, unknown> | undefined): unknown {
  return ((document?.text ?? []) as Array<{language?: string; value?: unknown}>).find((item) => item.language === 'it')?.value
}

describe('a Studio tab opened before pnpm studio restarts', () => {
  it('keeps loading and saving documents after the server restarts on the same port', async () => {
    const {page} = await harness.newPage()
    page.setDefaultTimeout(30_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(new URL(`/structure/contraindication;contraindication-diabetes#token=${harness.studio.token}`, harness.studio.url).href)
    const pane = page.locator('[data-testid="document-pane"]').last()
    const input = pane.locator(`input[id='text[_key=="it"].value']`)
    await expect.poll(() => input.inputValue(), {timeout: 60_000}).toBe('Diabete')

    // Stopped for two seconds (the listen streams drop and retry), then started again.
    await harness.restart(2_000)

    // The same tab: it edits, and the edit reaches the file through the new server.
    await expect.poll(async () => crashed.test(await page.locator('body').innerText()), {timeout: 10_000}).toBe(false)
    await input.fill('Diabete non controllato')
    await expect.poll(async () => italian(await stored('drafts.contraindication-diabetes')), {timeout: 60_000}).toBe('Diabete non controllato')
    // It opens another document from the list.
    // (The list re-queries when its listener reconnects, so a click can meet a row being replaced.)
    await expect
      .poll(
        async () => {
          await page.getByRole('link', {name: /Pregnancy/}).first().click({timeout: 5_000}).catch(() => {})
          return page.url()
        },
        {timeout: 60_000},
      )
      .toMatch(/contraindication-pregnancy/)
    await harness.screenshot(page, 'session-other-document')
    await expect.poll(() => page.locator(`input[id='text[_key=="it"].value']`).last().inputValue(), {timeout: 60_000}).toBe('Gravidanza')
    await page.waitForTimeout(2_000)
    expect(await page.locator('body').innerText()).not.toMatch(crashed)
    await harness.screenshot(page, 'session-after-restart')
    expect(errors).toEqual([])
    await page.context().close()
  }, 240_000)
})

describe('a refused token', () => {
  let page: Page

  it('says on the login screen that the token was refused, and the help page says what to open', async () => {
    const opened = await harness.newPage()
    page = opened.page
    page.setDefaultTimeout(30_000)
    // A token from an earlier server (another computer's, or one since replaced).
    await page.goto(new URL(`/#token=${'x'.repeat(43)}`, harness.studio.url).href)
    const button = page.getByRole('link', {name: /refused/i})
    await button.waitFor({timeout: 60_000})
    await harness.screenshot(page, 'login-token-refused')
    // The whole label is shown, not cut off.
    const cut = await button.evaluate((element) => [...element.querySelectorAll('*'), element].some((node) => node.scrollWidth > node.clientWidth + 1))
    expect(cut).toBe(false)

    await button.click()
    await page.waitForURL(/login-help\.html/)
    const help = page.locator('body')
    await expect.poll(() => help.innerText()).toMatch(/refused/)
    expect(await help.innerText()).toContain(`https://local.localhost:${harness.studio.port}/#token=`)
    await harness.screenshot(page, 'login-help-refused')
    await opened.context.close()
  }, 120_000)

  it('without any token, the login screen and help page say how to log in, not that a token was refused', async () => {
    const {context, page: fresh} = await harness.newPage()
    await fresh.goto(harness.studio.url)
    const button = fresh.getByRole('link', {name: /^How to log in$/})
    await button.waitFor({timeout: 60_000})
    await harness.screenshot(fresh, 'login-no-token')
    expect(await fresh.locator('body').innerText()).not.toMatch(/refused/i)
    await button.click()
    await fresh.waitForURL(/login-help\.html/)
    await fresh.waitForTimeout(1_000)
    expect(await fresh.locator('body').innerText()).not.toMatch(/refused/i)
    await context.close()
  }, 120_000)
})
