import {setTimeout as sleep} from 'node:timers/promises'

import {createTreatmentContent} from '@treatments/content'
import {localDataset} from '@treatments/content/local-dataset'
import type {Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed} from 'vitest'

import {type StudioHarness, startStudioHarness} from './studio-harness.ts'

// Two people typing in the same field at once, in two browser contexts of the real Studio on one
// lake: each types one character in turn, about 60 ms apart, having put the caret in place once,
// as people do. Both edits must end whole, each in its typist's order, in both tabs, in the
// dataset file and in what the package reads. The two tabs stay open from test to test (a Studio
// load is most of the time), moving to the next document by its link.

let harness: StudioHarness
/** The two people: `a` types at the start or in the middle, `b` at the end. */
let a: Tab
let b: Tab

interface Tab {
  page: Page
  /** The open document's pane. */
  pane: Locator
}

/** The typing cadence: one character per person per turn. */
const cadenceMs = 60
const slug = 'mesotherapy-cellulite'

beforeAll(async () => {
  harness = await startStudioHarness()
  ;[a, b] = await Promise.all([openTab(), openTab()])
}, 900_000)

afterAll(async () => {
  await harness?.close()
})

// What each person saw when a test fails, kept by CI with the other Studio screenshots.
beforeEach((context) => {
  onTestFailed(async () => {
    const name = context.task.name.split(':')[0]!.replaceAll(/\W+/g, '-')
    await Promise.all([harness.screenshot(a.page, `same-field-${name}-a`), harness.screenshot(b.page, `same-field-${name}-b`)])
  })
})

/** A new browser context, logged in, on the breastfeeding contraindication. */
async function openTab(): Promise<Tab> {
  const {page} = await harness.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(new URL(`/structure/contraindication;contraindication-breastfeeding#token=${harness.studio.token}`, harness.studio.url).href)
  const pane = page.locator('[data-testid="document-pane"]').last()
  await italianText(pane).waitFor()
  return {page, pane}
}

/** The Italian text input of a contraindication. */
const italianText = (pane: Locator): Locator => pane.locator(`input[id='text[_key=="it"].value']`)

/** A document as the lake's dataset file holds it now. */
async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  return (await harness.readDocuments()).find((document) => document._id === id)
}

/** The Italian `value` of a localized field. */
function italian(document: Record<string, unknown> | undefined, field: string): unknown {
  const items = (document?.[field] ?? []) as Array<{language?: string; value?: unknown}>
  return items.find((item) => item.language === 'it')?.value
}

/** Puts each tab's caret in place once: `a`'s with Home and `aAt` right arrows, `b`'s with End. */
async function placeCarets(aField: Locator, aAt: number, bField: Locator): Promise<void> {
  await aField.click()
  await a.page.keyboard.press('Home')
  for (let step = 0; step < aAt; step++) await a.page.keyboard.press('ArrowRight')
  await bField.click()
  await b.page.keyboard.press('End')
}

/**
 * Types `aText` in `a` and `bText` in `b`, one character each in turn, `cadenceMs` apart, never
 * moving the caret in between; `during.run` starts once `during.after` turns were typed.
 */
async function typeInTurns(aText: string, bText: string, during?: {after: number; run: () => Promise<void>}): Promise<void> {
  const turns = [[...aText], [...bText]] as const
  let running: Promise<void> | undefined
  for (let turn = 0; turn < Math.max(turns[0].length, turns[1].length); turn++) {
    if (during && turn === during.after) running = during.run()
    for (const [index, tab] of [a, b].entries()) {
      const character = turns[index]![turn]
      if (character === undefined) continue
      await tab.page.keyboard.type(character)
      await sleep(cadenceMs)
    }
  }
  await running
}

/** Waits until both tabs and the file agree on a text as long as `expected`, then checks it is `expected`. */
async function settlesOn(expected: string, inTab: (tab: Tab) => Promise<string>, inFile: () => Promise<unknown>): Promise<void> {
  let seen: unknown[] = []
  const settled = async () => {
    seen = await Promise.all([inTab(a), inTab(b), inFile()])
    return seen.every((text) => text === seen[0]) && (seen[0] as string).length === expected.length
  }
  await expect.poll(settled, {timeout: 60_000}).toBe(true).catch((error: unknown) => {
    throw new Error(`The tabs and the file did not settle on one text as long as "${expected}": ${JSON.stringify(seen)}`, {cause: error})
  })
  // Each person's characters in their order, none lost or moved.
  expect(seen).toEqual([expected, expected, expected])
}

