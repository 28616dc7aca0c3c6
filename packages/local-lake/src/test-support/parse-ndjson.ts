import {isDatasetFileError, parseNdjson as parseDatasetNdjson} from '@treatments/content/dataset'

import type {DatasetDocument} from '@treatments/content/dataset'
import {LocalLakeError} from '../lib/local-lake-error.ts'

/**
 * Parses a Sanity NDJSON export with the dataset core's rules (the same as `localDataset` and
 * `content:check`), reporting problems as the lake's own error type.
 *
 * @throws LocalLakeError `DATASET_FILE_INVALID` naming the file and 1-based line of the first
 *   bad line: invalid JSON, not a document (no string `_id`/`_type`), or a duplicate `_id`.
 */
export function parseNdjson(text: string, file: string): DatasetDocument[] {
  try {
    return parseDatasetNdjson(text, file)
  } catch (error) {
    if (!isDatasetFileError(error)) throw error
    throw new LocalLakeError('DATASET_FILE_INVALID', error.message, {file, ...(error.line === undefined ? {} : {line: error.line}), cause: error})
  }
}
