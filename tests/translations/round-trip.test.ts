import {baseLocale} from '@treatments/content/locales'
import {
  exportXliff,
  fetchPublishedDocuments,
  findLocalizedFields,
  importXliff,
  localizedValue,
  parseXliff,
  translationStatus,
  type TranslatableDocument,
} from '@treatments/translations'
import type {Element} from '@xmldom/xmldom'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {translateXliff} from '../../packages/translations/src/test-support/test-translator.ts'
import {publishDrafts} from './support/publish-drafts.ts'
import {startTempLake, type TempLake} from './support/temp-lake.ts'

let temp: TempLake
beforeEach(async () => {
  temp = await startTempLake()
})
afterEach(async () => {
  await temp.close()
})

/** What must survive translation: blocks, styles, list items, marks and link hrefs; not the words. */
function structure(value: unknown): unknown {
  if (!Array.isArray(value)) return typeof value
  return value.map((block: Record<string, unknown>) => ({
    _type: block._type,
    _key: block._key,
    style: block.style,
    listItem: block.listItem,
    level: block.level,
    markDefs: block.markDefs,
    children: (block.children as Array<Record<string, unknown>>).map((child) => ({_type: child._type, marks: [...(child.marks as string[])].sort()})),
  }))
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return (value as Array<{children: Array<{text: string}>}>).flatMap((block) => block.children.map((child) => child.text))
}

