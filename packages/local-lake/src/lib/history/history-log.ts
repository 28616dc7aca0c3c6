import {lstat, open, readFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import type {DatasetDocument} from '@treatments/content/dataset'
import {LocalLakeError} from '../local-lake-error.ts'
import {type AppendHandle, type OpenAppendHandle, openForAppend, writeFully} from './append-fully.ts'
import {type LogFileState, logChangeProblem, logInode} from './log-file-state.ts'
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

/** The command that repairs a damaged history log (see {@link repairHistoryLog}). */
export const REPAIR_HISTORY_COMMAND = 'pnpm lake --repair-history'

/** A history log read line by line: its entries, where each starts, and where it stops being whole. */
interface ScannedLog {
  entries: HistoryEntry[]
  /** Byte offset of each entry's line. */
  offsets: number[]
  /** Bytes up to the end of the last whole line. */
  completeBytes: number
  /** Bytes after it (an append cut short by a crash). */
  tornBytes: number
  /** The first line that is not an entry, with its offset (a torn append with entries after it). */
  damage?: {line: number; offset: number; problem: string}
}

/**
 * The bytes of the log, or `undefined` when there is none.
 *
 * @throws LocalLakeError `HISTORY_LOG_INVALID` when the log is a link or not a regular file: the
 *   lake would write into (and a repair cut) another file, or wait for ever on a pipe
 */
async function readLogBytes(file: string): Promise<Buffer | undefined> {
  try {
    const stats = await lstat(file)
    if (stats.isSymbolicLink() || !stats.isFile()) {
      const what = stats.isSymbolicLink() ? 'is a link' : 'is not a regular file'
      throw new LocalLakeError('HISTORY_LOG_INVALID', `History log ${file} ${what}; the lake keeps its log only in a regular file there: move it away, or put the log it points to in its place`, {file})
    }
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    if (error instanceof LocalLakeError) throw error
    throw new LocalLakeError('DATASET_FILE_UNREADABLE', `Cannot read history log ${file}: ${(error as Error).message}`, {file, cause: error})
  }
}

function scanLog(buffer: Buffer): ScannedLog {
  const completeBytes = buffer.lastIndexOf(0x0a) + 1
  const scanned: ScannedLog = {entries: [], offsets: [], completeBytes, tornBytes: buffer.length - completeBytes}
  let offset = 0
  while (offset < completeBytes) {
    const end = buffer.indexOf(0x0a, offset)
    const problem = entryProblem(buffer.subarray(offset, end).toString('utf8'))
    if (typeof problem === 'string') {
      scanned.damage = {line: scanned.entries.length + 1, offset, problem}
      return scanned
    }
    scanned.entries.push(problem)
    scanned.offsets.push(offset)
    offset = end + 1
  }
  return scanned
}

/**
 * Reads a history log. A last line without its newline (an append cut short by a crash) is
 * left out and reported as `tornBytes`.
 *
 * @throws LocalLakeError `HISTORY_LOG_INVALID` naming the file and line of a malformed entry and
 *   the repair command
 */
export async function readHistoryLog(file: string): Promise<{entries: HistoryEntry[]; completeBytes: number; tornBytes: number}> {
  const buffer = await readLogBytes(file)
  if (buffer === undefined) return {entries: [], completeBytes: 0, tornBytes: 0}
  const {entries, completeBytes, tornBytes, damage} = scanLog(buffer)
  if (damage !== undefined) throw damagedLog(file, damage)
  return {entries, completeBytes, tornBytes}
}

function damagedLog(file: string, damage: NonNullable<ScannedLog['damage']>): LocalLakeError {
  return new LocalLakeError(
    'HISTORY_LOG_INVALID',
    `History log ${file} is damaged at line ${damage.line} (${damage.problem}); run "${REPAIR_HISTORY_COMMAND}" to keep the ${damage.line - 1} entries before it and move the rest to a side file`,
    {file, line: damage.line},
  )
}

/** What {@link repairHistoryLog} did to one log. */
export interface HistoryRepair {
  /** The log repaired. */
  file: string
  /** The first damaged line: it and every line after it were moved. */
  line: number
  /** Where the moved bytes are kept, beside the log. */
  sideFile: string
  movedBytes: number
}

/**
 * Cuts a damaged log at its first line that is not an entry, keeping that line and everything
 * after it in `<log>.damaged-<time>` (synced before the log is cut). The entries before it stay.
 * Returns `undefined` when the log is whole.
 */
export async function repairHistoryLog(file: string, now: string = new Date().toISOString()): Promise<HistoryRepair | undefined> {
  const buffer = await readLogBytes(file)
  if (buffer === undefined) return undefined
  const {damage} = scanLog(buffer)
  if (damage === undefined) return undefined
  const sideFile = `${file}.damaged-${now.replaceAll(':', '-')}`
  const tail = buffer.subarray(damage.offset)
  const side = await open(sideFile, 'wx', 0o644)
  try {
    await writeFully(side, tail, 0)
    await side.sync()
  } finally {
    await side.close()
  }
  const handle = await open(file, 'r+')
  try {
    await handle.truncate(damage.offset)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return {file, line: damage.line, sideFile, movedBytes: tail.length}
}

/** The entry on `line`, or what is wrong with it. */
function entryProblem(line: string): HistoryEntry | string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return `not a JSON history entry: ${(error as Error).message}`
  }
  const entry = value as Partial<HistoryEntry> | null
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof entry.transactionId !== 'string' ||
    typeof entry.timestamp !== 'string' ||
    !Array.isArray(entry.changes)
  ) {
    return 'a history entry needs transactionId, timestamp and changes'
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
  /** Byte offset of each entry's line: a take-back cuts the file exactly there. */
  readonly #offsets: number[]
  /** Each logged document's last known state (the `after` of its last entry). */
  readonly #latest = new Map<string, DatasetDocument | null>()
  readonly #openFile: OpenAppendHandle
  /** Bytes of whole entries: where the next one goes. */
  #size: number
  /** The file may hold bytes past `#size` (a write or take-back that failed): cut them before appending. */
  #untrimmed = false
  /** The file as this log last left it; a file found otherwise is not written (see {@link logChangeProblem}). */
  #state: LogFileState = {ino: undefined, size: 0}

  private constructor(file: string, entries: HistoryEntry[], offsets: number[], size: number, openFile: OpenAppendHandle) {
    this.file = file
    this.#entries = entries
    this.#offsets = offsets
    this.#size = size
    this.#openFile = openFile
    for (const entry of entries) this.#remember(entry)
  }

  /**
   * Opens the log of a dataset whose current documents are `documents`, and (unless
   * `readOnly`) repairs it after a crash and records changes made outside the lake.
   * `openFile` replaces how the log is opened for appending (tests simulate a full disk with it).
   *
   * @throws LocalLakeError `HISTORY_LOG_INVALID` for a malformed entry before the last line
   *   (naming {@link REPAIR_HISTORY_COMMAND})
   */
  static async open(
    datasetFile: string,
    documents: readonly DatasetDocument[],
    options: {readOnly: boolean; now?: () => string; openFile?: OpenAppendHandle},
  ): Promise<DatasetHistory> {
    const file = historyFileOf(datasetFile)
    const buffer = await readLogBytes(file)
    const {entries, offsets, completeBytes, tornBytes, damage} = buffer === undefined ? scanLog(Buffer.alloc(0)) : scanLog(buffer)
    if (damage !== undefined) throw damagedLog(file, damage)
    const byId = new Map(documents.map((document) => [document._id, document]))
    let size = completeBytes
    const last = entries.at(-1)
    let dropLast = false
    if (last !== undefined && !reachedDataset(last, byId) && beforeEntry(last, byId)) {
      // Logged, then killed before the dataset file was replaced: it never committed.
      dropLast = true
      size = offsets.pop()!
      entries.pop()
    }
    const history = new DatasetHistory(file, entries, offsets, size, options.openFile ?? openForAppend)
    history.#state = {ino: await logInode(file), size: buffer?.length ?? 0}
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

  /**
   * Appends `entry` and syncs it to disk; resolves once it is durable. All or nothing: the line
   * is written whole at the end of the last whole entry (looping over short writes), or the
   * file is cut back to that end and the append fails.
   *
   * @throws LocalLakeError `DATASET_CHANGED_OUTSIDE` when the file is not as this log left it
   *   (nothing is written)
   */
  async append(entry: HistoryEntry): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`)
    const start = this.#size
    await this.#refuseOutsideChange()
    const handle = await this.#openFile(this.file)
    try {
      // Never append after bytes of an entry that did not commit; if this fails, so does the transaction.
      if (this.#untrimmed) await handle.truncate(start)
      this.#untrimmed = false
      await writeFully(handle, line, start)
      await handle.sync()
    } catch (error) {
      // Leave no part of the line behind for the next append or start to run into.
      await cutBack(handle, start).then(
        () => (this.#state = {...this.#state, size: start}),
        () => {
          this.#untrimmed = true
        },
      )
      throw error
    } finally {
      await handle.close()
    }
    if (start === 0) await syncDirectory(dirname(this.file))
    this.#state = {ino: this.#state.ino ?? (await logInode(this.file)), size: start + line.length}
    this.#size = start + line.length
    this.#offsets.push(start)
    this.#entries.push(entry)
    this.#remember(entry)
  }

  /**
   * Takes back the last entry, when the dataset write after it failed: cuts the file to the
   * length it had before that append. If cutting fails too, the next append cuts it first (or
   * fails), and the next open removes it (its outcome is not in the dataset).
   */
  async revertLast(): Promise<void> {
    const last = this.#entries.pop()
    if (last === undefined) return
    this.#size = this.#offsets.pop()!
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
    await this.#refuseOutsideChange()
    const handle = await this.#openFile(this.file)
    try {
      await cutBack(handle, size)
    } finally {
      await handle.close()
    }
    this.#state = {...this.#state, size}
    this.#untrimmed = false
  }

  /** @throws LocalLakeError `DATASET_CHANGED_OUTSIDE` when the file is not as this log left it */
  async #refuseOutsideChange(): Promise<void> {
    const problem = await logChangeProblem(this.file, this.#state, this.#untrimmed)
    if (problem === undefined) return
    throw new LocalLakeError(
      'DATASET_CHANGED_OUTSIDE',
      `The history log ${this.file} ${problem} after the lake last wrote it; this change was not applied, and nothing was written to it or through it. ` +
        'Put the log back, or restart the lake to go on from the files as they are.',
      {file: this.file},
    )
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

async function cutBack(handle: AppendHandle, size: number): Promise<void> {
  await handle.truncate(size)
  await handle.sync()
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
