import {getCACertificates, setDefaultCACertificates} from 'node:tls'

import {createClient} from '@sanity/client'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, navigateInApp, startStudioHarness} from './studio-harness.ts'

// Opening a document is reading it: the Studio must not write a draft on its own. A draft
// nobody made shows as unpublished changes, outlives "Discard changes" (the form wrote it
// again), and two editors opening the same document would each add their own item.

let harness: StudioHarness
beforeAll(async () => {
  harness = await startStudioHarness()
  setDefaultCACertificates([...getCACertificates('default'), harness.studio.certificate.cert])
}, 900_000)
afterAll(async () => {
  await harness?.close()
})

async function openStudio(path: string): Promise<Page> {
  const {page} = await harness.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(new URL(`${path}#token=${harness.studio.token}`, harness.studio.url).href)
  return page
}

/** The ids of the drafts in the lake's dataset file. */
async function drafts(): Promise<string[]> {
  return (await harness.readDocuments()).map((document) => document._id).filter((id) => id.startsWith('drafts.'))
}

/** Waits until the pane of document `id` shows `field`'s English text. */
const formShown = (page: Page, id: string, field: string) =>
  page.locator(`[data-testid="document-pane"][id^="documentEditor-${id}-"] [data-testid='field-${field}[_key=="en"].value']`).waitFor({timeout: 60_000})

/** Opens `id` in the Studio and waits until its form shows `field`'s English text. */
async function openDocument(type: string, id: string, field: string): Promise<Page> {
  const page = await openStudio(`/structure/${type};${id}`)
  await formShown(page, id, field)
  return page
}

/** Long enough for an edit the form made on its own to reach the file (the Studio commits within a second). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 4_000))

describe('opening a document in the Studio', () => {
  it('writes no draft, for a document of each type (the treatment has no English item in localizedSlugs)', async () => {
    const documents = [
      ['treatment', 'treatment-mesotherapy-cellulite', 'title'],
      ['condition', 'condition-cellulite', 'name'],
      ['ingredient', 'ingredient-phosphatidylcholine', 'name'],
      ['effect', 'effect-results-from-day-3', 'text'],
      ['sideEffect', 'side-effect-itching', 'text'],
      ['contraindication', 'contraindication-pregnancy', 'text'],
    ] as const
    // One Studio, each document opened in it as a link in the Studio would (no reload between).
    const [[firstType, firstId, firstField], ...others] = documents
    const page = await openDocument(firstType, firstId, firstField)
    await settle()
    for (const [type, id, field] of others) {
      await navigateInApp(page, new URL(`/structure/${type};${id}`, harness.studio.url).href)
      await formShown(page, id, field)
      await settle()
    }
    await page.context().close()
    expect(await drafts()).toEqual([])
  }, 240_000)

  it('writes no draft for a document whose languages are stored in another order', async () => {
    const client = createClient({projectId: 'local', dataset: 'production', apiHost: `https://localhost:${harness.studio.port}`, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false, token: harness.studio.token})
    const item = (language: string, value: string) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value})
    await client.createOrReplace({_id: 'contraindication-reordered', _type: 'contraindication', kind: 'relative', category: 'other', text: [item('de', 'Fieber'), item('it', 'Febbre'), item('en', 'Fever')]})
    const page = await openDocument('contraindication', 'contraindication-reordered', 'text')
    await settle()
    await page.context().close()
    expect(await drafts()).toEqual([])
    const stored = (await harness.readDocuments()).find((document) => document._id === 'contraindication-reordered')
    expect((stored?.text as Array<{language: string}>).map((entry) => entry.language)).toEqual(['de', 'it', 'en'])
  }, 240_000)

  it('a new document opens with its English inputs ready, and is written only with the first edit', async () => {
    const page = await openStudio('/intent/create/template=contraindication;type=contraindication/')
    const pane = page.locator('[data-testid="document-pane"]').last()
    // Sanity gives an initial value's array items keys of their own.
    const english = pane.locator(`input[id^='text[_key=='][id$='].value']`)
    await english.waitFor({timeout: 60_000})
    expect(await english.count()).toBe(1)
    await settle()
    expect(await drafts()).toEqual([])
    await english.fill('Fever')
    const written = async () => {
      const [id, ...others] = await drafts()
      return {others, text: (await harness.readDocuments()).find((document) => document._id === id)?.text}
    }
    await expect
      .poll(written, {timeout: 30_000})
      .toEqual({others: [], text: [{_key: expect.any(String), _type: 'internationalizedArrayStringValue', language: 'en', value: 'Fever'}]})
    await page.context().close()
  }, 240_000)
})
