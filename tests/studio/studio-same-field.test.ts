import {setTimeout as sleep} from 'node:timers/promises'

import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import type {Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type StudioHarness, startStudioHarness} from './studio-harness.ts'

// Two people typing in the same field at once, in two browser contexts of the real Studio on one
// lake: each types one character in turn, about 60 ms apart, having put the caret in place once,
// as people do. Both edits must end whole, each in its typist's order, in both tabs, in the
// dataset file and in what the package reads.

let harness: StudioHarness

beforeAll(async () => {
  harness = await startStudioHarness()
}, 900_000)

afterAll(async () => {
  await harness?.close()
})

/** The typing cadence: one character per person per turn. */
const cadenceMs = 60

interface Tab {
  page: Page
  /** The document pane. */
  pane: Locator
}

/** Opens `documentId` (of `type`) in a new browser context, logged in, and waits for `ready`. */
async function openTab(type: string, documentId: string, ready: (pane: Locator) => Locator): Promise<Tab> {
  const {page} = await harness.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(new URL(`/structure/${type};${documentId}#token=${harness.studio.token}`, harness.studio.url).href)
  const pane = page.locator('[data-testid="document-pane"]').last()
  await ready(pane).waitFor()
  return {page, pane}
}

/** The text input of a localized string field, e.g. `text` in `it`. */
const localizedInput = (pane: Locator, field: string, locale: string): Locator => pane.locator(`input[id='${field}[_key=="${locale}"].value']`)

/** A document as the lake's dataset file holds it now. */
async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  return (await harness.readDocuments()).find((document) => document._id === id)
}

/** The `value` of `field`'s item in `locale`. */
function localized(document: Record<string, unknown> | undefined, field: string, locale: string): unknown {
  const items = (document?.[field] ?? []) as Array<{language?: string; value?: unknown}>
  return items.find((item) => item.language === locale)?.value
}

/**
 * Types `a.text` and `b.text` one character each in turn, `cadenceMs` apart, never moving the
 * caret in between; `during` runs once `a` has typed `duringAfter` characters.
 */
async function typeInTurns(a: {tab: Tab; text: string}, b: {tab: Tab; text: string}, during?: {after: number; run: () => Promise<void>}): Promise<void> {
  let running: Promise<void> | undefined
  for (let index = 0; index < Math.max(a.text.length, b.text.length); index++) {
    if (during && index === during.after) running = during.run()
    for (const {tab, text} of [a, b]) {
      const character = [...text][index]
      if (character === undefined) continue
      await tab.page.keyboard.type(character)
      await sleep(cadenceMs)
    }
  }
  await running
}

/** Clicks Publish and waits until the file has a published version that passes `check`, and no draft. */
async function publish(tab: Tab, id: string, check: (published: Record<string, unknown> | undefined) => boolean): Promise<void> {
  const button = tab.pane.locator('[data-testid="action-publish"]')
  await expect.poll(() => button.isEnabled(), {timeout: 60_000}).toBe(true)
  await button.click()
  await expect.poll(async () => check(await stored(id)) && (await stored(`drafts.${id}`)) === undefined, {timeout: 60_000}).toBe(true)
}

/** The Italian contraindication texts of the mesotherapy page, as the package reads the file. */
async function packageContraindications(): Promise<Map<string, string>> {
  const content = createTreatmentContent({source: localDataset(harness.file)})
  const {treatment} = await content.getTreatment('mesotherapy-cellulite', {locale: 'it'})
  return new Map(treatment.contraindications.map((contraindication) => [contraindication._id, String(contraindication.text)]))
}

/**
 * Two tabs on a contraindication's Italian text: `a` types at caret `aAt`, `b` at the end; waits
 * until both tabs and the file's draft agree on a text as long as everything typed, then
 * publishes from `a` and checks every place the text is read.
 */
async function twoTypists(id: string, original: string, aAt: number, aText: string, bText: string): Promise<void> {
  const ready = (pane: Locator) => localizedInput(pane, 'text', 'it')
  const [a, b] = await Promise.all([openTab('contraindication', id, ready), openTab('contraindication', id, ready)])
  const inputs = [a, b].map((tab) => localizedInput(tab.pane, 'text', 'it'))
  for (const input of inputs) await expect.poll(() => input.inputValue(), {timeout: 60_000}).toBe(original)

  // Each puts the caret in place once: `a` at aAt (Home, then right), `b` at the end.
  await inputs[0]!.click()
  await a.page.keyboard.press('Home')
  for (let step = 0; step < aAt; step++) await a.page.keyboard.press('ArrowRight')
  await inputs[1]!.click()
  await b.page.keyboard.press('End')
  await typeInTurns({tab: a, text: aText}, {tab: b, text: bText})

  const expected = `${original.slice(0, aAt)}${aText}${original.slice(aAt)}${bText}`
  const draftText = async () => localized(await stored(`drafts.${id}`), 'text', 'it')
  // Settled: both tabs and the file hold the same text, of the length of everything typed.
  await expect
    .poll(async () => {
      const [inA, inB, inFile] = await Promise.all([inputs[0]!.inputValue(), inputs[1]!.inputValue(), draftText()])
      return inA === inB && inB === inFile && inA.length === expected.length
    }, {timeout: 60_000})
    .toBe(true)
  expect(await inputs[0]!.inputValue()).toBe(expected)
  expect(await draftText()).toBe(expected)

  await publish(a, id, (published) => localized(published, 'text', 'it') === expected)
  for (const input of inputs) await expect.poll(() => input.inputValue()).toBe(expected)
  expect((await packageContraindications()).get(id)).toBe(expected)
  await Promise.all([a.page.context().close(), b.page.context().close()])
}

describe('two people typing in the same string field', () => {
  it('one at the start, one at the end of the breastfeeding contraindication in Italian: both words whole, in both tabs, the file and the package', async () => {
    await twoTypists('contraindication-breastfeeding', 'Allattamento', 0, '_AL_', ' al seno')
  }, 120_000)

  it('one in the middle, one at the end', async () => {
    await twoTypists('contraindication-pregnancy', 'Gravidanza', 5, '[mid]', ' accertata')
  }, 120_000)
})
