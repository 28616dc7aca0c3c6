import {execFile} from 'node:child_process'
import {mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {DatasetFileError} from './dataset-file-error.ts'
import {parseNdjson, serializeNdjson} from './ndjson-lines.ts'
import {readNdjson} from './read-ndjson.ts'
import {temporaryFilePattern, writeFileAtomically} from './write-file-atomically.ts'

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'dataset-core-'))
})
afterAll(async () => {
  await rm(directory, {recursive: true, force: true})
})

function thrown(run: () => unknown): DatasetFileError {
  try {
    run()
  } catch (error) {
    if (error instanceof DatasetFileError) return error
    throw error
  }
  throw new Error('expected a DatasetFileError')
}

describe('parseNdjson', () => {
  it('reads documents in file order past a byte order mark, CRLF line ends and blank lines', () => {
    expect(parseNdjson('\uFEFF{"_id":"b","_type":"t"}\r\n\r\n  \n{"_id":"a","_type":"t","n":1}')).toEqual([
      {_id: 'b', _type: 't'},
      {_id: 'a', _type: 't', n: 1},
    ])
  })

  it('names file, line and, where JSON says so, column of invalid JSON', () => {
    const error = thrown(() => parseNdjson('{"_id":"a","_type":"t"}\n{"_id":"b",', 'd.ndjson'))
    expect(error).toMatchObject({code: 'DATASET_FILE_INVALID', rule: 'invalid-json', file: 'd.ndjson', line: 2})
    expect(error.message).toMatch(/^d\.ndjson:2(:\d+)?: line is not valid JSON \(/)
  })

  it('says what a line that is not a document lacks', () => {
    expect(thrown(() => parseNdjson('[1]', 'd.ndjson')).message).toBe('d.ndjson:1: document is an array, expected a JSON object')
    expect(thrown(() => parseNdjson('{"_type":"t"}', 'd.ndjson'))).toMatchObject({rule: 'missing-id', message: 'd.ndjson:1: document has no string "_id" (got nothing)'})
    expect(thrown(() => parseNdjson('{"_id":"a"}', 'd.ndjson'))).toMatchObject({rule: 'missing-type', message: 'd.ndjson:1: document "a" has no string "_type" (got nothing)'})
  })

  it('refuses a duplicate _id, naming both lines', () => {
    const error = thrown(() => parseNdjson('{"_id":"a","_type":"t"}\n{"_id":"b","_type":"t"}\n{"_id":"a","_type":"u"}', 'd.ndjson'))
    expect(error).toMatchObject({rule: 'duplicate-id', line: 3, firstLine: 1, message: 'd.ndjson:3: duplicate _id "a" (first seen on line 1)'})
  })

  it('round-trips serializeNdjson', () => {
    const documents = [{_id: 'a', _type: 't', text: 'line\nbreak'}, {_id: 'b', _type: 't'}]
    expect(serializeNdjson(documents)).toBe('{"_id":"a","_type":"t","text":"line\\nbreak"}\n{"_id":"b","_type":"t"}\n')
    expect(parseNdjson(serializeNdjson(documents))).toEqual(documents)
  })
})

describe('readNdjson', () => {
  it('streams a file larger than one read chunk, with multi-byte text across chunk ends, like parseNdjson', async () => {
    const documents = Array.from({length: 3000}, (_, index) => ({_id: `d${index}`, _type: 't', text: `Gravidanza è ${'ü'.repeat(index % 700)}`}))
    const file = join(directory, 'big.ndjson')
    const text = `\uFEFF${serializeNdjson(documents).replaceAll('\n', '\r\n')}`
    await writeFile(file, text)
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 << 20)
    expect(await readNdjson(file)).toEqual(documents)
  })

  it('reads a line longer than many read chunks', async () => {
    // Read chunks are 1 MB: this line's 3.2 MB span four, with two-byte characters across their ends.
    const documents = [{_id: 'a', _type: 't'}, {_id: 'long', _type: 't', text: `€${'è'.repeat(1_500_000)}\n${'x'.repeat(200_000)}`}, {_id: 'b', _type: 't'}]
    const file = join(directory, 'long-line.ndjson')
    await writeFile(file, serializeNdjson(documents))
    expect((await stat(file)).size).toBeGreaterThan(3 << 20)
    expect(await readNdjson(file)).toEqual(documents)
  })

  it('reports a missing file as unreadable, naming it', async () => {
    const file = join(directory, 'missing.ndjson')
    await expect(readNdjson(file)).rejects.toMatchObject({code: 'DATASET_FILE_UNREADABLE', rule: 'unreadable', file})
  })

  it('reports the line of a bad document in a streamed file', async () => {
    const file = join(directory, 'bad.ndjson')
    await writeFile(file, '{"_id":"a","_type":"t"}\n\n{"_id":"a","_type":"t"}\n')
    await expect(readNdjson(file)).rejects.toMatchObject({code: 'DATASET_FILE_INVALID', line: 3, firstLine: 1})
  })
})