describe('XLIFF round trip through the local lake', () => {
  it('exports de, takes the translator’s work back in one transaction, and de is 100% complete with Portable Text intact', async () => {
    const exported = await exportXliff(temp.client, {locale: 'de'})
    expect(exported.units).toEqual({missing: 38, stale: 0, translated: 12, reviewed: 0})
    const translated = translateXliff(exported.xml!, (text) => `[DE] ${text}`)

    const result = await importXliff(temp.client, translated, {now: '2026-06-01T00:00:00.000Z'})
    expect(result.applied).toBe(true)
    expect(result.changes).toHaveLength(50)
    expect(result.changes.filter((change) => change.change === 'added')).toHaveLength(38)
    expect(result.changes.filter((change) => change.change === 'updated')).toHaveLength(12)
    expect(result.updates).toHaveLength(26)
    expect(result.target).toBe('draft')
    expect(await publishDrafts(temp.client)).toBe(26)

    const documents = (await temp.readDocuments()) as TranslatableDocument[]
    const report = await translationStatus(documents, {locales: ['de']})
    expect(report.locales).toEqual([
      {locale: 'de', total: 50, missing: 0, stale: 0, translated: 50, reviewed: 0, complete: 50, percentComplete: 100},
    ])
    for (const document of documents) {
      for (const field of findLocalizedFields(document)) {
        const english = localizedValue(field.items, baseLocale)
        const german = localizedValue(field.items, 'de')
        expect(structure(german), `${document._id} ${field.path}`).toEqual(structure(english))
        expect(texts(german), `${document._id} ${field.path}`).toEqual(texts(english).map((text) => `[DE] ${text}`))
      }
      const state = (document.translations as Array<Record<string, unknown>>).find((entry) => entry.language === 'de')
      expect(state).toMatchObject({status: 'translated', translatedAt: '2026-06-01T00:00:00.000Z'})
    }
    const treatment = documents.find((document) => document._id === 'treatment-mesotherapy-cellulite')!
    const body = localizedValue(findLocalizedFields(treatment).find((field) => field.path === 'body')!.items, 'de') as Array<Record<string, unknown>>
    expect(body[1]!.markDefs).toEqual([{_type: 'link', _key: 'wiki', href: 'https://en.wikipedia.org/wiki/Mesotherapy'}])
    expect(body[8]).toMatchObject({listItem: 'bullet', level: 1, style: 'normal'})
  })

  it('re-importing the same file changes nothing, and exporting again gives the translations as targets', async () => {
    const translated = translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`)
    await importXliff(temp.client, translated)
    const before = await temp.readText()
    const again = await importXliff(temp.client, translated)
    expect(again.applied).toBe(false)
    expect(again.changes.every((change) => change.change === 'unchanged')).toBe(true)
    expect(await temp.readText()).toBe(before)
    await publishDrafts(temp.client)
    const reexported = await exportXliff(temp.client, {locale: 'de'})
    expect(reexported.units).toEqual({missing: 0, stale: 0, translated: 50, reviewed: 0})
    const segments = (xml: string) =>
      parseXliff(xml).files.flatMap((file) => file.units.flatMap((unit) => unit.segments.map((segment) => [file.id, unit.name, segment.source, segment.target])))
    expect(segments(reexported.xml!)).toEqual(segments(translated))
  })

  it('carries a carriage return of the English through export, refuses one in a target, imports the line feed alone, and the re-export repeats the source unchanged', async () => {
    const id = 'condition-cellulite'
    const [document] = await fetchPublishedDocuments(temp.client, [id])
    const items = findLocalizedFields(document!).find((field) => field.path === 'description')!.items
    items.find((item) => item.language === baseLocale)!.value = 'Line one\r\nLine two'
    await temp.client.createOrReplace(document!)

    const exported = (await exportXliff(temp.client, {locale: 'de'})).xml!
    expect(exported).toContain('<source>Line one<cp hex="000D"/>\nLine two</source>')
    const onlyDescription = (unit: Element) => unit.getAttribute('name') === 'description' && (unit.parentNode as Element).getAttribute('id') === id
    const translated = translateXliff(exported, (text) => text.replace('Line one', 'Zeile eins').replace('Line two', 'Zeile zwei'), onlyDescription)
    expect(translated).toContain('<target>Zeile eins<cp hex="000D"/>\nZeile zwei</target>')
    // A carriage return is a control character: never stored as text, also when the English has one.
    const refused = await importXliff(temp.client, translated, {locale: 'de'}).catch((caught: unknown) => caught)
    expect((refused as {problems?: string[]}).problems).toEqual([
      `document "${id}", field "description": the <target> holds a control character (U+000D), which is not text; remove it`,
    ])

    const lineFeed = translated.replace('<target>Zeile eins<cp hex="000D"/>\nZeile zwei</target>', '<target>Zeile eins\nZeile zwei</target>')
    const result = await importXliff(temp.client, lineFeed, {locale: 'de'})
    expect(result.changes.filter((change) => change.change !== 'unchanged')).toEqual([{documentId: id, documentType: 'condition', field: 'description', change: 'added'}])
    expect(result.applied).toBe(true)
    await publishDrafts(temp.client)
    const stored = (await temp.readDocuments()).find((candidate) => candidate._id === id) as TranslatableDocument
    expect(localizedValue(findLocalizedFields(stored).find((field) => field.path === 'description')!.items, 'de')).toBe('Zeile eins\nZeile zwei')
    const report = await translationStatus([stored], {locales: ['de']})
    expect(report.fields.find((field) => field.field === 'description')).toMatchObject({state: 'translated'})

    const reexported = (await exportXliff(temp.client, {locale: 'de', only: ['translated']})).xml!
    expect(reexported).toContain('<source>Line one<cp hex="000D"/>\nLine two</source>')
    expect(reexported).toContain('<target>Zeile eins\nZeile zwei</target>')
    const again = await importXliff(temp.client, reexported)
    expect(again.changes.find((change) => change.documentId === id && change.field === 'description')).toMatchObject({change: 'unchanged'})
  })

  it('leaves Italian’s localized link and every other locale alone', async () => {
    const before = await fetchPublishedDocuments(temp.client)
    await importXliff(temp.client, translateXliff((await exportXliff(temp.client, {locale: 'de'})).xml!, (text) => `[DE] ${text}`))
    await publishDrafts(temp.client)
    const after = await fetchPublishedDocuments(temp.client)
    for (const [index, document] of after.entries()) {
      for (const field of findLocalizedFields(document)) {
        const previous = findLocalizedFields(before[index]!).find((candidate) => candidate.path === field.path)!
        for (const locale of ['en', 'it']) expect(localizedValue(field.items, locale)).toEqual(localizedValue(previous.items, locale))
      }
    }
  })
})
