import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {
  ContentInvariantError,
  DatasetFileError,
  DuplicateSlugError,
  MalformedResponseError,
  MissingContraindicationsError,
  ReferenceTypeError,
  createTreatmentContent,
  type ContentSource,
  type TreatmentContent,
} from '@treatments/content'
import {parseNdjson, serializeNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {localDataset} from '@treatments/content/local-dataset'
import {startLocalLake, isLocalLakeError, type LocalLake} from '@treatments/local-lake'
import {validateDataset, type SchemaEntry} from '@treatments/studio/validation'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {defaultDatasetPath, repoRoot} from '../../scripts/lib/paths.ts'

// Data can reach every reader without passing the Studio's validation. One bad file at a time
// goes to every reader: content:check must report it, and the package must refuse it with the
// same typed error from localDataset, from the local lake over HTTP and from a caller's own
// client. A page renders whole or not at all; a safety item never vanishes or shows blank.

const slug = 'mesotherapy-cellulite'
const treatmentId = 'treatment-mesotherapy-cellulite'
const ZERO_WIDTH_SPACE = '\u200B'

let seedText: string
let seed: DatasetDocument[]
let schema: SchemaEntry[]
let directory: string

beforeAll(async () => {
  seedText = await readFile(defaultDatasetPath, 'utf8')
  seed = parseNdjson(seedText)
  schema = JSON.parse(await readFile(join(repoRoot, 'studio/schema.json'), 'utf8')) as SchemaEntry[]
  directory = await mkdtemp(join(tmpdir(), 'safety-invariants-'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

function edited(change: (documents: DatasetDocument[]) => DatasetDocument[]): DatasetDocument[] {
  return change(structuredClone(seed))
}

function setText(document: DatasetDocument, language: string, value: string): void {
  const item = (document.text as Array<{language: string; value: string}>).find((entry) => entry.language === language)
  if (!item) throw new Error(`${document._id} has no ${language} text`)
  item.value = value
}

const byId = (documents: DatasetDocument[], id: string) => documents.find((document) => document._id === id)!

/** Writes `text` to a fresh file and returns its path. */
let fileCount = 0
async function datasetFile(text: string): Promise<string> {
  const file = join(directory, `dataset-${++fileCount}.ndjson`)
  await writeFile(file, text)
  return file
}

/** Every reader of a dataset file, each giving a TreatmentContent over it (or its load error). */
async function readers(file: string): Promise<{name: string; content: () => TreatmentContent; close: () => Promise<void>}[]> {
  let lake: LocalLake | undefined
  let lakeError: unknown
  try {
    lake = await startLocalLake({datasets: {production: file}, readOnly: true})
  } catch (error) {
    lakeError = error
  }
  const fromLake = (source: () => ContentSource | Parameters<typeof createTreatmentContent>[0]['source']) => () => {
    if (!lake) throw lakeError
    return createTreatmentContent({source: source(), retry: {attempts: 1}})
  }
  return [
    {name: 'localDataset', content: () => createTreatmentContent({source: localDataset(file)}), close: async () => {}},
    {
      name: 'the local lake over HTTP',
      content: fromLake(() => ({projectId: 'local', dataset: 'production', apiHost: lake!.url, useCdn: false})),
      close: async () => lake?.close(),
    },
    {
      name: 'a caller’s own @sanity/client',
      content: fromLake(() => createClient({...lake!.clientConfig})),
      close: async () => {},
    },
  ]
}

/** Every reader's page (or error) for the slug in `locale`. */
async function pagesOfEveryReader(file: string, locale: string): Promise<Array<[string, unknown]>> {
  const all = await readers(file)
  try {
    const outcomes: Array<[string, unknown]> = []
    for (const reader of all) outcomes.push([reader.name, await reader.content().getTreatment(slug, {locale})])
    return outcomes
  } finally {
    for (const reader of all) await reader.close()
  }
}

async function errorsOfEveryReader(file: string, locale = 'en'): Promise<Array<[string, unknown]>> {
  const all = await readers(file)
  try {
    const outcomes: Array<[string, unknown]> = []
    for (const reader of all) {
      outcomes.push([reader.name, await Promise.resolve().then(() => reader.content().getTreatment(slug, {locale})).then(() => 'no error', (error: unknown) => error)])
    }
    return outcomes
  } finally {
    for (const reader of all) await reader.close()
  }
}

function checkerProblems(text: string) {
  return validateDataset([{name: 'dataset.ndjson', text}], schema)
}

describe('safety invariants, the same from every reader', () => {
  it('falls back to the source text when a German contraindication is only a zero-width space', async () => {
    const documents = edited((all) => (setText(byId(all, 'contraindication-breastfeeding'), 'de', ZERO_WIDTH_SPACE), all))
    const file = await datasetFile(serializeNdjson(documents))
    const all = await readers(file)
    try {
      for (const reader of all) {
        const result = await reader.content().getTreatment(slug, {locale: 'de'})
        const index = result.treatment.contraindications.findIndex((item) => item._id === 'contraindication-breastfeeding')
        expect(result.treatment.contraindications, reader.name).toHaveLength(10)
        expect(result.treatment.contraindications[index]?.text, reader.name).toBe('Breastfeeding')
        expect(result.fallbacks, reader.name).toContainEqual({path: `contraindications[${index}].text`, requested: 'de', served: 'en'})
      }
    } finally {
      for (const reader of all) await reader.close()
    }
  })

  it.each([
    ['a translation is not text at all (an object)', {}],
    ['a plain-text safety field holds Portable Text (it would render empty)', [{_type: 'image', _key: 'i'}]],
  ])('falls back to the source text when %s', async (_case, value) => {
    const documents = edited((all) => {
      const text = byId(all, 'contraindication-breastfeeding').text as Array<{language: string; value: unknown}>
      text.find((item) => item.language === 'de')!.value = value
      return all
    })
    for (const [reader, outcome] of await pagesOfEveryReader(await datasetFile(serializeNdjson(documents)), 'de')) {
      const {treatment, fallbacks} = outcome as Awaited<ReturnType<TreatmentContent['getTreatment']>>
      const index = treatment.contraindications.findIndex((item) => item._id === 'contraindication-breastfeeding')
      expect(treatment.contraindications[index]?.text, reader).toBe('Breastfeeding')
      expect(fallbacks, reader).toContainEqual({path: `contraindications[${index}].text`, requested: 'de', served: 'en'})
    }
  })

  it('content:check flags an English safety text that is only invisible characters', () => {
    const documents = edited((all) => (setText(byId(all, 'contraindication-pregnancy'), 'en', `${ZERO_WIDTH_SPACE}\u2060 `), all))
    const problems = checkerProblems(serializeNdjson(documents))
    // Two problems on the one value, as the Studio shows them: which characters it holds, and
    // that the base-locale text every other language falls back to is required.
    expect(problems).toEqual([
      expect.objectContaining({
        documentId: 'contraindication-pregnancy',
        path: 'text[_key=="en"].value',
        message: 'The EN text has no visible character, only U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+0020 SPACE: readers would see nothing here. Write the text.',
        ruleId: 'invisible-text',
      }),
      expect.objectContaining({
        documentId: 'contraindication-pregnancy',
        path: 'text[_key=="en"].value',
        message: '“text” is required in EN: it is the text every other language falls back to.',
        ruleId: 'locale',
      }),
    ])
  })

  it('refuses two published treatments with one slug, naming both, instead of showing the first', async () => {
    const documents = edited((all) => {
      const copy = {...structuredClone(byId(all, treatmentId)), _id: 'a-treatment-copy', contraindications: [byId(all, treatmentId).contraindications as unknown[]][0]!.slice(0, 1)}
      return [copy, ...all]
    })
    const text = serializeNdjson(documents)
    expect(checkerProblems(text)).toContainEqual(expect.objectContaining({ruleId: 'duplicate-slug'}))
    const file = await datasetFile(text)
    for (const [reader, error] of await errorsOfEveryReader(file)) {
      expect(error, reader).toBeInstanceOf(DuplicateSlugError)
      expect(error, reader).toMatchObject({code: 'DUPLICATE_SLUG', slug, locale: 'en', ids: ['a-treatment-copy', treatmentId], path: 'slug'})
    }
    // The list, every page at once, and the static build's loop refuse it too.
    const all = await readers(file)
    try {
      for (const reader of all) {
        const content = reader.content()
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['listTreatments', () => content.listTreatments()],
          ['getAllTreatments', () => content.getAllTreatments({locale: 'it'})],
          [
            'eachTreatment',
            async () => {
              for await (const _page of content.eachTreatment({locale: 'de'}));
            },
          ],
        ]
        for (const [call, run] of calls) {
          const error = await run().then(() => 'no error', (caught: unknown) => caught)
          expect(error, `${reader.name}: ${call}`).toBeInstanceOf(DuplicateSlugError)
          expect(error, `${reader.name}: ${call}`).toMatchObject({code: 'DUPLICATE_SLUG', slug, ids: ['a-treatment-copy', treatmentId]})
        }
      }
    } finally {
      for (const reader of all) await reader.close()
    }
  })

  it('refuses a contraindication reference that points at a side effect', async () => {
    const documents = edited((all) => {
      const list = byId(all, treatmentId).contraindications as Array<{_ref: string}>
      list[1]!._ref = 'side-effect-itching'
      return all
    })
    const text = serializeNdjson(documents)
    expect(checkerProblems(text)).toContainEqual(expect.objectContaining({ruleId: 'wrong-reference-type'}))
    for (const [reader, error] of await errorsOfEveryReader(await datasetFile(text))) {
      expect(error, reader).toBeInstanceOf(ReferenceTypeError)
      expect(error, reader).toMatchObject({
        code: 'WRONG_REFERENCE_TYPE',
        path: 'contraindications[1]',
        expected: 'contraindication',
        received: 'sideEffect',
        documentId: 'side-effect-itching',
        treatmentId,
      })
    }
  })

  it('never shows an unpublished draft: a contraindication reference to a draft id leads nowhere, and the page is refused', async () => {
    const documents = edited((all) => {
      const list = byId(all, treatmentId).contraindications as Array<{_ref: string}>
      const published = byId(all, list[0]!._ref)
      // An editor's unreviewed draft of the contraindication, and a reference to it.
      all.push({...structuredClone(published), _id: `drafts.${published._id}`, kind: 'relative'})
      list[0]!._ref = `drafts.${published._id}`
      return all
    })
    for (const [reader, error] of await errorsOfEveryReader(await datasetFile(serializeNdjson(documents)))) {
      expect(error, reader).toBeInstanceOf(MalformedResponseError)
      expect(error, reader).toMatchObject({code: 'MALFORMED_RESPONSE', path: 'contraindications[0]'})
    }
  })

  it('refuses a treatment with an empty contraindication list instead of an empty section', async () => {
    const documents = edited((all) => ((byId(all, treatmentId).contraindications = []), all))
    const text = serializeNdjson(documents)
    expect(checkerProblems(text)).toContainEqual(expect.objectContaining({documentId: treatmentId, path: 'contraindications'}))
    for (const [reader, error] of await errorsOfEveryReader(await datasetFile(text))) {
      expect(error, reader).toBeInstanceOf(MissingContraindicationsError)
      expect(error, reader).toBeInstanceOf(ContentInvariantError)
      expect(error, reader).toMatchObject({code: 'NO_CONTRAINDICATIONS', path: 'contraindications', treatmentId})
    }
  })

  it('refuses a file with a duplicate _id, naming both lines, in every reader', async () => {
    const lines = seedText.trimEnd().split('\n')
    const pregnancy = lines.findIndex((line) => line.includes('"_id":"contraindication-pregnancy"'))
    const copy = JSON.stringify({...JSON.parse(lines[pregnancy]!), kind: 'relative'})
    const text = `${[...lines, copy].join('\n')}\n`
    const file = await datasetFile(text)
    const duplicate = lines.length + 1
    expect(checkerProblems(text)).toContainEqual(
      expect.objectContaining({line: duplicate, ruleId: 'duplicate-id', message: `duplicate _id "contraindication-pregnancy" (first seen on line ${pregnancy + 1})`}),
    )
    const error = await createTreatmentContent({source: localDataset(file)}).getTreatment(slug).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DatasetFileError)
    expect(error).toMatchObject({code: 'DATASET_FILE_INVALID', file, line: duplicate, firstLine: pregnancy + 1})
    const lakeError = await startLocalLake({datasets: {production: file}, readOnly: true}).catch((caught: unknown) => caught)
    expect(isLocalLakeError(lakeError) && lakeError.code).toBe('DATASET_FILE_INVALID')
    expect((lakeError as Error).message).toBe((error as Error).message)
  })

  it('refuses the same documents in memory with the same typed error as from a file', async () => {
    const documents = parseNdjson(seedText)
    const pregnancy = documents.findIndex((document) => document._id === 'contraindication-pregnancy')
    const cases: Array<[string, DatasetDocument[]]> = [
      ['duplicate-id', [...documents, {...documents[pregnancy]!, kind: 'relative'}]],
      ['missing-type', [...documents, {_id: 'no-type'} as unknown as DatasetDocument]],
      ['missing-id', [...documents, {_type: 'contraindication'} as unknown as DatasetDocument]],
    ]
    for (const [rule, broken] of cases) {
      const read = (source: Parameters<typeof localDataset>[0]) => createTreatmentContent({source: localDataset(source)}).getTreatment(slug).catch((caught: unknown) => caught)
      const fromFile = await read(await datasetFile(serializeNdjson(broken)))
      const fromMemory = await read(broken)
      expect(fromFile, rule).toBeInstanceOf(DatasetFileError)
      expect(fromMemory, rule).toBeInstanceOf(DatasetFileError)
      const {code, rule: broke, problem, line, firstLine} = fromFile as DatasetFileError
      expect({code, rule: broke, problem, line, firstLine}, rule).toMatchObject({code: 'DATASET_FILE_INVALID', rule})
      expect(fromMemory, rule).toMatchObject({code, rule, problem, line, firstLine, file: '`localDataset` documents'})
    }
  })

  it('reads a file with a byte order mark and CRLF line ends alike in every reader', async () => {
    const text = `\uFEFF${seedText.replaceAll('\n', '\r\n')}`
    expect(checkerProblems(text)).toEqual([])
    for (const [reader, outcome] of await errorsOfEveryReader(await datasetFile(text))) expect(outcome, reader).toBe('no error')
  })

  it('names the file, line and column of invalid JSON, never “undefined”', async () => {
    const text = `${seedText}{"_id": "x", "_type": "contraindication", oops}\n`
    const file = await datasetFile(text)
    const line = seedText.trimEnd().split('\n').length + 1
    const error = await createTreatmentContent({source: localDataset(file)}).getTreatment(slug).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DatasetFileError)
    expect((error as Error).message).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:${line}(:\\d+)?: line is not valid JSON \\(`))
    expect((error as Error).message).not.toMatch(/undefined/)
    expect(checkerProblems(text)).toEqual([expect.objectContaining({line, ruleId: 'invalid-json', message: (error as DatasetFileError).problem})])
  })
})
