import {existsSync} from 'node:fs'
import {copyFile, mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {getCACertificates, setDefaultCACertificates} from 'node:tls'

import {createTreatmentContent} from '@treatments/content'
import {sourceHash} from '@treatments/content/dataset'
import {createUiStrings, translationStates as states} from '@treatments/content/ui-strings'
import {type RunningSite, startSite} from '@treatments/example-site'
import type {Locator, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {repoRoot} from '../../scripts/lib/paths.ts'
import {type StudioHarness, recordApiResponses, startStudioHarness} from './studio-harness.ts'

// The real Sanity Studio (built for the local lake) in Chromium, on a copy of the embedded
// dataset: what an editor, a translator and someone without the token can do.

let harness: StudioHarness
/** The example site, reading the same lake over HTTPS without a cache, as `pnpm demo` does on it. */
let site: RunningSite

const slug = 'mesotherapy-cellulite'
/** The page's Italian slug (content/dataset.ndjson). */
const italianSlug = 'mesoterapia-cellulite'
const docsScreenshot = join(repoRoot, 'docs/screenshots/studio-treatment-it.png')

beforeAll(async () => {
  harness = await startStudioHarness()
  // The site is a Node client of the lake: it trusts the lake's certificate as `pnpm demo` does
  // with NODE_EXTRA_CA_CERTS.
  setDefaultCACertificates([...getCACertificates('default'), harness.studio.certificate.cert])
  const content = createTreatmentContent({
    source: {projectId: 'local', dataset: 'production', apiHost: `https://localhost:${harness.studio.port}`, useCdn: false},
  })
  site = await startSite({content, port: 0, host: '127.0.0.1'})
}, 900_000)

afterAll(async () => {
  await site?.close()
  await harness?.close()
})

const origin = () => new URL(harness.studio.url).origin

/** Opens the Studio logged in, at `path` (a Studio route such as `/structure/treatment`). */
async function openStudio(path = '/'): Promise<Page> {
  const {page} = await harness.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(new URL(`${path}#token=${harness.studio.token}`, harness.studio.url).href)
  return page
}

/** The document pane furthest right (the one opened last). */
const lastDocumentPane = (page: Page): Locator => page.locator('[data-testid="document-pane"]').last()

/** The text input of a localized string field, e.g. `text` in `it`. */
const localizedInput = (pane: Locator, field: string, locale: string): Locator => pane.locator(`input[id='${field}[_key=="${locale}"].value']`)

/** A published document as the lake's dataset file holds it now. */
async function storedDocument(id: string): Promise<Record<string, unknown> | undefined> {
  return (await harness.readDocuments()).find((document) => document._id === id)
}

/** The `value` of `field`'s item in `locale`, from a document in the dataset file. */
function localized(document: Record<string, unknown> | undefined, field: string, locale: string): unknown {
  const items = (document?.[field] ?? []) as Array<{language?: string; _key?: string; value?: unknown}>
  return items.find((item) => (item.language ?? item._key) === locale)?.value
}

/** Clicks Publish in `pane` and waits until the dataset file has the published text and no draft. */
async function publish(pane: Locator, id: string, check: (published: Record<string, unknown> | undefined) => boolean): Promise<void> {
  const button = pane.locator('[data-testid="action-publish"]')
  await expect.poll(() => button.isEnabled(), {timeout: 30_000}).toBe(true)
  await button.click()
  await expect.poll(async () => check(await storedDocument(id)) && (await storedDocument(`drafts.${id}`)) === undefined, {timeout: 30_000}).toBe(true)
}

/** The Italian treatment page of the example site, as a patient's browser gets it. */
async function italianPage(): Promise<Page> {
  const {page} = await harness.newPage()
  const response = await page.goto(`${site.url}/it/treatments/${italianSlug}`)
  expect(response?.status()).toBe(200)
  return page
}

describe('an editor', () => {
  it('opens the mesotherapy treatment, changes the Italian text of a contraindication and publishes it; the file and the site show it', async () => {
    const page = await openStudio()
    await page.getByRole('link', {name: 'Treatments'}).click()
    await page.getByRole('link', {name: /Mesotherapy for cellulite/}).click()
    const treatment = lastDocumentPane(page)
    await expect.poll(() => localizedInput(treatment, 'title', 'it').inputValue(), {timeout: 60_000}).toBe('Mesoterapia per la cellulite')

    // Only Italian, with the language filter.
    await treatment.getByRole('button', {name: /Showing all/}).click()
    const languages = page.locator('[data-ui="Popover"]')
    await languages.getByRole('button', {name: /English/}).click()
    await languages.getByRole('button', {name: /Deutsch/}).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => localizedInput(treatment, 'title', 'en').count()).toBe(0)
    expect(await localizedInput(treatment, 'title', 'it').isVisible()).toBe(true)

    // The treatment's contraindications are references: open one beside the treatment.
    await treatment.getByRole('tab', {name: 'Safety'}).click()
    await treatment.locator('[data-testid="field-contraindications"]').getByRole('link', {name: /Pregnancy/}).click()
    await expect.poll(() => page.locator('[data-testid="document-pane"]').count()).toBe(2)
    const contraindication = lastDocumentPane(page)
    const italian = localizedInput(contraindication, 'text', 'it')
    await expect.poll(() => italian.inputValue(), {timeout: 60_000}).toBe('Gravidanza')

    const changed = 'Gravidanza, anche solo sospetta'
    await italian.fill(changed)
    // Typing is saved as a draft through the Actions API, into the dataset file.
    await expect.poll(async () => localized(await storedDocument('drafts.contraindication-pregnancy'), 'text', 'it'), {timeout: 30_000}).toBe(changed)
    await harness.screenshot(page, 'editor-italian-draft')
    if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(docsScreenshot)) {
      await mkdir(join(repoRoot, 'docs/screenshots'), {recursive: true})
      await copyFile(await harness.screenshot(page, 'studio-treatment-it'), docsScreenshot)
    }

    await publish(contraindication, 'contraindication-pregnancy', (published) => localized(published, 'text', 'it') === changed)
    const published = await storedDocument('contraindication-pregnancy')
    expect(localized(published, 'text', 'en')).toBe('Pregnancy')
    expect(localized(published, 'text', 'de')).toBe('Schwangerschaft')
    await harness.screenshot(page, 'editor-published')

    // The example site on the same lake shows it on the next request.
    const sitePage = await italianPage()
    const items = sitePage.locator('#who-cannot-have-it li.contraindication .item-title')
    expect(await items.allInnerTexts()).toContain(changed)
    await items.filter({hasText: changed}).scrollIntoViewIfNeeded()
    await harness.screenshot(sitePage, 'editor-site-it')
  }, 240_000)
})

