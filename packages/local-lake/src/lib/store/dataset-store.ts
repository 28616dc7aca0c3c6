import {stat} from 'node:fs/promises'

import {type DatasetDocument, indexDocuments, serializeNdjson} from '@treatments/content/dataset'

import {AnswerCache} from '../query/answer-cache.ts'
import {applyPerspective} from '../query/apply-perspective.ts'
import type {QueryView} from '../query/groq-runner.ts'
import type {DatasetHistory} from '../history/history-log.ts'
import {LocalLakeError, isLocalLakeError} from '../local-lake-error.ts'
import type {Perspective} from '../query/perspective.ts'
import type {DatasetDelta} from '../query/dataset-delta.ts'
import {SerialQueue} from './serial-queue.ts'
import {type CommittedTransaction, TransactionLog} from '../history/transaction-log.ts'

/** Writes a whole dataset file; must replace the file atomically or leave it untouched. */
export type DatasetWriter = (file: string, contents: string) => Promise<void>

/**
 * What a dataset file is on disk (inode, size, change times in nanoseconds): when any of them
 * differs from what the lake saw last, someone else wrote the file.
 */
export interface DatasetFileState {
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
}

/**
 * The state of `file` on disk, or `undefined` when it does not exist.
 *
 * @throws the `stat` error for any other failure (permissions, a folder that is now a file)
 */
