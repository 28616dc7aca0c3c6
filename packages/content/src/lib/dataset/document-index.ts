import type {DatasetDocument} from './dataset-document.ts'

/**
 * Lookups over one array of documents: by `_id`, by `_type`, by `slug.current` and by any slug
 * a document answers to (`slug.current`, each locale's `localizedSlugs[].value`, its
 * `formerSlugs[].slug`), in dataset order. Built once per array (arrays are treated as immutable: a change makes a new array).
 *
 * @public
 */
export interface DocumentIndex {
  readonly byId: ReadonlyMap<string, DatasetDocument>
  readonly byType: ReadonlyMap<string, readonly DatasetDocument[]>
  readonly bySlug: ReadonlyMap<string, readonly DatasetDocument[]>
  /** Each document once per slug it answers to, current or former, in any locale. */
  readonly byAnySlug: ReadonlyMap<string, readonly DatasetDocument[]>
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
    const byAnySlug = new Map<string, DatasetDocument[]>()
    for (const document of documents) {
      byId.set(document._id, document)
      push(byType, document._type, document)
      const {slug, localizedSlugs, formerSlugs} = document as {slug?: {current?: unknown}; localizedSlugs?: unknown; formerSlugs?: unknown}
      const current = slug?.current
      if (typeof current === 'string') push(bySlug, current, document)
      const answersTo = new Set<string>()
      if (typeof current === 'string') answersTo.add(current)
      for (const value of attributeOfEach(localizedSlugs, 'value')) answersTo.add(value)
      for (const value of attributeOfEach(formerSlugs, 'slug')) answersTo.add(value)
      for (const value of answersTo) push(byAnySlug, value, document)
    }
    index = {byId, byType, bySlug, byAnySlug}
    indexes.set(documents, index)
  }
  return index
}

function push(map: Map<string, DatasetDocument[]>, key: string, document: DatasetDocument): void {
  const list = map.get(key)
  if (list) list.push(document)
  else map.set(key, [document])
}

/** The string `attribute` of each object item of `list` (nothing when it is not an array). */
function attributeOfEach(list: unknown, attribute: string): string[] {
  if (!Array.isArray(list)) return []
  const out: string[] = []
  for (const item of list) {
    const value = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[attribute] : undefined
    if (typeof value === 'string') out.push(value)
  }
  return out
}
