import type {DatasetDocument} from '@treatments/content/dataset'

/** How one document changed in a committed transaction. */
export interface DocumentChange {
  id: string
  /** The document before the transaction (`null`: it did not exist). */
  before: DatasetDocument | null
  /** The document after the transaction (`null`: it was deleted). */
  after: DatasetDocument | null
  /** The mutations that changed it, in Sanity's mutate form, addressed to this id. */
  mutations: Record<string, unknown>[]
}

/** A transaction as listeners see it once it is written and visible to queries. */
export interface CommittedTransaction {
  transactionId: string
  /** When it was applied, ISO 8601 (also the documents' `_updatedAt`). */
  timestamp: string
  /** Who made it. */
  identity: string
  /** The author the request named for itself (`X-Lake-Author`); default the lake's `--author`. */
  author?: string
  /** The documents it changed, in the order they were first changed. */
  changes: DocumentChange[]
}

/**
 * The recent committed transactions of one dataset, for listeners: new ones are pushed to
 * subscribers, and a reconnecting listener can catch up on the ones it missed (as long as they
 * are among the last `capacity`).
 */
export class TransactionLog {
  readonly #capacity: number
  readonly #entries: CommittedTransaction[] = []
  readonly #subscribers = new Set<(transaction: CommittedTransaction) => void>()

  /** @param capacity - how many transactions to keep for resumption */
  constructor(capacity = 1000) {
    this.#capacity = capacity
  }

  /** Records a committed transaction and tells every subscriber. */
  record(transaction: CommittedTransaction): void {
    this.#entries.push(transaction)
    if (this.#entries.length > this.#capacity) this.#entries.shift()
    for (const subscriber of this.#subscribers) subscriber(transaction)
  }

  /** Calls `subscriber` with every transaction committed from now on; returns the unsubscribe. */
  subscribe(subscriber: (transaction: CommittedTransaction) => void): () => void {
    this.#subscribers.add(subscriber)
    return () => {
      this.#subscribers.delete(subscriber)
    }
  }

  /**
   * The transactions after the one with `transactionId`, or `undefined` when that one is no
   * longer (or never was) in the log, so the caller cannot resume from it.
   */
  since(transactionId: string): CommittedTransaction[] | undefined {
    const index = this.#entries.findIndex((entry) => entry.transactionId === transactionId)
    return index < 0 ? undefined : this.#entries.slice(index)
  }
}
