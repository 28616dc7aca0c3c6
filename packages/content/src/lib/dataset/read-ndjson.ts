import type {DatasetDocument} from './dataset-document.ts'
import {DatasetFileError} from './dataset-file-error.ts'
import {NdjsonLineReader} from './ndjson-lines.ts'

/**
 * Bytes read at a time. A chunk's text, two bytes a character past Latin-1, stays under V8's
 * large-object size (128 kB), so it dies in the young generation: 1 MB chunks were allocated in
 * the old one and stayed there as garbage until a major collection (10,000 treatments, 188 MB:
 * 30-40 MB of them still held after the load).
 */
const CHUNK_BYTES = 32 * 1024

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
  // The pieces of a line that has not ended yet, joined once it ends (a line longer than a chunk
  // is copied once, not once per chunk).
  let pieces: string[] = []
  try {
    for await (const chunk of createReadStream(path, {encoding: 'utf8', highWaterMark: CHUNK_BYTES})) {
      const text = chunk as string
      let start = 0
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        const line = text.slice(start, end)
        if (pieces.length === 0) take(line)
        else {
          pieces.push(line)
          take(pieces.join(''))
          pieces = []
        }
        start = end + 1
      }
      if (start < text.length) pieces.push(text.slice(start))
    }
  } catch (error) {
    if (error instanceof DatasetFileError) throw error
    throw new DatasetFileError('unreadable', `cannot read the dataset file (${(error as Error).message})`, {file, cause: error})
  }
  take(pieces.join(''))
  return documents
}
