import {describe, expect, it} from 'vitest'

import {isLocalLakeError} from '../lib/local-lake-error.ts'
import {parseNdjson} from './parse-ndjson.ts'
import {serializeNdjson} from '@treatments/content/dataset'

function parseError(text: string): unknown {
  try {
    parseNdjson(text, '/data/dataset.ndjson')
  } catch (error) {
    return error
  }
  throw new Error('expected parseNdjson to throw')
}

describe('parseNdjson', () => {
  it('reads one document per line in file order, skipping blank lines, CRLF and a BOM', () => {
    const text = '\uFEFF{"_id":"b","_type":"t"}\r\n\n  \n{"_id":"a","_type":"t","n":1}\n'
    expect(parseNdjson(text, 'f.ndjson')).toEqual([
      {_id: 'b', _type: 't'},
      {_id: 'a', _type: 't', n: 1},
    ])
  })

  it('names the file and line of invalid JSON', () => {
    const error = parseError('{"_id":"a","_type":"t"}\n\n{"_id": oops}\n')
    expect(isLocalLakeError(error) && error.code).toBe('DATASET_FILE_INVALID')
    expect(error).toMatchObject({file: '/data/dataset.ndjson', line: 3})
    expect((error as Error).message).toMatch(/^\/data\/dataset\.ndjson:3: line is not valid JSON/)
  })

  it('rejects lines that are not documents, saying what is missing', () => {
    expect((parseError('[1,2]') as Error).message).toBe(
      '/data/dataset.ndjson:1: document is an array, expected a JSON object',
    )
    expect((parseError('{"_type":"t"}') as Error).message).toBe(
      '/data/dataset.ndjson:1: document has no string "_id" (got nothing)',
    )
    expect((parseError('{"_id":"a","_type":""}') as Error).message).toBe(
      '/data/dataset.ndjson:1: document "a" has no string "_type" (got the string "")',
    )
  })

  it('rejects a duplicate _id, naming both lines', () => {
    const error = parseError('{"_id":"a","_type":"t"}\n{"_id":"b","_type":"t"}\n{"_id":"a","_type":"t"}')
    expect((error as Error).message).toBe(
      '/data/dataset.ndjson:3: duplicate _id "a" (first seen on line 1)',
    )
  })
})

describe('serializeNdjson', () => {
  it('writes one compact document per line with a trailing newline, and nothing for no documents', () => {
    expect(serializeNdjson([{_id: 'a', _type: 't', x: {y: 1}}, {_id: 'b', _type: 't'}])).toBe(
      '{"_id":"a","_type":"t","x":{"y":1}}\n{"_id":"b","_type":"t"}\n',
    )
    expect(serializeNdjson([])).toBe('')
  })

  it('round-trips through parseNdjson', () => {
    const documents = [{_id: 'a', _type: 't', text: 'line\nbreak "quoted"'}]
    expect(parseNdjson(serializeNdjson(documents), 'f')).toEqual(documents)
  })
})
