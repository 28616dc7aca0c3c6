import {sourceHash} from '@treatments/content/dataset'
import {translationStates as states} from '@treatments/content/ui-strings'
import {
  exportXliff,
  fetchPublishedDocuments,
  importXliff,
  isXliffError,
  parseXliff,
  translationStatus,
} from '@treatments/translations'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import xliff2js from 'xliff/xliff2js'

import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {xliffCoreViolations} from './support/xliff-core-rules.ts'
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

  it('is exported by --only missing,stale with the previous Italian as target to revise, the old and new English, and read by a third-party XLIFF reader', async () => {
    expect((await exportXliff(temp.client, {locale: 'it', only: ['missing', 'stale']})).xml).toBeUndefined()
    await changeEnglishTitle()
    const {xml, units} = await exportXliff(temp.client, {locale: 'it', only: ['missing', 'stale']})
    expect(units).toEqual({missing: 0, stale: 1, translated: 0, reviewed: 0})
    const [file] = parseXliff(xml!).files
    expect(file!.id).toBe(id)
    expect(file!.units.map((unit) => [unit.name, unit.sourceHash, unit.segments])).toEqual([
      [
        'title',
        await sourceHash(revised),
        [{line: expect.any(Number), source: [{kind: 'text', text: revised}], target: [{kind: 'text', text: 'Mesoterapia per la cellulite'}]}],
      ],
    ])
    // The agreed state: XLIFF 2.0 "initial" (not yet good to use) with the sub-state "stale".
    expect(xml).toContain('<segment canResegment="no" state="initial" subState="treatments:stale">')
    expect(xml).toContain('<note category="previousSource" appliesTo="source">Mesotherapy for cellulite</note>')
    expect(xml).toContain('<note category="sourceChange" appliesTo="source">Mesotherapy for cellulite{+: what to expect+}</note>')
    expect(xliffCoreViolations(xml!)).toEqual([])

    // locize's xliff package, a reader that knows nothing of this project, reads the same.
    const read = (await xliff2js(xml!)) as {sourceLanguage: string; targetLanguage: string; resources: Record<string, Record<string, {source: string; target: string; note: string[]}>>}
    expect(read).toMatchObject({sourceLanguage: 'en', targetLanguage: 'it'})
    expect(read.resources[id]!.title).toMatchObject({
      source: revised,
      target: 'Mesoterapia per la cellulite',
      note: [await sourceHash(revised), states.stale.word, 'Mesotherapy for cellulite', 'Mesotherapy for cellulite{+: what to expect+}'],
    })
  })

  it('refuses the previous translation sent back unchanged unless --confirm-unchanged, and imports a revised one as a draft', async () => {
    await changeEnglishTitle()
    const exported = (await exportXliff(temp.client, {locale: 'it', only: ['stale']})).xml!
    const before = await temp.readText()
    const refused = await importXliff(temp.client, exported).catch((caught: unknown) => caught)
    expect(isXliffError(refused) && refused.code).toBe('IMPORT_REJECTED')
    expect((refused as Error).message).toBe(
      `Import rejected: 1 problem; nothing was changed\n  - document "${id}", field "title": the <target> is the previous translation unchanged, ` +
        'but the en text changed since it was translated; revise it against the new source, or if it still fits, import again with --confirm-unchanged',
    )
    expect(await temp.readText()).toBe(before)

    const confirmed = await importXliff(temp.client, exported, {confirmUnchanged: true, dryRun: true})
    expect(confirmed.changes).toEqual([{documentId: id, documentType: 'treatment', field: 'title', change: 'updated'}])

    const revisedItalian = translateXliff(exported, () => 'Mesoterapia per la cellulite: cosa aspettarsi')
    const result = await importXliff(temp.client, revisedItalian)
    expect(result).toMatchObject({applied: true, target: 'draft'})
    const draft = (await temp.readDocuments()).find((document) => document._id === `drafts.${id}`)!
    const state = (draft.translations as Array<Record<string, unknown>>).find((entry) => entry.language === 'it')!
    // The English it was translated from is kept beside its hash, for the next change.
    expect(state.sourceTexts).toContainEqual({_key: expect.any(String), _type: 'sourceText', field: 'title', hash: await sourceHash(revised), text: revised})
  })

  it('refuses the previous translation returned with only invisible characters or other spaces added, as unchanged, and writes nothing', async () => {
    await changeEnglishTitle()
    const exported = (await exportXliff(temp.client, {locale: 'it', only: ['stale']})).xml!
    const before = await temp.readText()
    for (const disguised of ['Mesoterapia per la cellulite\u200B', 'Mesoterapia\u00A0per la\u202Fcellulite', 'Meso\u00ADterapia per la cellulite']) {
      const error = await importXliff(temp.client, translateXliff(exported, () => disguised)).catch((caught: unknown) => caught)
      expect(isXliffError(error) && error.problems, JSON.stringify(disguised)).toEqual([
        `document "${id}", field "title": the <target> is the previous translation unchanged, but the en text changed since it was translated; ` +
          'revise it against the new source, or if it still fits, import again with --confirm-unchanged',
      ])
    }
    expect(await temp.readText()).toBe(before)
    const status = await translationStatus(await fetchPublishedDocuments(temp.client), {locales: ['it']})
    expect(status.locales[0]).toMatchObject({stale: 1})
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

  it('shows what changed in the English as a word diff with status --diff, from the history log', async () => {
    await changeEnglishTitle()
    await temp.lake.close()
    const result = await runScript('translations.ts', ['status', '--locale', 'it', '--diff'], {CONTENT_DATASET: temp.file})
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(
      `\n\nChanged since translated ([-removed-]{+added+}):\n  it  ${id}  Title (title): Mesotherapy for cellulite{+: what to expect+}\n`,
    )
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
