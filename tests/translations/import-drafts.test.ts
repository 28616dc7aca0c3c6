import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {exportXliff, findLocalizedFields, importXliff, isXliffError, localizedValue, type TranslatableDocument} from '@treatments/translations'
import {authorIdentity, LOCAL_LAKE_USER_ID, startLocalLake} from '@treatments/local-lake'
import type {Element} from '@xmldom/xmldom'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {runScript} from './support/run-script.ts'
import {startTempLake} from './support/temp-lake.ts'

let directory: string
let dataset: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'translations-drafts-'))
  dataset = join(directory, 'dataset.ndjson')
  await copyFile(defaultDatasetPath, dataset)
})
afterEach(async () => {
  await rm(directory, {recursive: true, force: true})
})

const translations = (...args: string[]) => runScript('translations.ts', args, {CONTENT_DATASET: dataset})
const only = (documentId: string, field: string) => (unit: Element) =>
  unit.getAttribute('name') === field && (unit.parentNode as Element).getAttribute('id') === documentId
const lines = (text: string) => text.split('\n').filter((line) => line !== '')
const isDraftLine = (line: string) => line.startsWith('{"_id":"drafts.')

/** Exports `locale` from the dataset file and translates one field of one document into `xlf`. */
async function translateOne(locale: string, documentId: string, field: string, translate: (text: string) => string): Promise<string> {
  const xlf = join(directory, `${locale}.xlf`)
  const exported = await translations('export', '--locale', locale, '--only', 'missing', '--out', xlf)
  expect(exported.code, exported.stderr).toBe(0)
  await writeFile(xlf, translateXliff(await readFile(xlf, 'utf8'), translate, only(documentId, field)))
  return xlf
}

// Each test runs the commands three or four times (a Node start each): generous on a loaded machine.
describe('translations import writes drafts', {timeout: 120_000}, () => {
  it('puts a changed target in a new draft, leaves every published document byte-identical, and the history names the import as author', async () => {
    const id = 'condition-cellulite'
    const xlf = await translateOne('de', id, 'description', () => 'Orangenhaut kann ein Zeichen von Cellulite sein.')
    const before = await readFile(dataset, 'utf8')

    const result = await translations('import', xlf)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe(
      `de: 1 added, 0 updated, 0 unchanged, 37 without target (left as they are)\n  added    ${id}  Description (description)\n` +
        `Wrote 1 draft in one transaction (${/transaction \((.+)\)/.exec(result.stdout)![1]}); review and publish it in the Studio.\n`,
    )

    // Every published line of the file is as it was, byte for byte; one draft line is new.
    const after = await readFile(dataset, 'utf8')
    expect(lines(after).filter((line) => !isDraftLine(line))).toEqual(lines(before))
    const drafts = lines(after).filter(isDraftLine).map((line) => JSON.parse(line) as TranslatableDocument)
    expect(drafts.map((draft) => draft._id)).toEqual([`drafts.${id}`])
    const description = findLocalizedFields(drafts[0]!).find((field) => field.path === 'description')!
    expect(localizedValue(description.items, 'de')).toBe('Orangenhaut kann ein Zeichen von Cellulite sein.')
    expect(localizedValue(description.items, 'en')).toMatch(/^An orange peel appearance/)

    const author = `translations import ${xlf}`
    const history = await runScript('history.ts', [id, '--file', dataset])
    expect(history.code, history.stderr).toBe(0)
    expect(history.stdout).toContain(`  ${author}  created drafts.${id}  (transaction `)
    expect(history.stdout).toContain('  description[de]: (none) → "Orangenhaut kann ein Zeichen von Cellulite sein."')

    // The History API (what the Studio's history panel reads) names the same author.
    const lake = await startLocalLake({datasets: {production: dataset}, port: 0, host: '127.0.0.1', lock: false, readOnly: true})
    try {
      const auth = {Authorization: `Bearer ${lake.token}`}
      const response = await fetch(`${lake.url}/v2025-02-19/data/history/production/transactions/drafts.${id}`, {headers: auth})
      const transactions = lines(await response.text()).map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(transactions).toEqual([expect.objectContaining({authorName: author, documentIDs: [`drafts.${id}`]})])
      const events = (await (await fetch(`${lake.url}/v2025-02-19/data/history/production/events/documents/drafts.${id}`, {headers: auth})).json()) as {
        events: Record<string, Array<Record<string, unknown>>>
      }
      expect(events.events[`drafts.${id}`]![0]).toMatchObject({type: 'createDocumentVersion', versionId: `drafts.${id}`})
      // Its user id (what the Studio's history shows, naming it by /users/{id}) is the import's, not the editor's.
      expect(transactions[0]!.author).toBe(authorIdentity(author))
      expect(events.events[`drafts.${id}`]![0]!.author).toBe(authorIdentity(author))
      expect(authorIdentity(author)).not.toBe(LOCAL_LAKE_USER_ID)
    } finally {
      await lake.close()
    }
  })

  it('--publish writes the published document for a migration, and refuses an unreviewed safety text, writing nothing', async () => {
    const usage = await translations('import', '--help')
    expect(usage.stdout).toContain('--publish        for bulk migrations only')

    const safety = await translateOne('de', 'contraindication-diabetes', 'text', () => 'Diabetes')
    const before = await readFile(dataset, 'utf8')
    const refused = await translations('import', safety, '--publish')
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pnpm translations import: Publishing refused: 1 problem; nothing was changed\n' +
        '  - document "contraindication-diabetes", field "text": a safety text is never published before its medical and translation review; ' +
        'import without --publish and publish it from the Studio after review\n',
    })
    expect(await readFile(dataset, 'utf8')).toBe(before)

    const plain = await translateOne('de', 'condition-cellulite', 'description', () => 'Orangenhaut')
    const published = await translations('import', plain, '--publish')
    expect(published.code, published.stderr).toBe(0)
    expect(published.stdout).toMatch(/\nWrote 1 published document in one transaction \(.+\)\.\n$/)
    const after = lines(await readFile(dataset, 'utf8'))
    expect(after.some(isDraftLine)).toBe(false)
    expect(after.find((line) => line.startsWith('{"_id":"condition-cellulite"'))).toContain('"language":"de","value":"Orangenhaut"')
  })
})

