import {sourceHash} from '@treatments/content/dataset'
import {
  exportXliff,
  fetchPublishedDocuments,
  importXliff,
  isXliffError,
  parseXliff,
  translationStatus,
} from '@treatments/translations'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {runScript} from './support/run-script.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

const id = 'treatment-mesotherapy-cellulite'
const revised = 'Mesotherapy for cellulite: what to expect'

let temp: TempLake
beforeEach(async () => {
  temp = await startTempLake()
})
afterEach(async () => {
  await temp.close()
})

async function changeEnglishTitle(): Promise<void> {
  await temp.client.patch(id).set({'title[_key=="en"].value': revised}).commit()
}

describe('a changed English field', () => {
  it('makes its Italian translation stale in status', async () => {
    const before = await translationStatus(await fetchPublishedDocuments(temp.client), {locales: ['it']})
    expect(before.locales[0]).toMatchObject({stale: 0, complete: 50})
    await changeEnglishTitle()
    const after = await translationStatus(await fetchPublishedDocuments(temp.client), {locales: ['it']})
    expect(after.locales[0]).toMatchObject({stale: 1, translated: 49, complete: 49, total: 50})
    expect(after.fields.filter((field) => field.state === 'stale')).toEqual([
      {
        documentId: id,
        documentType: 'treatment',
        field: 'title',
        itemType: 'internationalizedArrayStringValue',
        locale: 'it',
        state: 'stale',
        reason: 'source-changed',
        sourceHash: await sourceHash(revised),
        recordedHash: await sourceHash('Mesotherapy for cellulite'),
      },
    ])
  })

  it('is exported by --only stale, without the outdated translation as target', async () => {
    expect((await exportXliff(temp.client, {locale: 'it', only: ['stale']})).xml).toBeUndefined()
    await changeEnglishTitle()
    const {xml, units} = await exportXliff(temp.client, {locale: 'it', only: ['stale']})
    expect(units).toEqual({missing: 0, stale: 1, translated: 0, reviewed: 0})
    const [file] = parseXliff(xml!).files
    expect(file!.id).toBe(id)
    expect(file!.units.map((unit) => [unit.name, unit.sourceHash, unit.segments])).toEqual([
      ['title', await sourceHash(revised), [{line: expect.any(Number), source: [{kind: 'text', text: revised}]}]],
    ])
  })

  it('is exported by the command with --only stale', async () => {
    await changeEnglishTitle()
    await temp.lake.close()
    const result = await runScript('translations.ts', ['export', '--locale', 'it', '--only', 'stale'], {CONTENT_DATASET: temp.file})
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(`translations export: 1 field (1 stale) of 1 document for it\n`)
    expect(result.stdout).toContain(`<file id="${id}" xml:space="preserve">`)
    expect(result.stdout).toContain(`<source>${revised}</source>`)
  })

  it('makes an import of a file exported before the change fail as a conflict, changing nothing', async () => {
    const translated = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`)
    await changeEnglishTitle()
    const before = await temp.readText()
    const error = await importXliff(temp.client, translated).catch((caught: unknown) => caught)
    expect(isXliffError(error) && error.code).toBe('IMPORT_REJECTED')
    expect((error as Error).message).toBe(
      `Import rejected: 1 problem; nothing was changed\n  - document "${id}", field "title": source changed since export ` +
        `(exported from ${await sourceHash('Mesotherapy for cellulite')}, the en text is now ${await sourceHash(revised)}); export again and translate the new text`,
    )
    expect(await temp.readText()).toBe(before)
  })
})
