import {datasetDocumentProblem, isRecord, type DatasetDocument} from './dataset-document.ts'
import {DatasetFileError} from './dataset-file-error.ts'

/**
 * The document rules every dataset obeys, from a file or in memory, as one typed error: a JSON
 * object with a string `_id` and `_type`, and no `_id` twice. `firstLines` holds the line of each
 * `_id` met so far; the caller adds `value` to it when this returns undefined.
 */
export function datasetDocumentCheck(value: unknown, at: {file: string; line: number}, firstLines: ReadonlyMap<string, number>): DatasetFileError | undefined {
  const problem = datasetDocumentProblem(value)
  if (problem !== undefined) {
    const rule = !isRecord(value) ? 'not-a-document' : typeof value._id !== 'string' || value._id === '' ? 'missing-id' : 'missing-type'
    return new DatasetFileError(rule, `document ${problem}`, at)
  }
  const {_id: id} = value as DatasetDocument
  const firstLine = firstLines.get(id)
  if (firstLine === undefined) return undefined
  return new DatasetFileError('duplicate-id', `duplicate _id "${id}" (first seen on line ${firstLine})`, {...at, firstLine})
}
