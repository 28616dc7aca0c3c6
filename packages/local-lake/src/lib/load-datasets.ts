import {readFile, readdir} from 'node:fs/promises'
import {basename, join} from 'node:path'

import {DatasetLock} from './dataset-lock.ts'
import {DatasetStore} from './dataset-store.ts'
import {DatasetHistory} from './history-log.ts'
import {type LakeDocument, lakeDocumentProblem} from './lake-document.ts'
import type {ResolvedLakeOptions} from './lake-options.ts'
import {LocalLakeError} from './local-lake-error.ts'
import {parseNdjson} from './parse-ndjson.ts'

/**
 * Loads every configured dataset into a {@link DatasetStore}, taking the lock of each file the
 * lake will write (see {@link DatasetLock}).
 *
 * @throws LocalLakeError `DATASET_FILE_UNREADABLE` for a missing/unreadable file or directory,
 *   `DATASET_FILE_INVALID` for a malformed file (naming file and line), `DATASET_INVALID` for a
 *   bad in-memory document, `DATASET_LOCKED` when another running process owns a file
 */
export async function loadDatasets(
  options: ResolvedLakeOptions,
): Promise<{stores: Map<string, DatasetStore>; locks: DatasetLock[]}> {
  const entries = options.datasets.kind === 'map' ? options.datasets.entries : await listDirectory(options.datasets.path)
  const stores = new Map<string, DatasetStore>()
  const locks: DatasetLock[] = []
  try {
    for (const {name, source} of entries) {
      const isFile = typeof source === 'string'
      const writes = isFile && !options.inMemory && !options.readOnly
      // Lock before reading, so no other process writes between this read and our first write.
      if (writes && options.lock !== false) {
        locks.push(await DatasetLock.acquire(source, {...options.lock, token: options.token}))
      }
      const documents = isFile ? await readDatasetFile(source) : copyDocuments(name, source)
      // A read-only lake reads the log as it is; a writing one repairs it first (after a crash).
      const history = isFile && !options.inMemory ? await DatasetHistory.open(source, documents, {readOnly: !writes}) : undefined
      stores.set(
        name,
        new DatasetStore({
          name,
          documents,
          file: isFile && !options.inMemory ? source : undefined,
          writeFile: options.writeFile,
          ...(history === undefined ? {} : {history}),
          author: options.author,
        }),
      )
    }
  } catch (error) {
    await Promise.all(locks.map((lock) => lock.release()))
    throw error
  }
  return {stores, locks}
}

async function listDirectory(directory: string): Promise<Array<{name: string; source: string}>> {
  let names: string[]
  try {
    names = await readdir(directory)
  } catch (error) {
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Cannot read dataset directory ${directory}: ${(error as Error).message}`, {
      file: directory,
      cause: error,
    })
  }
  // Hidden files are the lake's own (history logs, temporary files), not datasets.
  const files = names.filter((name) => name.endsWith('.ndjson') && !name.startsWith('.')).sort()
  if (files.length === 0) {
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Dataset directory ${directory} has no .ndjson files`, {file: directory})
  }
  return files.map((file) => ({name: basename(file, '.ndjson'), source: join(directory, file)}))
}

/**
 * Reads and parses one NDJSON dataset file.
 *
 * @throws LocalLakeError `DATASET_FILE_UNREADABLE` or `DATASET_FILE_INVALID`
 */
export async function readDatasetFile(file: string): Promise<LakeDocument[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Cannot read dataset file ${file}: ${(error as Error).message}`, {
      file,
      cause: error,
    })
  }
  return parseNdjson(text, file)
}

function copyDocuments(name: string, documents: readonly Record<string, unknown>[]): LakeDocument[] {
  const seen = new Set<string>()
  return documents.map((document, index) => {
    const problem = lakeDocumentProblem(document)
    if (problem !== undefined) {
      throw new LocalLakeError('DATASET_INVALID', `Dataset "${name}", document at index ${index} ${problem}`)
    }
    const copy = structuredClone(document) as LakeDocument
    if (seen.has(copy._id)) {
      throw new LocalLakeError('DATASET_INVALID', `Dataset "${name}", document at index ${index} has duplicate _id "${copy._id}"`)
    }
    seen.add(copy._id)
    return copy
  })
}