describe('an editor changing structure', () => {
  it('removes and adds a contraindication reference, sees the shared rules in the form, and discards the draft', async () => {
    const page = await openStudio('/structure/treatment;treatment-mesotherapy-cellulite')
    const pane = lastDocumentPane(page)
    const references = async () => {
      const draft = await storedDocument('drafts.treatment-mesotherapy-cellulite')
      return ((draft?.contraindications ?? []) as Array<{_ref: string}>).map((reference) => reference._ref)
    }
    await expect.poll(() => localizedInput(pane, 'title', 'en').inputValue(), {timeout: 60_000}).toBe('Mesotherapy for cellulite')
    await pane.getByRole('tab', {name: 'Safety'}).click()
    const field = pane.locator('[data-testid="field-contraindications"]')
    await field.getByRole('link', {name: /Pregnancy/}).waitFor()

    // Remove the pregnancy contraindication (its array item is keyed c1).
    await pane.locator(`[id='contraindications[_key=="c1"]-menuButton']`).click()
    await page.getByRole('menuitem', {name: 'Remove'}).click()
    await expect.poll(references, {timeout: 30_000}).toHaveLength(9)
    expect(await references()).not.toContain('contraindication-pregnancy')

    // Add it back by searching for it in a new reference item (the Studio's search queries).
    await field.getByRole('button', {name: 'Add item'}).click()
    await page.keyboard.type('Pregn')
    await page.locator('[data-testid="autocomplete-popover"]').getByRole('option', {name: /Pregnancy/}).click()
    await expect.poll(async () => (await references()).includes('contraindication-pregnancy'), {timeout: 30_000}).toBe(true)
    expect(await references()).toHaveLength(10)

    // The base-locale title is required, with the shared rule's message, and blocks publishing.
    await pane.getByRole('tab', {name: 'Content'}).click()
    await localizedInput(pane, 'title', 'en').fill('')
    const message = 'Title is required in EN: it is the text every other language falls back to.'
    const icon = pane.locator(`[data-testid='field-title[_key=="en"].value'] [data-testid="input-validation-icon-error"]`)
    await icon.waitFor({timeout: 30_000})
    await expect
      .poll(async () => {
        await icon.hover()
        return page.getByText(message).first().isVisible()
      }, {timeout: 30_000})
      .toBe(true)
    expect(await pane.locator('[data-testid="action-publish"]').isDisabled()).toBe(true)
    await harness.screenshot(page, 'editor-validation')

    // Discard the draft: the published treatment is untouched.
    await pane.getByTestId('action-menu-button').click()
    await page.getByRole('menuitem', {name: 'Discard changes'}).click()
    await page.getByRole('dialog').getByRole('button', {name: /Discard/}).click()
    await expect.poll(async () => storedDocument('drafts.treatment-mesotherapy-cellulite'), {timeout: 30_000}).toBeUndefined()
    const published = await storedDocument('treatment-mesotherapy-cellulite')
    expect(localized(published, 'title', 'en')).toBe('Mesotherapy for cellulite')
    expect(((published?.contraindications ?? []) as Array<{_ref: string}>)[0]?._ref).toBe('contraindication-pregnancy')
  }, 240_000)

  it('is refused when unpublishing a contraindication the treatment refers to; unpublishes and republishes the treatment', async () => {
    const page = await openStudio('/structure/contraindication;contraindication-diabetes')
    let pane = lastDocumentPane(page)
    await localizedInput(pane, 'text', 'en').waitFor({timeout: 60_000})
    // Unpublishing is offered on the published version.
    await pane.getByTestId('document-header-Published-chip').click()
    await pane.locator('[data-testid="pane-footer"]').getByRole('button', {name: 'Unpublish'}).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.getByText('You may not be able to unpublish “Diabetes” because the following documents refer to it:').isVisible(), {timeout: 30_000}).toBe(true)
    await dialog.getByRole('button', {name: 'Unpublish anyway'}).click()
    // The lake refuses, as Content Lake does, and the Studio says why.
    await expect.poll(() => page.getByText(/An error occurred while attempting to unpublish this document/).isVisible(), {timeout: 30_000}).toBe(true)
    expect(await storedDocument('contraindication-diabetes')).toBeDefined()
    await harness.screenshot(page, 'editor-unpublish-refused')

    await page.goto(new URL('/structure/treatment;treatment-mesotherapy-cellulite', harness.studio.url).href)
    pane = lastDocumentPane(page)
    await localizedInput(pane, 'title', 'en').waitFor({timeout: 60_000})
    await pane.getByTestId('document-header-Published-chip').click()
    await pane.locator('[data-testid="pane-footer"]').getByRole('button', {name: 'Unpublish'}).click()
    await page.getByRole('dialog').getByRole('button', {name: /^Unpublish/}).click()
    await expect.poll(async () => (await storedDocument('treatment-mesotherapy-cellulite')) === undefined, {timeout: 30_000}).toBe(true)
    expect(await storedDocument('drafts.treatment-mesotherapy-cellulite')).toBeDefined()
    const {page: patient} = await harness.newPage()
    expect((await patient.goto(`${site.url}/it/treatments/${italianSlug}`))?.status()).toBe(404)

    await pane.getByTestId('document-header-Draft-chip').click()
    await publish(pane, 'treatment-mesotherapy-cellulite', (published) => localized(published, 'title', 'it') === 'Mesoterapia per la cellulite')
    expect((await patient.goto(`${site.url}/it/treatments/${italianSlug}`))?.status()).toBe(200)
  }, 240_000)
})