describe('writeFileAtomically', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const file = join(directory, 'out.ndjson')
    await writeFile(file, 'old\n')
    await writeFileAtomically(file, 'new\n')
    const names = await readdir(directory)
    expect(names.filter((name) => temporaryFilePattern('out.ndjson').test(name))).toEqual([])
    expect(await readFile(file, 'utf8')).toBe('new\n')
  })

  it('names the file it was asked to write in its errors, not its temporary file, and leaves nothing behind', async () => {
    const intoDirectory = join(directory, 'a-directory')
    await mkdir(intoDirectory)
    const inMissingDirectory = join(directory, 'missing', 'out.ndjson')
    for (const [file, code] of [[intoDirectory, 'EISDIR'], [inMissingDirectory, 'ENOENT']] as const) {
      const error = (await writeFileAtomically(file, 'new\n').then(() => undefined, (caught: unknown) => caught)) as NodeJS.ErrnoException
      expect(error, file).toMatchObject({code, path: file})
      expect(error.message, file).not.toMatch(/\.tmp/)
    }
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('names its temporary files so a later start can find those of a killed writer', () => {
    expect(temporaryFilePattern('dataset.ndjson').exec('.dataset.ndjson.4242.0123456789ab.tmp')?.[1]).toBe('4242')
    expect(temporaryFilePattern('dataset.ndjson').test('.other.ndjson.4242.0123456789ab.tmp')).toBe(false)
  })
})

/** What reading `file` with `readNdjson` left in a fresh process's heap (see read-ndjson-heap-child.ts). */
async function heapAfterReading(file: string, values: string[]) {
  const child = new URL('../../test-support/read-ndjson-heap-child.ts', import.meta.url).pathname
  const {stdout} = await promisify(execFile)(process.execPath, ['--conditions=@treatments/source', child, file, ...values], {timeout: 60_000})
  return JSON.parse(stdout) as {documents: number; largeObjectBytes: number; copies: Record<string, number>}
}

describe('readNdjson memory', () => {
  it('keeps one copy of each repeated short string value, not one per occurrence', async () => {
    // JSON.parse makes a new string for each of these (the local lake held 59,000 copies of "it"
    // at 10,000 documents); sharing them saves about a quarter of a loaded dataset's heap.
    const file = join(directory, 'repeated-strings.ndjson')
    // Values that differ within one field (languages, styles), as in real documents: V8 reuses
    // a string only in some cases, such as a field every object of a shape holds the same value in.
    const localized = (index: number) =>
      ['en', 'it', 'de'].map((language) => ({_key: language, _type: 'internationalizedArrayStringValue', language, value: `Treatment ${index} (${language}), più bello`}))
    const lines = Array.from({length: 2_000}, (_, index) =>
      JSON.stringify({_id: `treatment-${index}`, _type: index % 2 === 0 ? 'treatment' : 'sideEffect', title: localized(index), style: index % 3 === 0 ? 'normal' : 'h2'}),
    )
    await writeFile(file, `${lines.join('\n')}\n`)
    const heap = await heapAfterReading(file, ['it', 'normal', 'sideEffect'])
    expect(heap.documents).toBe(2_000)
    // One in the documents, and the few the child's and Node's own code hold.
    for (const value of ['it', 'normal', 'sideEffect']) expect(heap.copies[value], value).toBeLessThan(10)
  }, 90_000)

  it('leaves no read chunks in the old generation: they die young', async () => {
    // Text past Latin-1, as a real dataset's: V8 holds it at two bytes a character.
    const documents = Array.from({length: 8_000}, (_, index) => ({_id: `d${index}`, _type: 't', text: `Gravidanza è una controindicazione — ${index} ${'ü'.repeat(index % 3 === 0 ? 2_000 : 20)}`}))
    const file = join(directory, 'two-byte.ndjson')
    await writeFile(file, serializeNdjson(documents))
    const heap = await heapAfterReading(file, [])
    expect(heap.documents).toBe(documents.length)
    // 1 MB chunks left about 9 MB there for this 12 MB file, until a major collection.
    expect(heap.largeObjectBytes).toBeLessThan(2 ** 20)
  }, 90_000)
})
