import {readdir, stat} from 'node:fs/promises'
import {basename, join} from 'node:path'

import {isDatasetFileError, isDatasetFileName, readNdjson} from '@treatments/content/dataset'

import {DatasetLock} from '../store/dataset-lock.ts'
import {DatasetStore, datasetFileState} from '../store/dataset-store.ts'
import {DatasetHistory, type HistoryRepair, historyFileOf, repairHistoryLog} from '../history/history-log.ts'
import {type DatasetDocument, datasetDocumentProblem} from '@treatments/content/dataset'
import type {ResolvedLakeOptions} from '../lake-options.ts'
import {LocalLakeError} from '../local-lake-error.ts'
import {compactAfterLoad} from './compact-after-load.ts'

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
): Promise<{stores: Map<string, DatasetStore>; locks: DatasetLock[]; historyRepairs: HistoryRepair[]}> {
  const entries = options.datasets.kind === 'map' ? options.datasets.entries : await listDirectory(options.datasets.path)
  const stores = new Map<string, DatasetStore>()
  const locks: DatasetLock[] = []
  const historyRepairs: HistoryRepair[] = []
  try {
    for (const {name, source} of entries) {
      const isFile = typeof source === 'string'
      const writes = isFile && !options.inMemory && !options.readOnly
      // Lock before reading, so no other process writes between this read and our first write.
      if (writes && options.lock !== false) {
        locks.push(await DatasetLock.acquire(source, {...options.lock, token: options.token}))
      }
      // Before reading: a change made while it is read then shows at the first write (refused).
      const fileState = isFile && !options.inMemory ? await datasetFileState(source).catch(() => undefined) : undefined
      const documents = isFile ? await readDatasetFile(source) : checkDocuments(name, source)
      // A read-only lake reads the log as it is; a writing one repairs it first (after a crash).
      if (writes && options.repairHistory) {
        const repair = await repairHistoryLog(historyFileOf(source))
        if (repair !== undefined) historyRepairs.push(repair)
      }
      const history =
        isFile && !options.inMemory
          ? await DatasetHistory.open(source, documents, {
              readOnly: !writes,
              ...(options.openHistoryFile === undefined ? {} : {openFile: options.openHistoryFile}),
            })
          : undefined
      stores.set(
        name,
        new DatasetStore({
          name,
          documents,
          file: isFile && !options.inMemory ? source : undefined,
          writeFile: options.writeFile,
          fileState,
          ...(history === undefined ? {} : {history}),
          author: options.author,
          answerCacheBytes: options.answerCacheBytes,
        }),
      )
    }
  } catch (error) {
    await Promise.all(locks.map((lock) => lock.release()))
    throw error
  }
  // Build what every read needs (the published view and its indexes) before compacting, so the
  // steady state is what stays resident.
  for (const store of stores.values()) store.view('published')
  compactAfterLoad()
  return {stores, locks, historyRepairs}
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
  const files = names.filter(isDatasetFileName).sort()
  if (files.length === 0) {
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Dataset directory ${directory} has no .ndjson files`, {file: directory})
  }
  return files.map((file) => ({name: basename(file, '.ndjson'), source: join(directory, file)}))
}

/**
 * Reads one NDJSON dataset file, streamed line by line by the dataset core (so a file larger
 * than the longest string still loads), with the core's rules.
 *
 * @throws LocalLakeError `DATASET_FILE_UNREADABLE` (also for a pipe, device or directory, which
 *   would be waited on for ever or read as nothing) or `DATASET_FILE_INVALID`
 */
export async function readDatasetFile(file: string): Promise<DatasetDocument[]> {
  const stats = await stat(file).catch(() => undefined)
  if (stats !== undefined && !stats.isFile()) {
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Cannot read dataset file ${file}: it is not a regular file (a pipe, a device or a directory)`, {file})
  }
  try {
    return await readNdjson(file)
  } catch (error) {
    if (!isDatasetFileError(error)) throw error
    if (error.rule === 'unreadable') {
      const reason = error.cause instanceof Error ? error.cause.message : error.problem
      throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Cannot read dataset file ${file}: ${reason}`, {file, cause: error})
    }
    throw new LocalLakeError('DATASET_FILE_INVALID', error.message, {file, ...(error.line === undefined ? {} : {line: error.line}), cause: error})
  }
}

/**
 * Checks documents passed in memory by the file rules. They are used as they are, not copied
 * (a second copy of a large dataset doubles the lake's memory): the lake never changes a
 * document in place, and the caller must not change them after passing them.
 */
function checkDocuments(name: string, documents: readonly Record<string, unknown>[]): DatasetDocument[] {
  const seen = new Set<string>()
  for (const [index, document] of documents.entries()) {
    const problem = datasetDocumentProblem(document)
    if (problem !== undefined) {
      throw new LocalLakeError('DATASET_INVALID', `Dataset "${name}", document at index ${index} ${problem}`)
    }
    const {_id: id} = document as DatasetDocument
    if (seen.has(id)) {
      throw new LocalLakeError('DATASET_INVALID', `Dataset "${name}", document at index ${index} has duplicate _id "${id}"`)
    }
    seen.add(id)
  }
  return [...(documents as readonly DatasetDocument[])]
}
