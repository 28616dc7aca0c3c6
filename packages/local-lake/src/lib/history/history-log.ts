import {open, readFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import type {DatasetDocument} from '@treatments/content/dataset'
import {LocalLakeError} from '../local-lake-error.ts'
import type {CommittedTransaction} from './transaction-log.ts'

/** How one document changed in a logged transaction. */
export interface HistoryDocumentChange {
  id: string
  /** The document's `_rev` before (`null`: it did not exist, or had no revision). */
  previousRev: string | null
  /** The document's `_rev` after (`null`: the transaction deleted it). */
  resultRev: string | null
  /**
   * The document before the transaction: recorded the first time the log meets a document
   * (so every version is in the log), omitted afterwards (it is the previous entry's `after`).
   */
  before?: DatasetDocument | null
  /** The document after the transaction (`null`: deleted). */
  after: DatasetDocument | null
  /** The mutations that changed this document, in Sanity's mutate form. */
  mutations: Record<string, unknown>[]
}

/** One line of a dataset's history log: a committed transaction. */
export interface HistoryEntry {
  transactionId: string
  /** When it was committed, ISO 8601 (also the changed documents' `_updatedAt`). */
  timestamp: string
  /** The user id the lake reports to Sanity clients (`identity` in listen events). */
  identity: string
  /** Who made it: the person behind the token (`pnpm lake --author`, default the OS user). */
  author: string
  /**
   * `lake`: committed through the lake. `outside`: found at start, a change made to the dataset
   * file while no lake served it (an editor, `git checkout`); its author is unknown.
   */
  origin: 'lake' | 'outside'
  changes: HistoryDocumentChange[]
}

/** The path of the history log of dataset `file`: `.<name>.history.ndjson` beside it. */
export function historyFileOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.history.ndjson`)
}

/**
 * Reads a history log. A last line without its newline (an append cut short by a crash) is
 * left out and reported as `tornBytes`.
 *
 * @throws LocalLakeError `HISTORY_LOG_INVALID` naming the file and line of a malformed entry
 */
export async function readHistoryLog(file: string): Promise<{entries: HistoryEntry[]; completeBytes: number; tornBytes: number}> {
  let buffer: Buffer
  try {
    buffer = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {entries: [], completeBytes: 0, tornBytes: 0}
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Cannot read history log ${file}: ${(error as Error).message}`, {file, cause: error})
  }
  const completeBytes = buffer.lastIndexOf(0x0a) + 1
  const lines = buffer.subarray(0, completeBytes).toString('utf8').split('\n')
  lines.pop()
  const entries = lines.map((line, index) => parseEntry(line, file, index + 1))
  return {entries, completeBytes, tornBytes: buffer.length - completeBytes}
}

function parseEntry(line: string, file: string, lineNumber: number): HistoryEntry {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    throw new LocalLakeError('HISTORY_LOG_INVALID', `${file}:${lineNumber}: not a JSON history entry (${(error as Error).message})`, {
      file,
      line: lineNumber,
    })
  }
  const entry = value as Partial<HistoryEntry> | null
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof entry.transactionId !== 'string' ||
    typeof entry.timestamp !== 'string' ||
    !Array.isArray(entry.changes)
  ) {
    throw new LocalLakeError('HISTORY_LOG_INVALID', `${file}:${lineNumber}: a history entry needs transactionId, timestamp and changes`, {
      file,
      line: lineNumber,
    })
  }
  return entry as HistoryEntry
}

/** Whether the dataset holds the outcome of `entry`: every changed document as it left it. */
function reachedDataset(entry: HistoryEntry, byId: ReadonlyMap<string, DatasetDocument>): boolean {
  return entry.changes.every((change) =>
    change.after === null ? !byId.has(change.id) : isDeepStrictEqual(byId.get(change.id), change.after),
  )
}

/** Whether the dataset holds every document of `entry` as it was before it. */
function beforeEntry(entry: HistoryEntry, byId: ReadonlyMap<string, DatasetDocument>): boolean {
  return entry.changes.every((change) => {
    const current = byId.get(change.id)
    return change.previousRev === null ? current === undefined || current._rev === undefined : current?._rev === change.previousRev
  })
}

/**
 * The durable history of one dataset file: every committed transaction, appended and synced to
 * disk before the dataset file is replaced (and so before the client is answered).
 *
 * Crash consistency: the order is log, then dataset. A crash between the two leaves a last
 * entry whose outcome is not in the dataset; the next {@link DatasetHistory.open} removes it
 * (the client was never answered, so the transaction never happened). A torn last line is
 * removed too. Changes made to the file while no lake served it are recorded at open as
 * `origin: "outside"` entries, for the documents the log knows.
 */
export class DatasetHistory {
  /** The log file. */
  readonly file: string
  readonly #entries: HistoryEntry[]
  /** Each logged document's last known state (the `after` of its last entry). */
  readonly #latest = new Map<string, DatasetDocument | null>()
  #size: number
  /** The file may hold bytes past `#size` (a take-back that failed): cut them before appending. */
  #untrimmed = false

