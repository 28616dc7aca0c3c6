import type {DatasetDocument} from './dataset-document.ts'
import {DatasetFileError} from './dataset-file-error.ts'
import {NdjsonLineReader} from './ndjson-lines.ts'

/**
 * Bytes read at a time. Chunks are kept as bytes (outside V8's heap) and each line is decoded on
 * its own: decoding whole chunks made one string per chunk, at two bytes a character as soon as
 * the chunk held one character past Latin-1 (any real dataset's chunks do), which every line
 * sliced from it kept; JSON.parse reads one-byte lines faster. Reading 1,000 treatments (19 MB):
 * 135–159 ms of CPU with 1 MB chunks decoded by line, 168–205 ms with 64 kB, 191–316 ms with the
 * 32 kB text chunks this replaced.
 */
const CHUNK_BYTES = 1024 * 1024

/**
 * `node:fs` when this runs in Node (22.3 and later), else `undefined`. Asked of
 * `process.getBuiltinModule` rather than imported: `localDataset(documents)` in a browser or edge
 * bundle never reads a file, but esbuild fails the whole build on a `node:` import it can see,
 * even a lazy one.
 */
function nodeFs(): typeof import('node:fs') | undefined {
  return (globalThis as {process?: {getBuiltinModule?: (id: 'node:fs') => typeof import('node:fs')}}).process?.getBuiltinModule?.('node:fs')
}

/** `\n`: never part of a multi-byte UTF-8 character, so a line's bytes decode on their own. */
const LINE_FEED = 0x0a

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
  // How errors name the file: a file: URL by its path as written on disk, any other URL whole.
  const file = path instanceof URL ? (path.protocol === 'file:' ? decodeURIComponent(path.pathname) : path.href) : path
  const fs = nodeFs()
  if (fs === undefined) throw new DatasetFileError('unreadable', 'reading a dataset file needs Node.js; in a browser or an edge runtime, pass the documents', {file})
  const {createReadStream} = fs
  const reader = new NdjsonLineReader(file)
  const documents: DatasetDocument[] = []
  const take = (text: string) => {
    const outcome = reader.read(text)
    if (outcome === undefined) return
    if ('problem' in outcome) throw outcome.problem
    documents.push(outcome.document)
  }
  // The bytes of a line that has not ended yet, joined once it ends (a line longer than a chunk
  // is copied once, not once per chunk).
  let pieces: Buffer[] = []
  try {
    for await (const chunk of createReadStream(path, {highWaterMark: CHUNK_BYTES})) {
      const bytes = chunk as Buffer
      let start = 0
      for (let end = bytes.indexOf(LINE_FEED); end !== -1; end = bytes.indexOf(LINE_FEED, start)) {
        if (pieces.length === 0) take(bytes.toString('utf8', start, end))
        else {
          pieces.push(bytes.subarray(start, end))
          take(Buffer.concat(pieces).toString('utf8'))
          pieces = []
        }
        start = end + 1
      }
      if (start < bytes.length) pieces.push(bytes.subarray(start))
    }
  } catch (error) {
    if (error instanceof DatasetFileError) throw error
    throw new DatasetFileError('unreadable', `cannot read the dataset file (${(error as Error).message})`, {file, cause: error})
  }
  take(Buffer.concat(pieces).toString('utf8'))
  return documents
}