export async function datasetFileState(file: string): Promise<DatasetFileState | undefined> {
  try {
    const {ino, size, mtimeNs, ctimeNs} = await stat(file, {bigint: true})
    return {ino, size, mtimeNs, ctimeNs}
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function sameFileState(a: DatasetFileState, b: DatasetFileState): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs
}

/** How a {@link DatasetStore} is set up. */
export interface DatasetStoreInit {
  name: string
  documents: DatasetDocument[]
  /** File to write changes back to; `undefined` keeps changes in memory only. */
  file: string | undefined
  writeFile: DatasetWriter
  /**
   * What `file` was on disk when `documents` were read from it (taken before reading). A write
   * finding the file otherwise is refused (`DATASET_CHANGED_OUTSIDE`); `undefined` checks nothing
   * until the store's first write.
   */
  fileState?: DatasetFileState | undefined
  /** The durable history log of `file` (every committed transaction, written before the file). */
  history?: DatasetHistory
  /** Who the log names as the author of the transactions. */
  author?: string
  /** Bytes of serialized query answers to keep between changes. Default 0 (none). */
  answerCacheBytes?: number
}

/** What a transaction computed: the next documents, whether they differ, and a result. */
export interface TransactionPlan<T> {
  documents: DatasetDocument[]
  changed: boolean
  result: T
  /** What listeners are told once the transaction is written (omit to tell them nothing). */
  committed?: CommittedTransaction
}

/** How many recent deltas are kept: a copy further behind gets every document again. */
const KEPT_DELTAS = 64

/**
 * One dataset: its documents in order, indexed by `_id`, and the file they persist to.
 *
 * Transactions run one at a time. Each computes the next state from the current one; when it
 * changed something, the whole dataset is written to the file first and only then swapped in, so
 * memory never runs ahead of disk.
 */
export class DatasetStore {
  /** Dataset name, as used in URLs. */
  readonly name: string
  /** The NDJSON file this dataset persists to; `undefined` when it lives in memory only. */
  readonly file: string | undefined
  readonly #writeFile: DatasetWriter
  readonly #author: string
  /** The durable history of the file, when the dataset has one. */
  readonly history: DatasetHistory | undefined
  readonly #queue = new SerialQueue()
  /** Committed transactions, for listeners. */
  readonly log = new TransactionLog()
  /** Serialized query answers of the current state, dropped on every committed change. */
  readonly answers: AnswerCache
  /** What {@link DatasetStore.file} was when last read or written by this store (`undefined`: unknown). */
  #fileState: DatasetFileState | undefined
  #documents: readonly DatasetDocument[]
  #byId: ReadonlyMap<string, DatasetDocument>
  #views = new Map<Perspective, QueryView>()
  #generation = 0
  readonly #deltas: DatasetDelta[] = []
  /** Transaction ids used so far (logged ones, documents' revisions, this run's), built on first need. */
  #usedTransactionIds: Set<string> | undefined

  constructor(init: DatasetStoreInit) {
    this.name = init.name
    this.file = init.file
    this.#writeFile = init.writeFile
    this.#fileState = init.fileState
    this.history = init.history
    this.#author = init.author ?? 'unknown'
    this.#documents = init.documents
    this.#byId = indexById(init.documents)
    this.answers = new AnswerCache(init.answerCacheBytes ?? 0)
  }

  /** Counts the committed changes: a copy of the documents made at one generation is current while it lasts. */
  get generation(): number {
    return this.#generation
  }

  /**
   * The deltas from `generation` to the current one, oldest first, or `undefined` when they
   * are not all kept (then copy every document).
   */
  deltasSince(generation: number): DatasetDelta[] | undefined {
    if (generation === this.#generation) return []
    const first = this.#deltas.findIndex((delta) => delta.generation === generation + 1)
    return first < 0 ? undefined : this.#deltas.slice(first)
  }

  /** Every document, in dataset order. */
  get documents(): readonly DatasetDocument[] {
    return this.#documents
  }

  /** Documents by `_id`. */
  get byId(): ReadonlyMap<string, DatasetDocument> {
    return this.#byId
  }

  /** The documents a query sees under `perspective` (computed once per change). */
  view(perspective: Perspective): QueryView {
    let view = this.#views.get(perspective)
    if (view === undefined) {
      const documents = applyPerspective(this.#documents, perspective)
      view = perspective === 'raw' ? {documents, byId: this.#byId} : {documents, byId: indexById(documents)}
      this.#views.set(perspective, view)
    }
    return view
  }

  /**
   * Whether `id` already names a transaction of this dataset: an entry of its history log, a
   * document's `_rev`, or a transaction committed while the lake runs.
   */
  transactionIdUsed(id: string): boolean {
    if (this.#usedTransactionIds === undefined) {
      const used = new Set<string>()
      for (const entry of this.history?.entries ?? []) used.add(entry.transactionId)
      for (const document of this.#documents) if (document._rev !== undefined) used.add(document._rev)
      this.#usedTransactionIds = used
    }
    return this.#usedTransactionIds.has(id)
  }

  /**
   * Runs `plan` against the current state after every earlier transaction has finished, then
   * persists and applies its outcome. With `dryRun`, nothing is persisted or applied.
   *
   * @throws whatever `plan` throws (nothing changes)
   * @throws LocalLakeError `DATASET_WRITE_FAILED` when the file could not be written (nothing changes)
   * @throws LocalLakeError `DATASET_CHANGED_OUTSIDE` when the file, or its history log, was changed
   *   by someone else since this store read or last wrote it (nothing changes; the outside edit is kept)
   */
  transact<T>(
    plan: (documents: readonly DatasetDocument[], byId: ReadonlyMap<string, DatasetDocument>) => Promise<TransactionPlan<T>>,
    options: {dryRun?: boolean} = {},
  ): Promise<T> {
    return this.#queue.run(async () => {
      const next = await plan(this.#documents, this.#byId)
      if (!next.changed || options.dryRun === true) return next.result
      if (this.file !== undefined) {
        await this.#refuseOutsideChange(this.file)
        // Log first, then the dataset: a crash in between leaves a log entry whose outcome is
        // not in the file, which the next start removes (see DatasetHistory.open).
        const committed = next.committed !== undefined && next.committed.changes.length > 0 ? next.committed : undefined
        if (this.history !== undefined && committed !== undefined) {
          try {
            await this.history.append(this.history.entryFor(committed, committed.author ?? this.#author))
          } catch (error) {
            if (isLocalLakeError(error) && error.code === 'DATASET_CHANGED_OUTSIDE') throw error
            throw new LocalLakeError(
              'DATASET_WRITE_FAILED',
              `Could not append to the history log ${this.history.file} of dataset "${this.name}": ${(error as Error).message}; no changes were applied`,
              {file: this.history.file, cause: error},
            )
          }
        }
        try {
          await this.#writeFile(this.file, serializeNdjson(next.documents))
        } catch (error) {
          if (this.history !== undefined && committed !== undefined) await this.history.revertLast().catch(() => {})
          throw new LocalLakeError(
            'DATASET_WRITE_FAILED',
            `Could not write dataset "${this.name}" to ${this.file}: ${(error as Error).message}; no changes were applied`,
            {file: this.file, cause: error},
          )
        }
        // A failure to look leaves nothing to compare with: the next write then checks nothing.
        this.#fileState = await datasetFileState(this.file).catch(() => undefined)
      }
      this.#documents = next.documents
      this.#byId = indexById(next.documents)
      this.#views = new Map()
      this.#generation++
      this.#recordDelta(next.documents, next.committed)
      this.answers.invalidate()
      if (next.committed !== undefined && next.committed.changes.length > 0) {
        this.log.record(next.committed)
        this.#usedTransactionIds?.add(next.committed.transactionId)
      }
      return next.result
    })
  }

  /**
   * Refuses to write over a file that someone else changed since this store read or wrote it
   * (an editor, `git checkout`, a script): writing the whole dataset from memory would silently
   * undo their edit. A file that no longer exists is simply written again.
   */
  async #refuseOutsideChange(file: string): Promise<void> {
    const known = this.#fileState
    if (known === undefined) return
    let current: DatasetFileState | undefined
    try {
      current = await datasetFileState(file)
    } catch (error) {
      throw new LocalLakeError(
        'DATASET_WRITE_FAILED',
        `Could not check dataset file ${file} of dataset "${this.name}" before writing it: ${(error as Error).message}; no changes were applied`,
        {file, cause: error},
      )
    }
    if (current === undefined || sameFileState(known, current)) return
    throw new LocalLakeError(
      'DATASET_CHANGED_OUTSIDE',
      `The dataset file ${file} (dataset "${this.name}") was changed outside the lake after the lake loaded or last wrote it ` +
        '(an editor, git checkout, a script); this change was not applied, so that the outside edit is not overwritten. ' +
        'Restart the lake: it records the outside change in its history log and takes writes again.',
      {file},
    )
  }

  #recordDelta(documents: readonly DatasetDocument[], committed: CommittedTransaction | undefined): void {
    // Without the list of changed documents no delta can be told: copies then start over.
    if (committed === undefined || committed.changes.length === 0) {
      this.#deltas.length = 0
      return
    }
    const written = new Set<string>()
    const removed: string[] = []
    for (const change of committed.changes) {
      if (change.after === null) removed.push(change.id)
      else written.add(change.id)
    }
    const upserts: DatasetDelta['upserts'] = []
    for (const [index, document] of documents.entries()) {
      if (written.has(document._id)) upserts.push({index, document})
    }
    this.#deltas.push({generation: this.#generation, upserts, removed})
    if (this.#deltas.length > KEPT_DELTAS) this.#deltas.shift()
  }

  /** Resolves once every queued transaction has finished (and been written). */
  idle(): Promise<void> {
    return this.#queue.idle()
  }
}

/** The dataset core's id index of `documents`: one map per array, shared with the query runner. */
function indexById(documents: readonly DatasetDocument[]): ReadonlyMap<string, DatasetDocument> {
  return indexDocuments(documents).byId
}
