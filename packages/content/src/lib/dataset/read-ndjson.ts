import type {DatasetDocument} from './dataset-document.ts'
import {DatasetFileError} from './dataset-file-error.ts'
import {NdjsonLineReader} from './ndjson-lines.ts'

/**
 * Reads an NDJSON dataset file line by line as a stream (Node only), so a dataset larger than
 * the longest string a JavaScript engine holds still loads. Same rules as {@link parseNdjson}.
 *
 * @param path - the file
 * @throws {DatasetFileError} `DATASET_FILE_UNREADABLE` when the file cannot be read,
 *   `DATASET_FILE_INVALID` for the first bad line
 * @public
 */
export async function readNdjson(path: string | URL): Promise<DatasetDocument[]> {
  const {createReadStream} = await import('node:fs')
  const file = path instanceof URL ? path.pathname : path
  const reader = new NdjsonLineReader(file)
  const documents: DatasetDocument[] = []
  const take = (text: string) => {
    const outcome = reader.read(text)
    if (outcome === undefined) return
    if ('problem' in outcome) throw outcome.problem
    documents.push(outcome.document)
  }
  let rest = ''
  try {
    for await (const chunk of createReadStream(path, {encoding: 'utf8', highWaterMark: 1 << 20})) {
      const text = rest + (chunk as string)
      let start = 0
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        take(text.slice(start, end))
        start = end + 1
      }
      rest = text.slice(start)
    }
  } catch (error) {
    if (error instanceof DatasetFileError) throw error
    throw new DatasetFileError('unreadable', `cannot read the dataset file (${(error as Error).message})`, {file, cause: error})
  }
  take(rest)
  return documents
}
