import type {DatasetDocument} from './dataset-document.ts'
import {datasetDocumentCheck} from './dataset-document-check.ts'
import {DatasetFileError} from './dataset-file-error.ts'

/** One line's outcome: a document, or the problem with it. Blank lines give `undefined`. */
export type NdjsonLine = {document: DatasetDocument; line: number} | {problem: DatasetFileError; line: number}

/**
 * Reads NDJSON one line at a time, the one rule every reader of dataset files shares: a leading
 * byte order mark is ignored, `\r\n` ends a line like `\n`, blank lines are skipped, each other
 * line must be one JSON object with a string `_id` and `_type`, and an `_id` may appear once.
 * Problems are returned, not thrown, so a checker can report all of them and a loader can stop
 * at the first.
 *
 * @public
 */
export class NdjsonLineReader {
  readonly file: string
  #lineNumber = 0
  readonly #firstLines = new Map<string, number>()
  /** One copy of each short string value met so far (see {@link shareRepeatedStrings}). */
  readonly #strings = new Map<string, string>()

  /** @param file - the file's name, used in every problem */
  constructor(file: string) {
    this.file = file
  }

  /** Reads the next line of the file (without its `\n`). */
  read(text: string): NdjsonLine | undefined {
    const line = ++this.#lineNumber
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    if (text.endsWith('\r')) text = text.slice(0, -1)
    if (text.trim() === '') return undefined
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const message = (error as Error).message
      const position = /position (\d+)/.exec(message)?.[1]
      return {
        line,
        problem: new DatasetFileError('invalid-json', `line is not valid JSON (${message})`, {
          file: this.file,
          line,
          column: position === undefined ? undefined : Number(position) + 1,
          cause: error,
        }),
      }
    }
    const problem = datasetDocumentCheck(value, {file: this.file, line}, this.#firstLines)
    if (problem !== undefined) return {line, problem}
    const document = value as DatasetDocument
    this.#firstLines.set(document._id, line)
    shareRepeatedStrings(document, this.#strings)
    return {line, document}
  }
}

/**
 * Parses NDJSON text (Sanity's export format) into documents, in file order.
 *
 * @param text - the file's contents
 * @param file - the file's name, used in errors. Default `dataset.ndjson`.
 * @throws {DatasetFileError} `DATASET_FILE_INVALID` for the first bad line, naming file, line
 *   and (for invalid JSON) column
 * @public
 */
export function parseNdjson(text: string, file = 'dataset.ndjson'): DatasetDocument[] {
  const reader = new NdjsonLineReader(file)
  const documents: DatasetDocument[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const outcome = reader.read(text.slice(start, end))
    if (outcome !== undefined) {
      if ('problem' in outcome) throw outcome.problem
      documents.push(outcome.document)
    }
    start = end + 1
  }
  return documents
}

/**
 * Serializes documents as NDJSON: one compact JSON document per line, each ending in `\n`
 * (no documents give the empty string).
 *
 * @public
 */
export function serializeNdjson(documents: Iterable<DatasetDocument>): string {
  let out = ''
  for (const document of documents) out += `${JSON.stringify(document)}\n`
  return out
}

/**
 * JSON.parse makes a new string for most values, short ones included (V8 reuses one only in some
 * cases, such as a field every object of a shape holds the same value in), so the same language code, `_type`, style, timestamp or
 * reference id repeated across a dataset is held once per occurrence. Pointing repeats at one copy
 * saves much of a loaded dataset's heap (100,000 documents, 183 MB file: 315 MB of heap sharing
 * only values of 11-40 characters, 234 MB sharing every value up to 40 characters: short ones
 * repeat most, such as 59,000 copies of "it" at 10,000 documents) and makes the load no slower
 * (fewer strings to promote). Longer values are mostly distinct texts, not worth a lookup each.
 */
function shareRepeatedStrings(node: Record<string, unknown> | unknown[], pool: Map<string, string>): void {
  const share = (value: string): string => {
    if (value.length > 40) return value
    const shared = pool.get(value)
    if (shared !== undefined) return shared
    pool.set(value, value)
    return value
  }
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      const value = node[index]
      if (typeof value === 'string') node[index] = share(value)
      else if (value !== null && typeof value === 'object') shareRepeatedStrings(value as Record<string, unknown>, pool)
    }
    return
  }
  for (const key in node) {
    const value = node[key]
    if (typeof value === 'string') node[key] = share(value)
    else if (value !== null && typeof value === 'object') shareRepeatedStrings(value as Record<string, unknown>, pool)
  }
}