describe('a translator', () => {
  it('marks the Italian translation reviewed, then sees it turn stale when the English text changes; the site shows the English', async () => {
    const page = await openStudio('/structure/contraindication;contraindication-obesity')
    const pane = lastDocumentPane(page)
    const footer = pane.locator('[data-testid="pane-footer"]')
    await expect.poll(() => footer.getByText(`it: ${states.translated.word}`).isVisible(), {timeout: 60_000}).toBe(true)
    expect(await footer.getByText('de: 1 missing').isVisible()).toBe(true)
    // Add-language buttons only for the language the field lacks: no document-wide row, no "+ English" or "+ Italiano".
    const addButtons = pane.getByTestId('add-buttons-grid').first()
    await expect.poll(() => addButtons.getByTestId('add-de').isVisible(), {timeout: 30_000}).toBe(true)
    expect(await addButtons.getByTestId('add-en').isVisible()).toBe(false)
    expect(await addButtons.getByTestId('add-it').isVisible()).toBe(false)
    expect(await pane.getByTestId('document-add-buttons').count()).toBe(0)

    // "Mark Italian reviewed" records who reviewed it, and when.
    await pane.locator('[data-testid="action-menu-button"]').click()
    await page.getByRole('menuitem', {name: 'Mark Italian reviewed'}).click()
    await expect.poll(() => footer.getByText('it: reviewed').isVisible(), {timeout: 30_000}).toBe(true)
    await harness.screenshot(page, 'translator-reviewed')
    await publish(pane, 'contraindication-obesity', (published) => {
      const states = (published?.translations ?? []) as Array<{language?: string; status?: string; reviewedBy?: string}>
      const italian = states.find((state) => state.language === 'it')
      return italian?.status === 'reviewed' && italian.reviewedBy === 'Local editor'
    })

    // The English source changes: the Italian badge turns stale at once.
    const english = localizedInput(pane, 'text', 'en')
    await expect.poll(() => english.inputValue()).toBe('Obesity')
    await english.fill('Obesity (body mass index of 30 or more)')
    await expect.poll(() => footer.getByText('it: 1 stale').isVisible(), {timeout: 30_000}).toBe(true)
    expect(await footer.getByText('it: reviewed').count()).toBe(0)
    // The "Translation status" inspector lists the stale Italian field and the missing German one.
    await pane.getByRole('button', {name: 'Translation status', exact: true}).click()
    const inspector = page.locator('div').filter({has: page.getByRole('button', {name: 'Close translation status'})}).filter({hasText: '(de)'}).last()
    await expect.poll(() => inspector.getByText('stale', {exact: true}).first().isVisible(), {timeout: 30_000}).toBe(true)
    expect(await inspector.getByText('missing', {exact: true}).count()).toBeGreaterThan(0)
    expect(await inspector.innerText()).toMatch(/\(it\)[\s\S]*stale[\s\S]*\(de\)[\s\S]*missing/)
    // Beside the stale field: its schema title, not its name, and what changed in the English as a word diff.
    const change = inspector.getByTestId('source-change').first()
    await expect.poll(() => change.isVisible(), {timeout: 30_000}).toBe(true)
    expect(await change.locator('ins').innerText()).toContain('(body mass index of 30 or more)')
    expect(await change.innerText()).toMatch(/^What changed in the English: Obesity ?\(body mass index of 30 or more\)$/)
    expect(await inspector.getByText('Who cannot have it', {exact: true}).count()).toBeGreaterThan(0)
    expect(await inspector.locator('li', {hasText: 'stale'}).first().innerText()).not.toMatch(/^stale\s*text\b/m)
    await harness.screenshot(page, 'translator-stale')
    await publish(pane, 'contraindication-obesity', (published) => localized(published, 'text', 'en') === 'Obesity (body mass index of 30 or more)')

    // The Italian page shows the current English text, not the old Italian.
    const sitePage = await italianPage()
    const item = sitePage.locator('#who-cannot-have-it li.contraindication').filter({hasText: 'Obesity (body mass index of 30 or more)'})
    expect(await item.count()).toBe(1)
    expect(await item.locator('[lang="en"]').count()).toBeGreaterThan(0)
    // Marked as a translation being updated (it exists, but for the old English), not as never translated.
    expect(await item.textContent()).toContain(createUiStrings('it').t('updatingMarker', {language: 'inglese'}))
    expect(await sitePage.locator('#who-cannot-have-it').innerText()).not.toContain('Obesità')
    await item.scrollIntoViewIfNeeded()
    await harness.screenshot(sitePage, 'translator-site-it')

    // The translator updates the Italian, then says it matches the current English: the field is
    // translated again (awaiting review), and the Italian page shows it.
    const italianText = 'Obesità (indice di massa corporea pari o superiore a 30)'
    await localizedInput(pane, 'text', 'it').fill(italianText)
    await expect.poll(async () => localized(await storedDocument('drafts.contraindication-obesity'), 'text', 'it'), {timeout: 30_000}).toBe(italianText)
    const vouch = inspector.getByTestId('mark-translated')
    expect(await vouch.count()).toBe(1)
    expect(await vouch.innerText()).toBe('Matches the current English')
    await vouch.click()
    await expect.poll(() => footer.getByText('it: 1 stale').count(), {timeout: 30_000}).toBe(0)
    expect(await inspector.getByTestId('mark-translated').count()).toBe(0)
    await publish(pane, 'contraindication-obesity', (published) => {
      const italian = ((published?.translations ?? []) as Array<{language?: string; status?: string; sourceHashes?: Array<{field: string; hash: string}>}>).find((state) => state.language === 'it')
      return localized(published, 'text', 'it') === italianText && italian?.status === 'translated' && italian.sourceHashes?.find((entry) => entry.field === 'text')?.hash === sourceHash('Obesity (body mass index of 30 or more)')
    })
    await sitePage.reload()
    const translated = sitePage.locator('#who-cannot-have-it li.contraindication').filter({hasText: italianText})
    expect(await translated.count()).toBe(1)
    expect(await translated.textContent()).not.toContain(createUiStrings('it').t('updatingMarker', {language: 'inglese'}))
  }, 300_000)
})

