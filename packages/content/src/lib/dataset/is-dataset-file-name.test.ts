import {describe, expect, it} from 'vitest'

import {isDatasetFileName} from './is-dataset-file-name.ts'

describe('isDatasetFileName', () => {
  it('accepts NDJSON files and refuses the hidden files a lake keeps beside a dataset', () => {
    expect(isDatasetFileName('dataset.ndjson')).toBe(true)
    expect(isDatasetFileName('staging.ndjson')).toBe(true)
    expect(isDatasetFileName('.dataset.ndjson.history.ndjson')).toBe(false)
    expect(isDatasetFileName('.dataset.ndjson.lock')).toBe(false)
    expect(isDatasetFileName('.dataset.ndjson.1234.0123456789ab.tmp')).toBe(false)
    expect(isDatasetFileName('notes.md')).toBe(false)
  })
})
