import type {Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, startStudioHarness} from './studio-harness.ts'

// The real Studio in Chromium: a translation made only of invisible characters is an error in
// the field where it is typed, and Publish stays blocked until it is written or cleared.

let harness: StudioHarness

beforeAll(async () => {
  harness = await startStudioHarness()
}, 900_000)

afterAll(async () => {
  await harness?.close()
})

const id = 'contraindication-obesity'

async function openContraindication(): Promise<{page: Page; pane: Locator}> {
  const {page} = await harness.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(new URL(`/structure/contraindication;${id}#token=${harness.studio.token}`, harness.studio.url).href)
  const pane = page.locator('[data-testid="document-pane"]').last()
  return {page, pane}
}

async function stored(documentId: string): Promise<Record<string, unknown> | undefined> {
  return (await harness.readDocuments()).find((document) => document._id === documentId)
}

function italian(document: Record<string, unknown> | undefined): unknown {
  return ((document?.text ?? []) as Array<{language?: string; value?: unknown}>).find((item) => item.language === 'it')?.value
}

describe('an invisible translation', () => {
  it('shows an error naming U+200B on the Italian field and blocks Publish; an empty field publishes', async () => {
    const {page, pane} = await openContraindication()
    const input = pane.locator(`input[id='text[_key=="it"].value']`)
    await expect.poll(() => input.inputValue(), {timeout: 60_000}).toBe('Obesità')
    const before = italian(await stored(id))

    await input.fill('\u200B')
    await expect.poll(async () => italian(await stored(`drafts.${id}`)), {timeout: 30_000}).toBe('\u200B')
    const message = 'The IT text has no visible character, only U+200B ZERO WIDTH SPACE'
    const publish = pane.locator('[data-testid="action-publish"]')
    // The Italian item's status icon turns to an error; hovering it says why, where it is typed.
    const field = pane.locator('[data-testid="field-text"]')
    const header = field.locator('[data-ui="fieldHeaderContentBox"]', {has: page.locator(`label[for='text[_key=="it"].value']`)})
    const icon = header.locator('[data-testid="input-validation-icon-error"]')
    const tooltip = page.locator('[data-ui="Tooltip"]').getByText(message)
    await expect
      .poll(
        async () => {
          if ((await icon.count()) === 0) return false
          await icon.hover()
          return tooltip.isVisible()
        },
        {timeout: 30_000},
      )
      .toBe(true)
    await harness.screenshot(page, 'invisible-text-error')
    expect(await publish.isDisabled()).toBe(true)
    expect(italian(await stored(id))).toBe(before)

    // Cleared, it is allowed (the site falls back to English and marks it).
    await input.fill('')
    await expect.poll(() => icon.count(), {timeout: 30_000}).toBe(0)
    await expect.poll(() => publish.isEnabled(), {timeout: 30_000}).toBe(true)
    await publish.click()
    await expect.poll(async () => (await stored(`drafts.${id}`)) === undefined && italian(await stored(id)) !== before, {timeout: 30_000}).toBe(true)
    expect([undefined, '']).toContain(italian(await stored(id)))
  }, 240_000)
})