/** Clicks Publish in `tab` once it can be clicked. */
async function clickPublish(tab: Tab): Promise<void> {
  const button = tab.pane.locator('[data-testid="action-publish"]')
  await expect.poll(() => button.isEnabled(), {timeout: 60_000}).toBe(true)
  await button.click()
}

/** Clicks Publish in `tab` and waits until the file has a published version that passes `check`, and no draft. */
async function publish(tab: Tab, id: string, check: (published: Record<string, unknown> | undefined) => boolean): Promise<void> {
  await clickPublish(tab)
  await expect.poll(async () => check(await stored(id)) && (await stored(`drafts.${id}`)) === undefined, {timeout: 60_000}).toBe(true)
}

/** The Italian mesotherapy page, as the package reads the dataset file. */
async function italianPage() {
  const {treatment} = await createTreatmentContent({source: localDataset(harness.file)}).getTreatment(slug, {locale: 'it'})
  return treatment
}

/** Opens a contraindication in both tabs by its link in the list beside. */
async function openContraindication(title: string, original: string): Promise<void> {
  for (const tab of [a, b]) {
    const link = tab.page.getByRole('link', {name: new RegExp(`^${title}`)})
    await link.click()
    // Under load the list can redraw under the click, which then opens a neighbour (once, in a
    // full run, "Kidney failure" for "Diabetes"): click again until the pane shows the document.
    await expect
      .poll(
        async () => {
          const value = await italianText(tab.pane).inputValue().catch(() => '')
          if (value !== original) await link.click().catch(() => {})
          return value
        },
        {timeout: 60_000, interval: 2_000},
      )
      .toBe(original)
  }
}

/** `a` types `aText` at `aAt` and `b` types `bText` at the end of a contraindication's Italian text; then `a` publishes. */
async function typeTogether(id: string, original: string, aAt: number, aText: string, bText: string): Promise<void> {
  await placeCarets(italianText(a.pane), aAt, italianText(b.pane))
  await typeInTurns(aText, bText)
  const expected = `${original.slice(0, aAt)}${aText}${original.slice(aAt)}${bText}`
  await settlesOn(expected, (tab) => italianText(tab.pane).inputValue(), async () => italian(await stored(`drafts.${id}`), 'text'))

  await publish(a, id, (published) => italian(published, 'text') === expected)
  for (const tab of [a, b]) await expect.poll(() => italianText(tab.pane).inputValue(), {timeout: 30_000}).toBe(expected)
  expect((await italianPage()).contraindications.find((contraindication) => contraindication._id === id)?.text).toBe(expected)
}

describe('two people typing in the same string field', () => {
  it('one at the start, one at the end of the breastfeeding contraindication in Italian: both whole, in both tabs, the file and the package', async () => {
    await typeTogether('contraindication-breastfeeding', 'Allattamento', 0, '_AL_', ' al seno')
  }, 120_000)

  it('one in the middle, one at the end', async () => {
    await openContraindication('Pregnancy', 'Gravidanza')
    await typeTogether('contraindication-pregnancy', 'Gravidanza', 5, '[mid]', ' accertata')
  }, 120_000)

  // Here the publish comes between two keystrokes, as when someone pauses; the next describe
  // publishes and discards while the other person's keystrokes are on their way.
  it('one publishes while the other is mid-sentence: the published text is what was typed so far, and the typing goes on in a new draft', async () => {
    const id = 'contraindication-obesity'
    const [original, aAt, aText, bText] = ['Obesità', 3, '[grave, IMC oltre 40]', ' severa (adulti)']
    const [head, tail] = [original.slice(0, aAt), original.slice(aAt)]
    const [aFirst, bFirst] = [aText.slice(0, 8), bText.slice(0, 7)]
    await openContraindication('Obesity', original)
    await placeCarets(italianText(a.pane), aAt, italianText(b.pane))
    await typeInTurns(aFirst, bFirst)
    const soFar = `${head}${aFirst}${tail}${bFirst}`
    await settlesOn(soFar, (tab) => italianText(tab.pane).inputValue(), async () => italian(await stored(`drafts.${id}`), 'text'))

    // `b` publishes; `a` keeps the caret where it was typing and goes on once the publish reached its tab.
    await publish(b, id, (published) => italian(published, 'text') === soFar)
    await expect.poll(() => a.pane.locator('[data-testid="action-publish"]').isDisabled(), {timeout: 60_000}).toBe(true)
    await italianText(b.pane).click()
    await b.page.keyboard.press('End')
    await typeInTurns(aText.slice(aFirst.length), bText.slice(bFirst.length))

    const expected = `${head}${aText}${tail}${bText}`
    await settlesOn(expected, (tab) => italianText(tab.pane).inputValue(), async () => italian(await stored(`drafts.${id}`), 'text'))
    expect(italian(await stored(id), 'text')).toBe(soFar)
    await publish(a, id, (published) => italian(published, 'text') === expected)
    expect((await italianPage()).contraindications.find((contraindication) => contraindication._id === id)?.text).toBe(expected)
  }, 120_000)
})

