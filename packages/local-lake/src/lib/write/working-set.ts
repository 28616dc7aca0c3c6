import type {DatasetDocument} from '@treatments/content/dataset'

/**
 * A copy-on-write view over a dataset for one transaction: reads fall through to the base
 * documents, writes and deletes are recorded without touching them.
 */
export class WorkingSet {
  readonly #base: readonly DatasetDocument[]
  readonly #baseById: ReadonlyMap<string, DatasetDocument>
  readonly #changes = new Map<string, DatasetDocument | null>()
  readonly #added: string[] = []

  constructor(base: readonly DatasetDocument[], baseById: ReadonlyMap<string, DatasetDocument>) {
    this.#base = base
    this.#baseById = baseById
  }

  /** The current version of document `id`, or `undefined` when it does not exist. */
  get(id: string): DatasetDocument | undefined {
    const changed = this.#changes.get(id)
    if (changed !== undefined) return changed ?? undefined
    return this.#baseById.get(id)
  }

  /** Stores `document` under its `_id` (new documents go to the end of the dataset). */
  put(document: DatasetDocument): void {
    const id = document._id
    if (!this.#baseById.has(id) && !this.#changes.has(id)) this.#added.push(id)
    this.#changes.set(id, document)
  }

  /** Deletes document `id`. */
  delete(id: string): void {
    this.#changes.set(id, null)
  }

  /** Ids written or deleted, in the order they were first changed. */
  changedIds(): string[] {
    return [...this.#changes.keys()]
  }

  /** Whether anything was written or deleted. */
  get changed(): boolean {
    return this.#changes.size > 0
  }

  /** All current documents: existing ones in their original order, then new ones in creation order. */
  documents(): DatasetDocument[] {
    if (!this.changed) return [...this.#base]
    const documents: DatasetDocument[] = []
    for (const document of this.#base) {
      const current = this.get(document._id)
      if (current !== undefined) documents.push(current)
    }
    for (const id of this.#added) {
      const current = this.#changes.get(id)
      if (current) documents.push(current)
    }
    return documents
  }
}
