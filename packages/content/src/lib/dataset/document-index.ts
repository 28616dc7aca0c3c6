import type {DatasetDocument} from './dataset-document.ts'

/**
 * Lookups over one array of documents: by `_id`, by `_type` and by `slug.current`, in dataset
 * order. Built once per array (arrays are treated as immutable: a change makes a new array).
 *
 * @public
 */
export interface DocumentIndex {
  readonly byId: ReadonlyMap<string, DatasetDocument>
  readonly byType: ReadonlyMap<string, readonly DatasetDocument[]>
  readonly bySlug: ReadonlyMap<string, readonly DatasetDocument[]>
}

const indexes = new WeakMap<readonly DatasetDocument[], DocumentIndex>()

/**
 * The {@link DocumentIndex} of `documents`, built on first use and kept while the array lives.
 *
 * @public
 */
export function indexDocuments(documents: readonly DatasetDocument[]): DocumentIndex {
  let index = indexes.get(documents)
  if (index === undefined) {
    const byId = new Map<string, DatasetDocument>()
    const byType = new Map<string, DatasetDocument[]>()
    const bySlug = new Map<string, DatasetDocument[]>()
    for (const document of documents) {
      byId.set(document._id, document)
      push(byType, document._type, document)
      const slug = (document as {slug?: {current?: unknown}}).slug?.current
      if (typeof slug === 'string') push(bySlug, slug, document)
    }
    index = {byId, byType, bySlug}
    indexes.set(documents, index)
  }
  return index
}

function push(map: Map<string, DatasetDocument[]>, key: string, document: DatasetDocument): void {
  const list = map.get(key)
  if (list) list.push(document)
  else map.set(key, [document])
}
