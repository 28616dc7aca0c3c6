import {historyFileOf, readHistoryLog} from '@treatments/local-lake'
import {exportXliff, findLocalizedFields, importXliff, isXliffError, localizedValue, type TranslatableDocument} from '@treatments/translations'
import type {Element} from '@xmldom/xmldom'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {startLakeFixture} from '../../packages/local-lake/src/test-support/lake-fixture.ts'
import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {defaultDatasetPath} from '../../scripts/lib/paths.ts'
import type {TempLake} from './support/temp-lake.ts'

// What importXliff's options do against a real lake, in this process (the command tests run the
// same in a child process): --publish and what it refuses, the author the history names, and
// an import that has nothing to write.

const now = '2026-06-01T00:00:00.000Z'
let temp: TempLake
beforeEach(async () => {
  temp = await startLakeFixture({author: 'Dr. Rossi'}, {file: defaultDatasetPath})
})
afterEach(async () => {
  await temp.close()
})

const unitOf = (documentId: string, field: string) => (unit: Element) =>
  unit.getAttribute('name') === field && (unit.parentNode as Element).getAttribute('id') === documentId

/** The German export with new text for the named units; every other unit as exported (current translations as targets). */
async function germanWith(...units: Array<[documentId: string, field: string]>): Promise<string> {
  const {xml} = await exportXliff(temp.client, {locale: 'de'})
  return translateXliff(xml!, (text) => `[DE] ${text}`, (unit) => units.some(([documentId, field]) => unitOf(documentId, field)(unit)))
}

const historyEntries = async () => (await readHistoryLog(historyFileOf(temp.file))).entries

async function refusal(xml: string): Promise<Error> {
  const error = await importXliff(temp.client, xml, {now, publish: true}).catch((caught: unknown) => caught)
  expect(isXliffError(error) && error.code).toBe('PUBLISH_REFUSED')
  return error as Error
}

describe('importXliff with publish', () => {
  it('refuses a changed safety text and a document with a draft, each named, writing nothing; an unchanged safety text passes', async () => {
    // The export holds the current German of every contraindication as its target: sent back unchanged, they are no refusal.
    const safety = await germanWith(['contraindication-diabetes', 'text'])
    const before = await temp.readText()
    expect((await refusal(safety)).message).toBe(
      'Publishing refused: 1 problem; nothing was changed\n' +
        '  - document "contraindication-diabetes", field "text": a safety text is never published before its medical and translation review; import without --publish and publish it from the Studio after review',
    )
    await temp.client.create({...(await temp.client.getDocument('condition-cellulite'))!, _id: 'drafts.condition-cellulite'})
    const both = await germanWith(['contraindication-diabetes', 'text'], ['condition-cellulite', 'description'])
    const withDraft = await temp.readText()
    expect((await refusal(both)).message).toBe(
      'Publishing refused: 2 problems; nothing was changed\n' +
        '  - document "contraindication-diabetes", field "text": a safety text is never published before its medical and translation review; import without --publish and publish it from the Studio after review\n' +
        '  - document "condition-cellulite" has a draft with unpublished edits; publish or discard it in the Studio first, or import without --publish',
    )
    expect(withDraft).not.toBe(before)
    expect(await temp.readText()).toBe(withDraft)
  })

  it('refuses an effect\'s changed text too: a medical review covers what an effect promises, so imported text waits for it', async () => {
    const before = await temp.readText()
    expect((await refusal(await germanWith(['effect-results-from-day-3', 'text']))).message).toBe(
      'Publishing refused: 1 problem; nothing was changed\n' +
        '  - document "effect-results-from-day-3", field "text": a safety text is never published before its medical and translation review; import without --publish and publish it from the Studio after review',
    )
    expect(await temp.readText()).toBe(before)
  })

  it('writes the published document, not a draft', async () => {
    const result = await importXliff(temp.client, await germanWith(['condition-cellulite', 'description']), {now, publish: true})
    expect(result).toMatchObject({applied: true, target: 'published'})
    const [entry] = (await historyEntries()).filter((candidate) => candidate.transactionId === result.transactionId)
    expect(entry!.changes.map((change) => change.id)).toEqual(['condition-cellulite'])
    const documents = await temp.readDocuments()
    expect(documents.some((document) => document._id.startsWith('drafts.'))).toBe(false)
    const published = documents.find((document) => document._id === 'condition-cellulite') as TranslatableDocument
    const description = findLocalizedFields(published).find((field) => field.path === 'description')!.items
    expect(localizedValue(description, 'de')).toMatch(/^\[DE\] /)
  })

  it('finds no document to publish that exists only as a draft', async () => {
    const {_rev: _omitRev, ...cellulite} = (await temp.client.getDocument('condition-cellulite'))!
    await temp.client.create({...cellulite, _id: 'drafts.condition-new'})
    const xml = (await germanWith(['condition-cellulite', 'description'])).replace('<file id="condition-cellulite"', '<file id="condition-new"')
    const error = await importXliff(temp.client, xml, {now, publish: true}).catch((caught: unknown) => caught)
    expect(isXliffError(error) && error.problems).toEqual(['file "condition-new": unknown document "condition-new"'])
  })
})

describe('importXliff', () => {
  it('names the author it is given in the history, and otherwise leaves the lake its own', async () => {
    const named = await importXliff(temp.client, await germanWith(['condition-cellulite', 'description']), {now, author: 'translations import de.xlf'})
    const unnamed = await importXliff(temp.client, await germanWith(['condition-cellulite', 'name']), {now})
    const authorOf = async (transactionId: string | undefined) => (await historyEntries()).find((entry) => entry.transactionId === transactionId)?.author
    expect(await authorOf(named.transactionId)).toBe('translations import de.xlf')
    expect(await authorOf(unnamed.transactionId)).toBe('Dr. Rossi')
  })

  it('writes nothing, and commits no transaction, when the file changes nothing', async () => {
    const before = (await historyEntries()).length
    const result = await importXliff(temp.client, await germanWith(), {now})
    expect(result).toMatchObject({applied: false, target: 'draft', updates: []})
    expect(result.transactionId).toBeUndefined()
    expect((await historyEntries()).length).toBe(before)
  })
})
