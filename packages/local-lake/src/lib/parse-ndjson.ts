import {LocalLakeError} from './local-lake-error.ts'
import {type LakeDocument, lakeDocumentProblem} from './lake-document.ts'

/**
 * Parses a Sanity NDJSON export (one JSON document per line) into documents, in file order.
 * Blank lines are ignored; a leading byte order mark is allowed.
 *
 * @param text - the file contents
 * @param file - the file's path, used in error messages
 * @throws LocalLakeError `DATASET_FILE_INVALID` naming the file and 1-based line of the first
 *   bad line: invalid JSON, not a document (no string `_id`/`_type`), or a duplicate `_id`.
 */
export function parseNdjson(text: string, file: string): LakeDocument[] {
  const documents: LakeDocument[] = []
  const seen = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim()
    if (line === '') continue
    const lineNumber = index + 1
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new LocalLakeError(
        'DATASET_FILE_INVALID',
        `${file}:${lineNumber}: line is not valid JSON (${(error as Error).message})`,
        {file, line: lineNumber, cause: error},
      )
    }
    const problem = lakeDocumentProblem(value)
    if (problem !== undefined) {
      throw new LocalLakeError(
        'DATASET_FILE_INVALID',
        `${file}:${lineNumber}: document ${problem}`,
        {file, line: lineNumber},
      )
    }
    const document = value as LakeDocument
    const firstLine = seen.get(document._id)
    if (firstLine !== undefined) {
      throw new LocalLakeError(
        'DATASET_FILE_INVALID',
        `${file}:${lineNumber}: duplicate _id "${document._id}" (first seen on line ${firstLine})`,
        {file, line: lineNumber},
      )
    }
    seen.set(document._id, lineNumber)
    documents.push(document)
  }
  return documents
}
