import {sourceHash} from '@treatments/content/dataset'
import {describe, expect, it} from 'vitest'

import {block, blockItem, linkedBody, sampleDocument, stringItem} from '../test-support/documents.ts'
import {translateXliff} from '../test-support/test-translator.ts'
import {createXliffExport} from './create-xliff-export.ts'
import type {TranslatableDocument} from './document-translation-status.ts'
import {parseXliff} from './parse-xliff.ts'
import {planXliffImport} from './plan-xliff-import.ts'
import type {XliffError} from './xliff-error.ts'

// Each unit a file sends back is checked against what exporting the current text writes; every
// way it can differ is refused with a message that names where, so a translator can fix it.

const now = '2026-05-01T12:00:00.000Z'

/** The file a translator sends back for `document` in German: every segment copied as its target. */
async function returned(document: TranslatableDocument): Promise<string> {
  return translateXliff((await createXliffExport([document], {locale: 'de'})).xml!, (text) => text)
}

async function problems(xml: string, documents: TranslatableDocument[]): Promise<readonly string[]> {
  const error = (await planXliffImport(parseXliff(xml), documents, {now}).catch((caught: unknown) => caught)) as XliffError
  expect(error.code).toBe('IMPORT_REJECTED')
  expect(error.message).toBe(
    `Import rejected: ${error.problems.length} ${error.problems.length === 1 ? 'problem' : 'problems'}; nothing was changed\n${error.problems.map((problem) => `  - ${problem}`).join('\n')}`,
  )
  return error.problems
}

const link = (key: string, href: string) => ({_type: 'link', _key: key, href})

/** A body with two links after a bold word, a link inside bold text, another annotation and an inline object. */
const codesDocument: TranslatableDocument = {
  _id: 'treatment-codes',
  _type: 'treatment',
  _rev: 'r1',
  body: [
    blockItem('en', [
      block('b1', [['Take '], ['care', 'strong'], [' with '], ['this', 'l1'], [' and '], ['that', 'l2']], {
        markDefs: [link('l1', 'https://example.org/one'), link('l2', 'https://example.org/two')],
      }),
      block('b2', [['Mind ', 'strong'], ['this', 'strong', 'l3'], [' now', 'strong']], {markDefs: [link('l3', 'https://example.org/three')]}),
      block('b3', [['See the '], ['term', 'g1']], {markDefs: [{_type: 'glossary', _key: 'g1', term: 'dose'}]}),
      {
        ...block('b4', []),
        children: [
          {_type: 'span', _key: 's1', text: 'Dose ', marks: []},
          {_type: 'dose', _key: 'x1', mg: 5},
          {_type: 'span', _key: 's2', text: ' mg', marks: []},
        ],
      },
    ]),
  ],
}