/** Fails the test when a tab shows one of Sanity's error screens instead of the document. */
async function expectNoErrorScreen(): Promise<void> {
  for (const [name, tab] of [['a', a], ['b', b]] as const) {
    const shown = await tab.page.getByText(/The structure tool crashed|unable to recover from/).allInnerTexts()
    if (shown.length > 0) throw new Error(`Tab ${name} shows Sanity's error screen: ${shown.join(' / ')}`)
  }
}

/** The Italian text the lake keeps for `id` now: its draft's, else the published one's. */
async function storedText(id: string): Promise<unknown> {
  return italian((await stored(`drafts.${id}`)) ?? (await stored(id)), 'text')
}

/** Waits until both tabs and the file show one text, failing at once on an error screen; returns it. */
async function settledText(id: string): Promise<string> {
  let seen: unknown[] = []
  const deadline = Date.now() + 60_000
  for (;;) {
    await expectNoErrorScreen()
    seen = await Promise.all([italianText(a.pane).inputValue(), italianText(b.pane).inputValue(), storedText(id)])
    if (seen.every((text) => text === seen[0])) return seen[0] as string
    if (Date.now() > deadline) throw new Error(`The tabs and the file did not settle on one text: ${JSON.stringify(seen)}`)
    await sleep(250)
  }
}

describe('one person publishes or discards while the other is typing', () => {
  it('publish: the keystrokes on their way land in a new draft, whole and in order, in both tabs, the file and the package', async () => {
    const id = 'contraindication-infections'
    const [original, aAt, aText, bText] = ['Infezioni', 3, '[cutanee, anche lievi, in zona]', ' attive']
    const [head, tail] = [original.slice(0, aAt), original.slice(aAt)]
    await openContraindication('Infections', original)
    await placeCarets(italianText(a.pane), aAt, italianText(b.pane))
    // `b` types its words in turns with `a`, then publishes while `a` goes on typing, a character every 60 ms.
    await typeInTurns(aText, bText, {after: bText.length + 2, run: () => clickPublish(b)})

    const expected = `${head}${aText}${tail}${bText}`
    expect(await settledText(id)).toBe(expected)
    expect(italian(await stored(`drafts.${id}`), 'text')).toBe(expected)
    // The publish landed mid-typing: what it published is a state `a`'s typing passed through.
    const published = italian(await stored(id), 'text') as string
    const typedSoFar = published.slice(aAt, published.length - tail.length - bText.length)
    expect(published).toBe(`${head}${typedSoFar}${tail}${bText}`)
    expect(aText.startsWith(typedSoFar) && typedSoFar.length > 0 && typedSoFar.length < aText.length).toBe(true)

    await publish(a, id, (document) => italian(document, 'text') === expected)
    await expectNoErrorScreen()
    expect((await italianPage()).contraindications.find((contraindication) => contraindication._id === id)?.text).toBe(expected)
  }, 180_000)

  it('discard: no error screen; both tabs and the file end on one text, the published words whole and the typist’s characters in order', async () => {
    const id = 'contraindication-kidney-failure'
    // Characters found nowhere in the original, each once, so each can be traced.
    const [original, aAt, aText, bText] = ['Insufficienza renale', 13, '0123456789#@%&=§¶+', '*~']
    await openContraindication('Kidney failure', original)
    await placeCarets(italianText(a.pane), aAt, italianText(b.pane))
    const discard = async () => {
      await b.pane.getByTestId('action-menu-button').click()
      await b.page.getByRole('menuitem', {name: 'Discard changes'}).click()
      await b.page.getByRole('dialog').getByRole('button', {name: /Discard/}).click()
    }
    await typeInTurns(aText, bText, {after: bText.length + 2, run: discard})

    const text = await settledText(id)
    // What the discard took is gone (all of `b`'s and `a`'s first characters); what `a` typed after
    // it is in a new draft or, where the lake refused it (409), visibly not in either tab.
    const typedByA = [...text].filter((character) => aText.includes(character))
    expect([...text].filter((character) => !aText.includes(character)).join('')).toBe(original)
    expect(typedByA.join('')).toBe([...aText].filter((character) => typedByA.includes(character)).join(''))
    expect(typedByA.length).toBeLessThan(aText.length)
    expect(italian(await stored(id), 'text')).toBe(original)
  }, 180_000)
})

