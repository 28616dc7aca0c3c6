import {describe, expect, it} from 'vitest'
import {readNdjson} from '../dataset/read-ndjson.ts'
import {localDataset} from './local-dataset.ts'

describe('localDataset', () => {
  it.each(['', '   '])('refuses an empty path (%j) when created, where its read failed with a message starting ": "', (path) => {
    expect(() => localDataset(path)).toThrow(new TypeError('`localDataset` expects a path to an NDJSON file or an array of documents, got an empty path'))
  })

  it('refuses a URL that is not a file: URL when created, naming it', () => {
    expect(() => localDataset(new URL('https://example.org/dataset.ndjson'))).toThrow(
      new TypeError('`localDataset` expects a path to an NDJSON file or an array of documents, got https://example.org/dataset.ndjson (only file: URLs are read)'),
    )
  })
})

describe('readNdjson', () => {
  it('names a file: URL by its path, decoded, when it cannot be read', async () => {
    await expect(readNdjson(new URL('file:///no%20such%20dir/dataset.ndjson'))).rejects.toThrow(/^\/no such dir\/dataset\.ndjson: cannot read the dataset file/)
  })
})