describe('planXliffImport refuses', () => {
  it('a "now" that is not an ISO 8601 timestamp, before reading the file', async () => {
    const xliff = parseXliff(await returned(await sampleDocument()))
    const message = 'planXliffImport: option "now" must be an ISO 8601 timestamp'
    await expect(planXliffImport(xliff, [], {now: 'yesterday'})).rejects.toThrow(new TypeError(message))
    // A number would parse as a year: only a string is a timestamp.
    await expect(planXliffImport(xliff, [], {now: 2026 as never})).rejects.toThrow(new TypeError(message))
    await expect(planXliffImport(xliff, [], undefined as never)).rejects.toThrow(new TypeError(message))
  })

  it("a unit whose id is not its field's, and a field that has no English text left", async () => {
    const document = await sampleDocument()
    const xml = (await returned(document)).replace('<unit id="summary" name="summary">', '<unit id="other" name="summary">')
    ;(document.title as Array<Record<string, unknown>>)[0]!.value = ' '
    expect(await problems(xml, [document])).toEqual([
      'document "treatment-a", field "title": the field has no en text to translate',
      'document "treatment-a", field "summary": unit id "other" does not belong to this field (expected "summary")',
    ])
  })

  it('segments added, removed or renamed, naming the segment by its place and id', async () => {
    const document = await sampleDocument()
    const xml = await returned(document)
    const withoutB3 = xml.replace(/<segment id="b3"[\s\S]*?<\/segment>/, '')
    expect(await problems(withoutB3, [document])).toEqual([
      'document "treatment-a", field "body": the file has 2 segments, the current text has 3; sources must not be edited, export again',
    ])
    const onlyB1 = withoutB3.replace(/<segment id="b2"[\s\S]*?<\/segment>/, '')
    expect(await problems(onlyB1, [document])).toEqual([
      'document "treatment-a", field "body": the file has 1 segment, the current text has 3; sources must not be edited, export again',
    ])
    const renamed = xml
      .replace('<segment id="b2"', '<segment id="bX"')
      .replace(/(<unit id="summary"[\s\S]*?<segment) /, '$1 id="s1" ')
    expect(await problems(renamed, [document])).toEqual([
      'document "treatment-a", field "summary": segment 1 has id "s1", expected ""; sources must not be edited, export again',
      'document "treatment-a", field "body": segment 2 has id "bX", expected "b2"; sources must not be edited, export again',
    ])
    const unnamed = xml.replace('<segment id="b3" ', '<segment ')
    expect(await problems(unnamed, [document])).toEqual([
      'document "treatment-a", field "body": segment 3 has id "", expected "b3"; sources must not be edited, export again',
    ])
  })

  it("an edited paragraph's <source>, naming its segment, and original data the text does not have", async () => {
    const document = await sampleDocument()
    const xml = (await returned(document))
      .replace('<source>Item</source>', '<source>Items</source>')
      .replace('<data id="d2">strong</data>', '<data id="d2">strong</data><data id="d9">https://example.org/elsewhere</data>')
    expect(await problems(xml, [document])).toEqual([
      'document "treatment-a", field "body": the <source> of segment "b3" differs from the current text; sources must not be edited, export again',
    ])
    const smuggled = (await returned(document)).replace('<data id="d2">strong</data>', '<data id="d2">strong</data><data id="d9">https://example.org/elsewhere</data>')
    expect(await problems(smuggled, [document])).toEqual([
      'document "treatment-a", field "body": <originalData> has <data id="d9">, which the current text does not; sources must not be edited, export again',
    ])
  })

  it('a target that drops a code, describing the code: which link, another annotation, an inline object', async () => {
    const xml = (await returned(codesDocument))
      .replace(/<pc id="m3"[^>]*>that<\/pc><\/target>/, 'that</target>')
      .replace(/<pc id="m5"[^>]*>this<\/pc> now<\/pc><\/target>/, 'this now</pc></target>')
      .replace(/<pc id="m6"[^>]*>term<\/pc><\/target>/, 'term</target>')
      .replace(/<ph id="o1"[^>]*\/> mg<\/target>/, ' mg</target>')
    expect(await problems(xml, [codesDocument])).toEqual([
      'document "treatment-codes", field "body", segment "b1": the target drops <pc id="m3"> (link to https://example.org/two)',
      'document "treatment-codes", field "body", segment "b2": the target drops <pc id="m5"> (link to https://example.org/three)',
      'document "treatment-codes", field "body", segment "b3": the target drops <pc id="m6"> (annotation)',
      'document "treatment-codes", field "body", segment "b4": the target drops <ph id="o1"> (inline object)',
    ])
  })

  it('a stale translation sent back with a dropped code for that alone, not also as the previous translation unchanged', async () => {
    // The German body is as old as an English text since changed (its recorded hash is another).
    const document: TranslatableDocument = {
      _id: 'treatment-stale',
      _type: 'treatment',
      _rev: 'r1',
      body: [blockItem('en', linkedBody), blockItem('de', structuredClone(linkedBody))],
      translations: [{_key: 'de', _type: 'translationState', language: 'de', status: 'translated', sourceHashes: [{_key: 'h1', _type: 'sourceHash', field: 'body', hash: 'sha256-older'}]}],
    }
    const xml = (await returned(document)).replace(/<pc id="m2"[^>]*>bold<\/pc><\/pc> and more\.<\/target>/, 'bold</pc> and more.</target>')
    expect(await problems(xml, [document])).toEqual(['document "treatment-stale", field "body", segment "b2": the target drops <pc id="m2"> (strong)'])
  })

  it('a stale translation sent back with only invisible characters, other spaces or another Unicode form of its letters, as the previous translation unchanged', async () => {
    const older = await sourceHash('An older English text')
    const germanBody = [
      block('b1', [['Überschrift']], {style: 'h2'}),
      block('b2', [['Siehe '], ['den ', 'link'], ['fetten', 'link', 'strong'], [' und mehr.']], {
        markDefs: [{_type: 'link', _key: 'link', href: 'https://example.org/de'}],
      }),
      block('b3', [['Punkt']], {listItem: 'bullet', level: 1}),
    ]
    // Every German text was translated from an English one since changed (the recorded hash is another's).
    const document: TranslatableDocument = {
      _id: 'contraindication-pregnancy',
      _type: 'contraindication',
      _rev: 'r1',
      title: [stringItem('en', 'Pregnancy and nausea'), stringItem('de', 'Schwangerschaft und Übelkeit')],
      text: [
        {_key: 'en', _type: 'internationalizedArrayTextValue', language: 'en', value: 'Not during pregnancy.\nNot while breastfeeding.'},
        {_key: 'de', _type: 'internationalizedArrayTextValue', language: 'de', value: 'Nicht in der Schwangerschaft.\nNicht in der Stillzeit.'},
      ],
      body: [blockItem('en', linkedBody), blockItem('de', germanBody)],
      translations: [
        {
          _key: 'de',
          _type: 'translationState',
          language: 'de',
          status: 'translated',
          sourceHashes: ['title', 'text', 'body'].map((field, index) => ({_key: `h${index + 1}`, _type: 'sourceHash', field, hash: older})),
        },
      ],
    }
    const exported = (await createXliffExport([document], {locale: 'de', only: ['stale']})).xml!
    const unchanged = (field: string) =>
      `document "contraindication-pregnancy", field "${field}": the <target> is the previous translation unchanged, but the en text changed since it was translated; ` +
      'revise it against the new source, or if it still fits, import again with --confirm-unchanged'
    expect(await problems(exported, [document])).toEqual([unchanged('title'), unchanged('text'), unchanged('body')])
    const titles = [
      'Schwangerschaft\u200B und Übelkeit', // zero-width space
      'Schwangerschaft\u200C\u200D und Übelkeit', // zero-width non-joiner and joiner
      'Schwangerschaft\u2060 und Übelkeit', // word joiner
      'Schwangerschaft und\uFEFF Übelkeit', // zero-width no-break space (byte order mark)
      'Schwanger\u00ADschaft und Übelkeit', // soft hyphen
      'Schwangerschaft\u00A0und Übelkeit', // no-break space
      'Schwangerschaft\u202Fund Übelkeit', // narrow no-break space
      'Schwangerschaft\u3000und Übelkeit', // ideographic space
      'Schwangerschaft  und Übelkeit', // two spaces
      'Schwangerschaft und U\u0308belkeit', // U + combining diaeresis (NFD) for Ü
    ]
    for (const title of titles) {
      const xml = exported.replace('<target>Schwangerschaft und Übelkeit</target>', `<target>${title}</target>`)
      expect(xml, JSON.stringify(title)).not.toBe(exported)
      expect(await problems(xml, [document]), JSON.stringify(title)).toEqual([unchanged('title'), unchanged('text'), unchanged('body')])
    }
    // A text field may hold line feeds and tabs: another line break or a tab is no revision either.
    for (const text of ['Nicht in der Schwangerschaft. Nicht in der Stillzeit.', 'Nicht in der Schwangerschaft.\n\tNicht in der Stillzeit.']) {
      const xml = exported.replace('<target>Nicht in der Schwangerschaft.\nNicht in der Stillzeit.</target>', `<target>${text}</target>`)
      expect(xml, JSON.stringify(text)).not.toBe(exported)
      expect(await problems(xml, [document]), JSON.stringify(text)).toEqual([unchanged('title'), unchanged('text'), unchanged('body')])
    }
    // Portable Text: the words of its spans are compared the same way.
    const body = exported.replace('<target>Überschrift</target>', '<target>Über\u200Bschrift</target>')
    expect(body).not.toBe(exported)
    expect(await problems(body, [document])).toEqual([unchanged('title'), unchanged('text'), unchanged('body')])
    // A revision that changes a word is accepted.
    const revised = exported.replace('<target>Schwangerschaft und Übelkeit</target>', '<target>Schwangerschaft und Stillzeit</target>')
    expect(await problems(revised, [document])).toEqual([unchanged('text'), unchanged('body')])
  })

  it('a target with control characters, a line break or tab in a single-line field, or white space at its start or end, naming unit and segment', async () => {
    const exported = await returned(await sampleDocument())
    const xml = exported
      .replace('<target>Mesotherapy</target>', '<target>Adipo\nsitas</target>')
      .replace('<target>A treatment.</target>', '<target>Schwellung<cp hex="000D"/>ist normal<cp hex="0007"/>.</target>')
      .replace('<target>Item</target>', '<target>Pu<cp hex="007F"/>nkt<cp hex="009B"/> mit\n\tZeilen</target>')
      .replace('<target>Results last.</target>', '<target>   Diabetes   </target>')
    expect(await problems(xml, [await sampleDocument()])).toEqual([
      'document "treatment-a", field "title": the <target> has a line break (U+000A), but the field holds a single line; write it on one line',
      'document "treatment-a", field "summary": the <target> holds control characters (U+000D, U+0007), which are not text; remove them',
      'document "treatment-a", field "body", segment "b3": the <target> holds control characters (U+007F, U+009B), which are not text; remove them',
      'document "treatment-a", field "claims[_key=="c1"].statement": the <target> starts and ends with white space; remove the spaces at the start and end',
    ])
    const more = exported
      .replace('<target>Mesotherapy</target>', '<target>Adipo\tsitas</target>')
      .replace('<target>A treatment.</target>', '<target>\u00A0Eine Behandlung.</target>')
      .replace('<target>Results last.</target>', '<target>Ergebnisse halten an.\n</target>')
      .replace('<target>Heading</target>', '<target>Über<cp hex="0001"/>schrift<cp hex="0085"/></target>')
    expect(await problems(more, [await sampleDocument()])).toEqual([
      'document "treatment-a", field "title": the <target> has a tab (U+0009), but the field holds a single line; use a space',
      'document "treatment-a", field "summary": the <target> starts with white space; remove the spaces at the start',
      'document "treatment-a", field "body", segment "b1": the <target> holds control characters (U+0001, U+0085), which are not text; remove them',
      'document "treatment-a", field "claims[_key=="c1"].statement": the <target> has a line break (U+000A), but the field holds a single line; write it on one line',
      'document "treatment-a", field "claims[_key=="c1"].statement": the <target> ends with white space; remove the spaces at the end',
    ])
  })

  it('one control character, named alone, and white space at the edges of a target inside its formatting', async () => {
    const exported = await returned(codesDocument)
    const xml = exported.replace('<target>Take ', '<target>Take<cp hex="0007"/> ').replace(/(<target><pc id="m4"[^>]*>)Mind /, '$1 Mind ').replace(' now</pc></target>', ' now </pc></target>')
    expect(xml).not.toBe(exported)
    expect(await problems(xml, [codesDocument])).toEqual([
      'document "treatment-codes", field "body", segment "b1": the <target> holds a control character (U+0007), which is not text; remove it',
      'document "treatment-codes", field "body", segment "b2": the <target> starts and ends with white space; remove the spaces at the start and end',
    ])
  })

  it('line feeds and tabs inside a text field or Portable Text, and a paragraph that starts with an inline object', async () => {
    const document: TranslatableDocument = {
      _id: 'contraindication-pregnancy',
      _type: 'contraindication',
      _rev: 'r1',
      title: [stringItem('en', 'Pregnancy')],
      text: [{_key: 'en', _type: 'internationalizedArrayTextValue', language: 'en', value: 'Not during pregnancy.\nNot while breastfeeding.'}],
      body: [blockItem('en', [{_type: 'block', _key: 'b1', style: 'normal', markDefs: [], children: [{_type: 'dose', _key: 'x1', mg: 5}, {_type: 'span', _key: 's1', text: ' mg a day', marks: []}]}])],
    }
    const xml = (await returned(document))
      .replace('<target>Not during pregnancy.\nNot while breastfeeding.</target>', '<target>Nicht in der Schwangerschaft.\n\tNicht in der Stillzeit.</target>')
      .replace(/(<target><ph [^>]*\/>) mg a day<\/target>/, '$1 mg am Tag,\nzum\tEssen</target>')
    const plan = await planXliffImport(parseXliff(xml), [document], {now})
    expect(plan.changes.map((change) => [change.field, change.change])).toEqual([
      ['title', 'added'],
      ['text', 'added'],
      ['body', 'added'],
    ])
    expect((plan.updates[0]!.set.text as Array<{value: unknown}>).at(-1)!.value).toBe('Nicht in der Schwangerschaft.\n\tNicht in der Stillzeit.')
  })
})
