import type {DatasetDocument} from '@treatments/content/dataset'

/**
 * Which of `documents` hold a strong reference to one of `targets`: for each target that is
 * referenced, the ids of the documents referencing it, in dataset order.
 *
 * A reference is any object, at any depth, with a string `_ref`; it is strong unless it has
 * `_weak: true`. Content Lake refuses to delete a document while strong references to it remain.
 */
export function findStrongReferrers(
  documents: readonly DatasetDocument[],
  targets: ReadonlySet<string>,
): Map<string, string[]> {
  const referrers = new Map<string, string[]>()
  if (targets.size === 0) return referrers
  for (const document of documents) {
    for (const target of strongReferencesIn(document, targets)) {
      const ids = referrers.get(target) ?? []
      ids.push(document._id)
      referrers.set(target, ids)
    }
  }
  return referrers
}

/** The ids in `targets` that `value` strongly references (each once). */
function strongReferencesIn(value: unknown, targets: ReadonlySet<string>): Set<string> {
  return collectStrongReferences(value, (id) => targets.has(id))
}

/**
 * The ids `value` strongly references (each once, in the order met): every `_ref` at any depth
 * without `_weak: true`.
 */
export function strongReferences(value: unknown): string[] {
  return [...collectStrongReferences(value, () => true)]
}

/**
 * The strong references in `value` that `accept` takes, breadth first. A queue read by index
 * and filled one child at a time: a document of any size (a list of 200,000 items, say) is
 * walked in linear time, with no argument list as long as a list.
 */
function collectStrongReferences(value: unknown, accept: (id: string) => boolean): Set<string> {
  const found = new Set<string>()
  const pending: unknown[] = [value]
  for (let head = 0; head < pending.length; head++) {
    const current = pending[head]
    if (typeof current !== 'object' || current === null) continue
    const children = Array.isArray(current) ? (current as unknown[]) : Object.values(current)
    if (!Array.isArray(current)) {
      const {_ref, _weak} = current as Record<string, unknown>
      if (typeof _ref === 'string' && _weak !== true && accept(_ref)) found.add(_ref)
    }
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push(child)
  }
  return found
}
