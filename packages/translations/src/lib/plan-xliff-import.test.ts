import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {sampleDocument, stringItem} from '../test-support/documents.ts'
import {translateXliff} from '../test-support/test-translator.ts'
import {createXliffExport} from './create-xliff-export.ts'
import type {TranslatableDocument} from './document-translation-status.ts'
import {parseXliff} from './parse-xliff.ts'
import {planXliffImport} from './plan-xliff-import.ts'
import {targetHash} from './target-hash.ts'
import type {XliffError} from './xliff-error.ts'

const now = '2026-05-01T12:00:00.000Z'

async function exportOf(document: TranslatableDocument, locale: string, only?: Array<'missing' | 'stale' | 'translated' | 'reviewed'>): Promise<string> {
  return (await createXliffExport([document], {locale, ...(only === undefined ? {} : {only})})).xml!
}

async function rejection(xml: string, documents: TranslatableDocument[]): Promise<XliffError> {
  try {
    await planXliffImport(parseXliff(xml), documents, {now})
  } catch (error) {
    return error as XliffError
  }
  throw new Error('expected a rejection')
}

describe('planXliffImport', () => {
  it('computes one guarded update per document: the locale’s values and its translation state', async () => {
    const document = await sampleDocument()
    const xml = translateXliff(await exportOf(document, 'de'), (text) => `[DE] ${text}`)
    const plan = await planXliffImport(parseXliff(xml), [document], {now})
    expect(plan.changes.map((change) => [change.field, change.change])).toEqual([
      ['title', 'updated'],
      ['summary', 'added'],
      ['body', 'added'],
      ['claims[_key=="c1"].statement', 'added'],
    ])
    expect(plan.updates).toHaveLength(1)
    const [update] = plan.updates
    expect(update!.documentId).toBe('treatment-a')
    expect(update!.revision).toBe('r1')
    expect(update!.set.title).toEqual([
      {_key: 'en', _type: 'internationalizedArrayStringValue', language: 'en', value: 'Mesotherapy'},
      {_key: 'it', _type: 'internationalizedArrayStringValue', language: 'it', value: 'Mesoterapia'},
      {_key: 'de', _type: 'internationalizedArrayStringValue', language: 'de', value: '[DE] Mesotherapy'},
    ])
    expect((update!.set['claims[_key=="c1"].statement'] as unknown[]).at(-1)).toEqual({
      _key: 'de',
      _type: 'internationalizedArrayStringValue',
      language: 'de',
      value: '[DE] Results last.',
    })
    expect(update!.set.translations).toEqual([
      (document.translations as unknown[])[0],
      {
        _key: 'de',
        _type: 'translationState',
        language: 'de',
        status: 'translated',
        translatedAt: now,
        sourceHashes: [
          {_key: 'h1', _type: 'sourceHash', field: 'title', hash: await sourceHash('Mesotherapy')},
          {_key: 'h2', _type: 'sourceHash', field: 'summary', hash: await sourceHash('A treatment.')},
          {_key: 'h3', _type: 'sourceHash', field: 'body', hash: expect.stringMatching(/^sha256-/)},
          {_key: 'h4', _type: 'sourceHash', field: 'claims[_key=="c1"].statement', hash: await sourceHash('Results last.')},
        ],
        reviewedTargetHashes: [
          {_key: 'r1', _type: 'sourceHash', field: 'title', hash: await sourceHash('[DE] Mesotherapy')},
          {_key: 'r2', _type: 'sourceHash', field: 'summary', hash: await sourceHash('[DE] A treatment.')},
          {_key: 'r3', _type: 'sourceHash', field: 'body', hash: await sourceHash((update!.set.body as Array<{value: unknown}>).at(-1)!.value)},
          {_key: 'r4', _type: 'sourceHash', field: 'claims[_key=="c1"].statement', hash: await sourceHash('[DE] Results last.')},
        ],
        sourceTexts: [
          {_key: 's1', _type: 'sourceText', field: 'title', hash: await sourceHash('Mesotherapy'), text: 'Mesotherapy'},
          {_key: 's2', _type: 'sourceText', field: 'summary', hash: await sourceHash('A treatment.'), text: 'A treatment.'},
          {_key: 's3', _type: 'sourceText', field: 'body', hash: expect.stringMatching(/^sha256-/), text: 'Heading\n\nSee the bold and more.\n\nItem'},
          {_key: 's4', _type: 'sourceText', field: 'claims[_key=="c1"].statement', hash: await sourceHash('Results last.'), text: 'Results last.'},
        ],
      },
    ])
  })

  it('sets a reviewed locale back to translated, without reviewer, when its text changes', async () => {
    const document = await sampleDocument()
    const xml = translateXliff(await exportOf(document, 'it', ['missing', 'reviewed']), (text) => `[IT] ${text}`, (unit) => unit.getAttribute('name') === 'title')
    const plan = await planXliffImport(parseXliff(xml), [document], {now})
    expect(plan.changes).toEqual([{documentId: 'treatment-a', documentType: 'treatment', field: 'title', change: 'updated'}])
    expect(plan.skipped.map((entry) => entry.field)).toEqual(['body'])
    const state = (plan.updates[0]!.set.translations as Array<Record<string, unknown>>)[0]!
    expect(state).toMatchObject({_key: 'it', status: 'translated', translatedAt: now})
    expect(state).not.toHaveProperty('reviewedBy')
    expect(state).not.toHaveProperty('reviewedAt')
  })

  it('writes nothing when the file only repeats the current translations', async () => {
    const document = await sampleDocument()
    const plan = await planXliffImport(parseXliff(await exportOf(document, 'it', ['missing', 'reviewed'])), [document], {now})
    expect(plan.changes).toEqual([{documentId: 'treatment-a', documentType: 'treatment', field: 'title', change: 'unchanged'}])
    expect(plan.updates).toEqual([])
  })

  it('rejects a unit whose English text changed since export, naming document and field', async () => {
    const document = await sampleDocument()
    const xml = translateXliff(await exportOf(document, 'de'), (text) => text)
    ;(document.summary as Array<Record<string, unknown>>)[0]!.value = 'A new summary.'
    const error = await rejection(xml, [document])
    expect(error.code).toBe('IMPORT_REJECTED')
    expect(error.message).toBe(
      `Import rejected: 1 problem; nothing was changed\n  - document "treatment-a", field "summary": source changed since export (exported from ${await sourceHash('A treatment.')}, the en text is now ${await sourceHash('A new summary.')}); export again and translate the new text`,
    )
  })

  it('rejects unknown documents and fields, edited sources, partial and empty targets, and dropped links, all at once', async () => {
    const document = await sampleDocument()
    const xml = translateXliff(await exportOf(document, 'de'), (text) => text)
      .replace('name="summary"', 'name="subtitle"')
      .replace('<source>Results last.</source>', '<source>Results last forever.</source>')
      .replace('<target>Heading</target>', '')
      .replace('<target>Mesotherapy</target>', '<target> </target>')
    const withStranger = xml.replace('</xliff>', '<file id="nobody"><unit id="title" name="title"><notes><note category="sourceHash">x</note></notes><segment><source>a</source></segment></unit></file></xliff>')
    const error = await rejection(withStranger, [document])
    expect(error.problems).toEqual([
      'document "treatment-a", field "title": the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)',
      'document "treatment-a": unknown field "subtitle" (unit "summary")',
      'document "treatment-a", field "body": only 2 of 3 segments have a <target>; translate all of them or none',
      'document "treatment-a", field "claims[_key=="c1"].statement": the <source> differs from the current text; sources must not be edited, export again',
      'file "nobody": unknown document "nobody"',
    ])
  })

  it('rejects a blank target on any one paragraph or string whose source has text, naming document, field and segment', async () => {
    const document = await sampleDocument()
    const exported = translateXliff(await exportOf(document, 'de'), (text) => `[DE] ${text}`)
    const b2 = /<target>\[DE\] See <pc id="m1"[\s\S]*?<\/target>/.exec(exported)![0]
    const blanked = exported
      .replace(b2, '<target/>')
      .replace('<target>[DE] Item</target>', '<target>  \n </target>')
      .replace('<target>[DE] A treatment.</target>', '<target></target>')
    const error = await rejection(blanked, [document])
    expect(error.code).toBe('IMPORT_REJECTED')
    expect(error.problems).toEqual([
      'document "treatment-a", field "summary": the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)',
      'document "treatment-a", field "body", segment "b2": the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)',
      'document "treatment-a", field "body", segment "b3": the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)',
    ])
  })

  it('rejects a target of invisible characters only (zero-width space, word joiner, soft hyphen), naming the unit', async () => {
    const document = await sampleDocument()
    const exported = translateXliff(await exportOf(document, 'de'), (text) => `[DE] ${text}`)
    const invisible = exported.replace('<target>[DE] A treatment.</target>', '<target>\u200B\u2060\u00AD</target>')
    const error = await rejection(invisible, [document])
    expect(error.code).toBe('IMPORT_REJECTED')
    expect(error.problems).toEqual([
      'document "treatment-a", field "summary": the <target> has no visible text (empty, whitespace or invisible characters) but the <source> has text; translate it (an import never deletes or blanks text)',
    ])
  })

  it('rejects a target that drops a link or a bold mark, naming the unit, segment and link', async () => {
    const document = await sampleDocument()
    const exported = translateXliff(await exportOf(document, 'de'), (text) => `[DE] ${text}`)
    const target = /<target>\[DE\] See <pc id="m1"[\s\S]*?<\/target>/.exec(exported)![0]
    const dropped = exported.replace(target, '<target>[DE] Siehe den fetten Link.</target>')
    const error = await rejection(dropped, [document])
    expect(error.problems).toEqual([
      'document "treatment-a", field "body", segment "b2": the target drops <pc id="m1"> (link to https://example.org/en)',
      'document "treatment-a", field "body", segment "b2": the target drops <pc id="m2"> (strong)',
    ])
  })

  it('writes only the fields that changed, also in a document where another field is unchanged', async () => {
    const document = await sampleDocument()
    const exported = await exportOf(document, 'it', ['missing', 'stale', 'reviewed'])
    const xml = translateXliff(exported, (text) => `[IT] ${text}`, (unit) => unit.getAttribute('name') !== 'title')
    const plan = await planXliffImport(parseXliff(xml), [document], {now})
    expect(plan.changes.map((change) => [change.field, change.change])).toEqual([
      ['title', 'unchanged'],
      ['summary', 'updated'],
      ['body', 'added'],
      ['claims[_key=="c1"].statement', 'updated'],
    ])
    expect(plan.updates).toHaveLength(1)
    expect(Object.keys(plan.updates[0]!.set)).toEqual(['summary', 'body', 'claims[_key=="c1"].statement', 'translations'])
  })

  it('gives a new item and a new translation state keys no other entry has, and keeps the other states in place', async () => {
    const hash = await sourceHash('Mesotherapy')
    // Older data: an item and a state keyed "de" that hold another language.
    const document: TranslatableDocument = {
      _id: 'treatment-b',
      _type: 'treatment',
      _rev: 'r7',
      title: [stringItem('en', 'Mesotherapy'), {...stringItem('it', 'Mesoterapia'), _key: 'de'}],
      translations: [
        {_key: 'de', _type: 'translationState', language: 'it', status: 'translated', sourceHashes: [{_key: 'h1', _type: 'sourceHash', field: 'title', hash}]},
        {_key: 'x', _type: 'translationState', language: 'xx', status: 'draft'},
      ],
    }
    const xml = translateXliff(await exportOf(document, 'de'), (text) => `[DE] ${text}`)
    const [update] = (await planXliffImport(parseXliff(xml), [document], {now})).updates
    expect(update!.set.title).toEqual([...(document.title as unknown[]), {_key: 'de-2', _type: 'internationalizedArrayStringValue', language: 'de', value: '[DE] Mesotherapy'}])
    expect(update!.set.translations).toEqual([
      ...(document.translations as unknown[]),
      {
        _key: 'de-2',
        _type: 'translationState',
        language: 'de',
        status: 'translated',
        translatedAt: now,
        sourceHashes: [{_key: 'h1', _type: 'sourceHash', field: 'title', hash}],
        reviewedTargetHashes: [{_key: 'r1', _type: 'sourceHash', field: 'title', hash: targetHash('[DE] Mesotherapy')}],
        sourceTexts: [{_key: 's1', _type: 'sourceText', field: 'title', hash, text: 'Mesotherapy'}],
      },
    ])
  })

  it("updates the locale's recorded hashes and source texts in place, dropping entries that are not objects", async () => {
    const oldHash = await sourceHash('Mesotherapy, older')
    const hash = await sourceHash('Mesotherapy')
    const document: TranslatableDocument = {
      _id: 'treatment-c',
      _type: 'treatment',
      _rev: 'r2',
      title: [stringItem('en', 'Mesotherapy'), stringItem('de', 'Mesotherapie')],
      translations: [
        {
          _key: 'de',
          _type: 'translationState',
          language: 'de',
          status: 'reviewed',
          sourceHashes: [null, {_key: 'h7', _type: 'sourceHash', field: 'title', hash: oldHash}],
          reviewedTargetHashes: ['stray', {_key: 'r7', _type: 'sourceHash', field: 'title', hash: targetHash('Mesotherapie')}],
          sourceTexts: [null, {_key: 's7', _type: 'sourceText', field: 'title', hash: oldHash, text: 'Mesotherapy, older'}],
        },
      ],
    }
    const xml = translateXliff(await exportOf(document, 'de'), () => 'Mesotherapie (neu)')
    const [update] = (await planXliffImport(parseXliff(xml), [document], {now})).updates
    expect(update!.set.translations).toEqual([
      {
        _key: 'de',
        _type: 'translationState',
        language: 'de',
        status: 'translated',
        translatedAt: now,
        sourceHashes: [{_key: 'h7', _type: 'sourceHash', field: 'title', hash}],
        reviewedTargetHashes: [{_key: 'r7', _type: 'sourceHash', field: 'title', hash: targetHash('Mesotherapie (neu)')}],
        sourceTexts: [{_key: 's7', _type: 'sourceText', field: 'title', hash, text: 'Mesotherapy'}],
      },
    ])
  })

  it('starts the translation states of a document that has none, and guards no revision it does not have', async () => {
    const document: TranslatableDocument = {_id: 'treatment-d', _type: 'treatment', title: [stringItem('en', 'Mesotherapy')]}
    const xml = translateXliff(await exportOf(document, 'de'), (text) => `[DE] ${text}`)
    const [update] = (await planXliffImport(parseXliff(xml), [document], {now})).updates
    expect(Object.keys(update!)).toEqual(['documentId', 'set'])
    expect(update!.set.translations).toEqual([expect.objectContaining({_key: 'de', language: 'de', status: 'translated'})])
  })
})