describe('without the token', () => {
  let page: Page

  it('shows the login screen, pointing to the address pnpm studio prints, and no content', async () => {
    const opened = await harness.newPage()
    page = opened.page
    const seen = recordApiResponses(page, origin())
    await page.goto(harness.studio.url)
    const help = page.getByRole('link', {name: /^How to log in$/})
    await help.waitFor({timeout: 60_000})
    await expect.poll(() => page.getByText('Choose login provider').isVisible()).toBe(true)
    await harness.screenshot(page, 'login-without-token')

    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/Mesotherapy|Treatments\n|Contraindications/)
    // The Studio asked who is logged in, was told nobody, and asked for nothing else of value.
    const requests = await seen.settled()
    expect(requests.find((request) => request.path.includes('/users/me'))?.status).toBe(401)
    for (const request of requests) {
      expect(request.unread, request.path).toBeUndefined()
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

describe('an editor renaming a page', () => {
  it('changes the Italian slug and publishes; the old one is kept as a former slug, and the site redirects it (301)', async () => {
    const id = 'treatment-mesotherapy-cellulite'
    const page = await openStudio(`/structure/treatment;${id}`)
    const pane = lastDocumentPane(page)
    const italian = localizedInput(pane, 'localizedSlugs', 'it')
    await expect.poll(() => italian.inputValue(), {timeout: 60_000}).toBe(italianSlug)
    const renamed = 'mesoterapia-anticellulite'
    await italian.fill(renamed)
    await expect.poll(async () => localized(await storedDocument(`drafts.${id}`), 'localizedSlugs', 'it'), {timeout: 30_000}).toBe(renamed)

    await publish(pane, id, (published) => localized(published, 'localizedSlugs', 'it') === renamed)
    expect((await storedDocument(id))?.formerSlugs).toEqual([{_key: `it-${italianSlug}`, _type: 'formerSlug', language: 'it', slug: italianSlug}])
    await harness.screenshot(page, 'editor-renamed-slug')

    const old = await fetch(`${site.url}/it/treatments/${italianSlug}`, {redirect: 'manual'})
    expect([old.status, old.headers.get('location')]).toEqual([301, `/it/treatments/${renamed}`])
    expect((await fetch(`${site.url}/it/treatments/${renamed}`)).status).toBe(200)
  }, 240_000)
})
