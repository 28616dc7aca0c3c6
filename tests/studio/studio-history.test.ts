import {historyFileOf, readHistoryLog} from '@treatments/local-lake'
import type {Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, startStudioHarness} from './studio-harness.ts'

// The real Studio (built for the local lake) in Chromium: the history panel of an edited
// contraindication, read from the lake's history log, and restoring the previous version.

let harness: StudioHarness

beforeAll(async () => {
  harness = await startStudioHarness()
}, 900_000)

afterAll(async () => {
  await harness?.close()
})

const id = 'contraindication-pregnancy'

async function openStudio(path: string): Promise<Page> {
  const {page} = await harness.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(new URL(`${path}#token=${harness.studio.token}`, harness.studio.url).href)
  return page
}

const lastDocumentPane = (page: Page): Locator => page.locator('[data-testid="document-pane"]').last()
const englishText = (pane: Locator): Locator => pane.locator(`input[id='text[_key=="en"].value']`)

async function storedEnglish(documentId: string): Promise<unknown> {
  const document = (await harness.readDocuments()).find((candidate) => candidate._id === documentId)
  const items = (document?.text ?? []) as Array<{language?: string; value?: unknown}>
  return items.find((item) => item.language === 'en')?.value
}

/** Types `value` as the English text and publishes it; waits until the file has it published. */
async function editAndPublish(pane: Locator, value: string): Promise<void> {
  await englishText(pane).fill(value)
  await expect.poll(() => storedEnglish(`drafts.${id}`), {timeout: 30_000}).toBe(value)
  const button = pane.locator('[data-testid="action-publish"]')
  await expect.poll(() => button.isEnabled(), {timeout: 30_000}).toBe(true)
  await button.click()
  await expect.poll(async () => (await storedEnglish(id)) === value && (await storedEnglish(`drafts.${id}`)) === undefined, {timeout: 30_000}).toBe(true)
}

describe('the history panel', () => {
  it('lists the edits of a contraindication from the lake’s log and restores the previous version', async () => {
    const page = await openStudio(`/structure/contraindication;${id}`)
    const pane = lastDocumentPane(page)
    await expect.poll(() => englishText(pane).inputValue(), {timeout: 60_000}).toBe('Pregnancy')
    await editAndPublish(pane, 'Pregnancy or breastfeeding')
    await editAndPublish(pane, 'Pregnancy, breastfeeding or trying to conceive')
    const {entries} = await readHistoryLog(historyFileOf(harness.file))
    // Each edit is at least one draft transaction and a publish, all logged with the Studio's author.
    const logged = entries.filter((entry) => entry.changes.some((change) => change.id === id || change.id === `drafts.${id}`))
    expect(logged.length).toBeGreaterThanOrEqual(4)
    expect(logged.filter((entry) => entry.changes.some((change) => change.id === id)).map((entry) => entry.changes.find((change) => change.id === id)?.after?.text)).toEqual([
      expect.arrayContaining([expect.objectContaining({language: 'en', value: 'Pregnancy or breastfeeding'})]),
      expect.arrayContaining([expect.objectContaining({language: 'en', value: 'Pregnancy, breastfeeding or trying to conceive'})]),
    ])

    // The history panel: Studio asks the lake's History API (events, transactions, documents at a revision).
    await page.goto(new URL(`/structure/contraindication;${id}%2Cinspect%3Dsanity%252Fstructure%252Fhistory#token=${harness.studio.token}`, harness.studio.url).href)
    const items = page.locator('[data-testid="timeline-item-button"]')
    await expect.poll(() => items.count(), {timeout: 60_000}).toBeGreaterThanOrEqual(2)
    const labels = await items.allInnerTexts()
    expect(labels.filter((label) => /Published/.test(label)).length).toBeGreaterThanOrEqual(2)
    await harness.screenshot(page, 'history-panel')

    // Select the first publish (the text "Pregnancy or breastfeeding") and restore it.
    await items.filter({hasText: 'Published'}).last().click()
    const viewed = lastDocumentPane(page)
    await expect.poll(() => englishText(viewed).inputValue(), {timeout: 30_000}).toBe('Pregnancy or breastfeeding')
    await harness.screenshot(page, 'history-revision')
    await page.getByRole('button', {name: 'Revert to revision'}).click()
    await page.getByRole('button', {name: /Confirm|Revert|Restore/}).last().click()
    // Restoring writes a draft with the old text; the published text is unchanged until published.
    await expect.poll(() => storedEnglish(`drafts.${id}`), {timeout: 30_000}).toBe('Pregnancy or breastfeeding')
    expect(await storedEnglish(id)).toBe('Pregnancy, breastfeeding or trying to conceive')
    await harness.screenshot(page, 'history-restored')
  }, 300_000)
})