  private constructor(file: string, entries: HistoryEntry[], size: number) {
    this.file = file
    this.#entries = entries
    this.#size = size
    for (const entry of entries) this.#remember(entry)
  }

  /**
   * Opens the log of a dataset whose current documents are `documents`, and (unless
   * `readOnly`) repairs it after a crash and records changes made outside the lake.
   *
   * @throws LocalLakeError `HISTORY_LOG_INVALID` for a malformed entry before the last line
   */
  static async open(
    datasetFile: string,
    documents: readonly DatasetDocument[],
    options: {readOnly: boolean; now?: () => string},
  ): Promise<DatasetHistory> {
    const file = historyFileOf(datasetFile)
    const {entries, completeBytes, tornBytes} = await readHistoryLog(file)
    const byId = new Map(documents.map((document) => [document._id, document]))
    let size = completeBytes
    const last = entries.at(-1)
    let dropLast = false
    if (last !== undefined && !reachedDataset(last, byId) && beforeEntry(last, byId)) {
      // Logged, then killed before the dataset file was replaced: it never committed.
      dropLast = true
      size -= Buffer.byteLength(`${JSON.stringify(last)}\n`)
      entries.pop()
    }
    const history = new DatasetHistory(file, entries, size)
    if (!options.readOnly && (tornBytes > 0 || dropLast)) await history.#truncate(size)
    const outside = history.#outsideChanges(byId, options.now?.() ?? new Date().toISOString())
    if (outside !== undefined && !options.readOnly) await history.append(outside)
    return history
  }

  /** Every entry, oldest first. */
  get entries(): readonly HistoryEntry[] {
    return this.#entries
  }

  /** Turns a committed transaction into a log entry (recording `before` for documents new to the log). */
  entryFor(transaction: CommittedTransaction, author: string): HistoryEntry {
    return {
      transactionId: transaction.transactionId,
      timestamp: transaction.timestamp,
      identity: transaction.identity,
      author,
      origin: 'lake',
      changes: transaction.changes.map(({id, before, after, mutations}) => ({
        id,
        previousRev: before?._rev ?? null,
        resultRev: after === null ? null : (after._rev ?? null),
        ...(this.#latest.has(id) ? {} : {before}),
        after,
        mutations,
      })),
    }
  }

  /** Appends `entry` and syncs it to disk; resolves once it is durable. */
  async append(entry: HistoryEntry): Promise<void> {
    if (this.#untrimmed) {
      // Never append after an entry that did not commit; if this fails, so does the transaction.
      await this.#truncate(this.#size)
      this.#untrimmed = false
    }
    const line = `${JSON.stringify(entry)}\n`
    const handle = await open(this.file, 'a', 0o644)
    try {
      await handle.write(line)
      await handle.sync()
    } catch (error) {
      // Leave no half line behind for the next append to run into.
      await handle.truncate(this.#size).catch(() => {})
      throw error
    } finally {
      await handle.close()
    }
    if (this.#size === 0) await syncDirectory(dirname(this.file))
    this.#size += Buffer.byteLength(line)
    this.#entries.push(entry)
    this.#remember(entry)
  }

  /**
   * Takes back the last entry, when the dataset write after it failed. If cutting it from the file
   * fails too, the next append cuts it first (or fails), and the next open removes it (its
   * outcome is not in the dataset).
   */
  async revertLast(): Promise<void> {
    const last = this.#entries.pop()
    if (last === undefined) return
    this.#size -= Buffer.byteLength(`${JSON.stringify(last)}\n`)
    this.#latest.clear()
    for (const entry of this.#entries) this.#remember(entry)
    try {
      await this.#truncate(this.#size)
    } catch (error) {
      this.#untrimmed = true
      throw error
    }
  }

  #remember(entry: HistoryEntry): void {
    for (const change of entry.changes) this.#latest.set(change.id, change.after)
  }

  async #truncate(size: number): Promise<void> {
    const handle = await open(this.file, 'r+')
    try {
      await handle.truncate(size)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  /** An entry for the logged documents that the file holds in another state than the log says. */
  #outsideChanges(byId: ReadonlyMap<string, DatasetDocument>, now: string): HistoryEntry | undefined {
    const changes: HistoryDocumentChange[] = []
    for (const [id, known] of this.#latest) {
      const current = byId.get(id) ?? null
      if (isDeepStrictEqual(current, known)) continue
      changes.push({id, previousRev: known?._rev ?? null, resultRev: current?._rev ?? null, after: current, mutations: []})
    }
    if (changes.length === 0) return undefined
    return {transactionId: `outside-${Date.parse(now)}`, timestamp: now, identity: 'unknown', author: 'unknown (changed outside the lake)', origin: 'outside', changes}
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } catch {
    // Some file systems cannot sync a directory; the entry itself is synced.
  } finally {
    await handle.close()
  }
}