describe('a text edit the lake refuses (409)', () => {
  it('made against text the other person has since rewritten: the Studio drops it and shows the saved text, not the error screen', async () => {
    const id = 'contraindication-diabetes'
    await openContraindication('Diabetes', 'Diabete')
    // `a`'s keystroke is held on its way while `b` rewrites the whole text, so it arrives stale.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const refused = a.page.waitForResponse((response) => response.url().includes('/data/actions/') && response.status() === 409)
    await a.page.route((url) => url.pathname.includes('/data/actions/'), async (route) => {
      await held
      await route.continue()
    })
    await placeCarets(italianText(a.pane), 3, italianText(b.pane))
    await a.page.keyboard.type('X')
    await italianText(b.pane).fill('Glucosio alto')
    await expect.poll(async () => italian(await stored(`drafts.${id}`), 'text'), {timeout: 60_000}).toBe('Glucosio alto')
    release()
    await refused
    await a.page.unroute((url) => url.pathname.includes('/data/actions/'))

    for (const tab of [a, b]) await expect.poll(() => italianText(tab.pane).inputValue(), {timeout: 30_000}).toBe('Glucosio alto')
    expect(await a.page.getByText('unable to recover from').count()).toBe(0)
    expect(italian(await stored(`drafts.${id}`), 'text')).toBe('Glucosio alto')
    // Sanity treats 409 as final: no message, the footer goes from "Saving..." back to the saved state.
    await expect.poll(() => a.pane.locator('[data-testid="pane-footer"]').innerText(), {timeout: 30_000}).toMatch(/Saved|Edited/)
    await harness.screenshot(a.page, 'same-field-refused-edit')
  }, 120_000)
})

/** The Italian body heading (block `b1`) of the treatment open in `tab`. */
const headingBlock = (tab: Tab) => tab.pane.locator(`[data-testid='field-body[_key=="it"].value'] [data-pt-path='[_key=="b1"]']`)

/** The heading's text elements: presence markers can split its text into several. */
const heading = (tab: Tab) => headingBlock(tab).locator('[data-pt-text]')

/**
 * Where `tab`'s caret sits in the heading's text, in characters; undefined when the selection is
 * not a caret in that text (a range, elsewhere, or in another person's presence marker, whose
 * avatar initials sit inside the block).
 */
const caretInHeading = (tab: Tab): Promise<number | undefined> =>
  headingBlock(tab).evaluate((block) => {
    const selection = block.ownerDocument.getSelection()
    const anchor = selection?.anchorNode
    if (!selection?.isCollapsed || !anchor) return undefined
    const texts = [...block.querySelectorAll('[data-pt-text]')]
    const at = texts.findIndex((element) => element.contains(anchor))
    if (at === -1) return undefined
    const before = block.ownerDocument.createRange()
    before.setStart(texts[at]!, 0)
    before.setEnd(anchor, selection.anchorOffset)
    return texts.slice(0, at).reduce((sum, element) => sum + element.textContent!.length, 0) + before.toString().length
  })

/** `b` clicks just after the heading's last character, then presses End on that last line. */
async function clickHeadingEnd(): Promise<void> {
  const end = await heading(b)
    .last()
    .evaluate((element) => {
      const text = element.firstChild!
      const range = element.ownerDocument.createRange()
      range.setStart(text, text.textContent!.length - 1)
      range.setEnd(text, text.textContent!.length)
      const box = range.getBoundingClientRect()
      return {x: box.right - 1, y: box.top + box.height / 2}
    })
  await b.page.mouse.click(end.x, end.y)
  await b.page.keyboard.press('End')
}

/**
 * Puts `a`'s caret at the start of the heading and `b`'s at its end, and waits until both have
 * held for a second. The heading wraps in the narrow pane, so Home and End stop at a line's end:
 * `a` clicks into it and presses Control+Home (the start of the body); `b` clicks into it (which
 * settles the editor's layout), then just after its last character, then End.
 *
 * Each person watches their caret and puts it back when the Studio moves it, as people do.
 * Before patches/@portabletext__editor@8.2.4.patch the editor moved it often: it reads a caret
 * move into its selection up to 100 ms late, and a redraw in between set the caret back to the
 * stale selection. In a full run `b`'s words landed where `b` had first clicked, mid-heading; on
 * busy cores `b`'s caret also sat in `a`'s presence marker in two of four runs, where the first
 * keystrokes went nowhere. The patch leaves a narrower window, and the marker case was not
 * traced, so typing starts only once both carets have held.
 */