describe('importXliff into an existing draft', () => {
  it('patches the draft (keeping its other edits), checks units against it, and refuses --publish past it', async () => {
    const temp = await startTempLake()
    try {
      const id = 'condition-cellulite'
      const xml = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, () => 'Orangenhaut', only(id, 'description'))
      // An editor's unpublished edit, as the Studio makes it.
      await temp.client.action({actionType: 'sanity.action.document.edit', draftId: `drafts.${id}`, publishedId: id, patch: {set: {'name[_key=="it"].value': 'Cellulite (bozza)'}}})
      const publishedBefore = (await temp.readText()).split('\n').find((line) => line.startsWith(`{"_id":"${id}"`))

      const refused = await importXliff(temp.client, xml, {publish: true}).catch((error: unknown) => error)
      expect(isXliffError(refused) && refused.code).toBe('PUBLISH_REFUSED')
      expect((refused as Error).message).toContain(`document "${id}" has a draft with unpublished edits`)

      const result = await importXliff(temp.client, xml, {author: 'translations import de.xlf'})
      expect(result).toMatchObject({applied: true, target: 'draft'})
      const documents = await temp.readDocuments()
      expect((await temp.readText()).split('\n').find((line) => line.startsWith(`{"_id":"${id}"`))).toBe(publishedBefore)
      const draft = documents.find((document) => document._id === `drafts.${id}`) as TranslatableDocument
      const field = (path: string) => findLocalizedFields(draft).find((candidate) => candidate.path === path)!.items
      expect(localizedValue(field('description'), 'de')).toBe('Orangenhaut')
      expect(localizedValue(field('name'), 'it')).toBe('Cellulite (bozza)')

      // The draft's English is what Publish would make live: a file exported before it changed is refused.
      await temp.client.patch(`drafts.${id}`).set({'description[_key=="en"].value': 'Cellulite, revised.'}).commit()
      const stale = await importXliff(temp.client, xml).catch((error: unknown) => error)
      expect(isXliffError(stale) && stale.code).toBe('IMPORT_REJECTED')
      expect((stale as Error).message).toContain(`document "${id}", field "description": source changed since export`)
    } finally {
      await temp.close()
    }
  })
})
