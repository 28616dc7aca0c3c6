import {createTreatmentContent} from '@treatments/content'
import {readNdjson} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
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
    const revert = page.getByRole('button', {name: 'Revert to revision'})
    await expect.poll(() => revert.isEnabled(), {timeout: 30_000}).toBe(true)
    await revert.click()
    // “Are you sure you want to restore this document?”, in a popover above the button.
    await page.getByText('Are you sure you want to restore this document?').waitFor()
    await harness.screenshot(page, 'history-confirm')
    await page.getByRole('button', {name: 'Confirm', exact: true}).click()
    // Restoring writes a draft with the old text; the published text is unchanged until published.
    await expect.poll(() => storedEnglish(`drafts.${id}`), {timeout: 30_000}).toBe('Pregnancy or breastfeeding')
    expect(await storedEnglish(id)).toBe('Pregnancy, breastfeeding or trying to conceive')
    await harness.screenshot(page, 'history-restored')
  }, 300_000)
})

describe('a write that names its author', () => {
  it('appears in the history panel under that author (an import), not the editor', async () => {
    const obesity = 'contraindication-obesity'
    const page = await openStudio(`/structure/contraindication;${obesity}`)
    await lastDocumentPane(page).waitFor()
    // As `translations import de.xlf` writes: with X-Lake-Author, a draft copied from the published document.
    const status = await page.evaluate(
      async ({token, id}) => {
        const authorization = {Authorization: `Bearer ${token}`}
        const published = ((await (await fetch(`/v2025-02-19/data/doc/production/${id}`, {headers: authorization})).json()) as {documents: Array<Record<string, unknown>>}).documents[0]!
        const draft = {...published, _id: `drafts.${id}`, text: [...(published.text as object[]), {_key: 'de', _type: 'internationalizedArrayStringValue', language: 'de', value: 'Adipositas'}]}
        const response = await fetch('/v2025-02-19/data/mutate/production', {
          method: 'POST',
          headers: {...authorization, 'Content-Type': 'application/json', 'X-Lake-Author': encodeURIComponent('translations import de.xlf')},
          body: JSON.stringify({mutations: [{create: draft}]}),
        })
        return response.status
      },
      {token: harness.studio.token, id: obesity},
    )
    expect(status).toBe(200)
    await page.goto(new URL(`/structure/contraindication;${obesity}%2Cinspect%3Dsanity%252Fstructure%252Fhistory#token=${harness.studio.token}`, harness.studio.url).href)
    // The Studio names the author by the lake's /users/{id}: its avatar is titled with the import.
    const importer = page.locator('[data-testid="timeline-item-button"] [data-ui="Avatar"][title="translations import de.xlf"]')
    await expect.poll(() => importer.count(), {timeout: 60_000}).toBeGreaterThan(0)
    await harness.screenshot(page, 'history-import-author')
  }, 120_000)
})

describe('a doctor', () => {
  const treatmentId = 'treatment-mesotherapy-cellulite'
  const reviewOf = async (locale: string) =>
    (await createTreatmentContent({source: localDataset(await readNdjson(harness.file))}).getTreatment('mesotherapy-cellulite', {locale})).review

  it('marks the treatment medically reviewed; an English contraindication edit shows “Changed since review” and the page stops claiming the review', async () => {
    const page = await openStudio(`/structure/treatment;${treatmentId}`)
    const pane = lastDocumentPane(page)
    await expect.poll(() => pane.locator(`input[id='title[_key=="en"].value']`).inputValue(), {timeout: 60_000}).toBe('Mesotherapy for cellulite')
    // The document actions menu in the footer (rich-text fields have menus of their own).
    await pane.getByLabel('Open document actions').click()
    const mark = page.getByRole('menuitem', {name: 'Mark medically reviewed'})
    await expect.poll(() => mark.isEnabled(), {timeout: 30_000}).toBe(true)
    await mark.click()
    const stored = async (documentId: string) => (await harness.readDocuments()).find((document) => document._id === documentId)
    await expect.poll(async () => ((await stored(`drafts.${treatmentId}`))?.medicalReview as {status?: string} | undefined)?.status, {timeout: 30_000}).toBe('reviewed')
    const review = (await stored(`drafts.${treatmentId}`))!.medicalReview as {reviewer: string; coveredTexts: Array<{field: string}>}
    expect(review.reviewer).toBe('Local editor')
    expect(review.coveredTexts.map((entry) => entry.field)).toContain('contraindications[contraindication-breastfeeding].text')
    const publishButton = pane.locator('[data-testid="action-publish"]')
    await expect.poll(() => publishButton.isEnabled(), {timeout: 30_000}).toBe(true)
    await publishButton.click()
    await expect.poll(async () => ((await stored(treatmentId))?.medicalReview as {status?: string} | undefined)?.status, {timeout: 30_000}).toBe('reviewed')
    expect(await reviewOf('en')).toEqual({status: 'reviewed', changedSinceReview: []})

    // Someone edits the English text of another contraindication and publishes it.
    const other = await openStudio('/structure/contraindication;contraindication-breastfeeding')
    const contraindication = lastDocumentPane(other)
    const english = englishText(contraindication)
    await expect.poll(() => english.inputValue(), {timeout: 60_000}).toBe('Breastfeeding')
    await english.fill('Breastfeeding, or expressing milk')
    const otherPublish = contraindication.locator('[data-testid="action-publish"]')
    await expect.poll(async () => (await stored('drafts.contraindication-breastfeeding')) !== undefined && (await otherPublish.isEnabled()), {timeout: 30_000}).toBe(true)
    await otherPublish.click()
    await expect.poll(async () => (await stored('drafts.contraindication-breastfeeding')) === undefined, {timeout: 30_000}).toBe(true)
    // The contraindication itself says a review no longer covers it.
    await expect.poll(() => contraindication.locator('[data-testid="pane-footer"]').getByText('Changed since review').isVisible(), {timeout: 30_000}).toBe(true)

    // The page no longer claims the review, and names what changed.
    expect(await reviewOf('en')).toEqual({
      status: 'changed-since-review',
      changedSinceReview: [{field: 'contraindications[contraindication-breastfeeding].text', change: 'changed', review: 'medical'}],
    })
    const treatmentPage = await openStudio(`/structure/treatment;${treatmentId}`)
    const footer = lastDocumentPane(treatmentPage).locator('[data-testid="pane-footer"]')
    await expect.poll(() => footer.getByText('Changed since review').isVisible(), {timeout: 60_000}).toBe(true)
    await harness.screenshot(treatmentPage, 'doctor-changed-since-review')
  }, 300_000)
})