async function placeHeadingCarets(length: number): Promise<void> {
  await heading(a).first().click()
  await a.page.keyboard.press('Control+Home')
  await heading(b).first().click()
  await clickHeadingEnd()
  await expect
    .poll(
      async () => {
        const [atA, atB] = await Promise.all([caretInHeading(a), caretInHeading(b)])
        if (atA === 0 && atB === length) {
          await sleep(1_000)
          return (await caretInHeading(a)) === 0 && (await caretInHeading(b)) === length
        }
        if (atA !== 0) {
          if (atA === undefined) await heading(a).first().click()
          await a.page.keyboard.press('Control+Home')
        }
        if (atB !== length) await clickHeadingEnd()
        return false
      },
      {timeout: 60_000, interval: 250, message: "a's caret at the heading's start and b's at its end did not hold for a second"},
    )
    .toBe(true)
}

/** Opens the mesotherapy treatment in `tab` by its link, and waits for the Italian body heading to show `text`. */
async function openTreatment(tab: Tab, text: string | RegExp): Promise<void> {
  await tab.page.getByRole('link', {name: 'Treatments'}).click()
  await tab.page.getByRole('link', {name: /Mesotherapy for cellulite/}).click()
  const shows = (shown: string) => (typeof text === 'string' ? shown === text : text.test(shown))
  await expect.poll(async () => shows((await heading(tab).allInnerTexts()).join('')), {timeout: 60_000}).toBe(true)
}

describe('two people typing in the same Portable Text block', () => {
  it('one at the start, one at the end of the Italian body heading: both whole, in both tabs, the file and the package', async () => {
    const id = 'treatment-mesotherapy-cellulite'
    const [original, aText, bText] = ["Che cos'è la mesoterapia?", 'IT: ', ' (in breve)']
    for (const tab of [a, b]) await openTreatment(tab, original)
    await placeHeadingCarets(original.length)
    await typeInTurns(aText, bText)

    const expected = `${aText}${original}${bText}`
    const blockText = (body: unknown) => ((body as Array<{children?: Array<{text?: string}>}> | undefined)?.[0]?.children ?? []).map((span) => span.text).join('')
    const inTab = async (tab: Tab) => (await heading(tab).allInnerTexts()).join('')
    await settlesOn(expected, inTab, async () => blockText(italian(await stored(`drafts.${id}`), 'body')))
    await publish(a, id, (published) => blockText(italian(published, 'body')) === expected)
    for (const tab of [a, b]) await expect.poll(() => inTab(tab), {timeout: 30_000}).toBe(expected)
    expect(blockText((await italianPage()).body)).toBe(expected)
  }, 120_000)
})

describe('a caret moved at once after a click, in Portable Text', () => {
  // The editor reads a caret move into its selection up to 100 ms late; a redraw in between (here
  // the one that follows the click's own focus) put the caret back where the click left it, so
  // End was lost and the next words landed mid-sentence: in 14 of 30 tries before
  // patches/@portabletext__editor@8.2.4.patch.
  it('End pressed right after clicking into the heading takes the caret to the line’s end, every time', async () => {
    // (The heading as the test before left it, or as seeded when this one runs alone.)
    await openTreatment(a, /Che cos'è la mesoterapia\?/)
    const title = a.pane.locator('[data-testid="field-title"] input').first()
    // Where End takes the caret from the click when the person waits first (the heading wraps).
    await title.click()
    await heading(a).first().click()
    await sleep(1_000)
    const clicked = await caretInHeading(a)
    await a.page.keyboard.press('End')
    const lineEnd = await caretInHeading(a)
    // Else End could not be told from a lost End.
    expect(lineEnd).toBeGreaterThan(clicked ?? Number.POSITIVE_INFINITY)

    const after: Array<number | undefined> = []
    for (let attempt = 0; attempt < 12; attempt++) {
      await title.click()
      await sleep(400)
      await heading(a).first().click()
      await a.page.keyboard.press('End')
      await sleep(800)
      after.push(await caretInHeading(a))
    }
    expect(after).toEqual(after.map(() => lineEnd))
  }, 120_000)
})
