import {ApiError} from '../api-error.ts'

/**
 * How deep a stored document may nest arrays and objects (the document itself is level 1).
 * Well above real content (a Portable Text table nests about a dozen levels) and well below what
 * every part of the lake handles without overflowing the stack (the history log's comparisons,
 * structured clones, GROQ evaluation, the Studio): anything accepted can be read back.
 */
export const MAX_DOCUMENT_DEPTH = 100

/** Levels a mutate or actions request wraps around a document or a patch value, at most. */
const REQUEST_WRAPPING = 8

/**
 * What keeps `value` from being stored and read back as it is: nesting deeper than `limit`, or a
 * number JSON cannot write (`1e999` parses as Infinity, which would be stored as `null`).
 * Walks without recursion, so it cannot itself overflow the stack.
 */
export function storableProblem(value: unknown, limit: number): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (typeof current === 'number' && !Number.isFinite(current)) return 'holds a number beyond the largest JSON number'
    if (typeof current !== 'object' || current === null) continue
    if (depth + 1 > limit) return `nests arrays and objects more than ${limit} levels deep`
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1])
  }
  return undefined
}

/**
 * Refuses a mutate or actions request body that could hold nothing storable.
 *
 * @throws ApiError 400 `httpBadRequest`
 */
export function assertStorableRequest(body: unknown): void {
  const problem = storableProblem(body, MAX_DOCUMENT_DEPTH + REQUEST_WRAPPING)
  if (problem !== undefined) {
    throw new ApiError(400, 'httpBadRequest', `Request body ${problem}; the local lake stores documents up to ${MAX_DOCUMENT_DEPTH} levels deep`)
  }
}

/**
 * Refuses a transaction that would store a document the lake could not read back.
 *
 * @throws ApiError 400 `mutationError` naming the document
 */
export function assertStorableDocuments(documents: Iterable<{_id: string} | null>): void {
  for (const document of documents) {
    if (document === null) continue
    const problem = storableProblem(document, MAX_DOCUMENT_DEPTH)
    if (problem === undefined) continue
    const description = `The mutation(s) failed: Document "${document._id}" ${problem}; the local lake stores documents up to ${MAX_DOCUMENT_DEPTH} levels deep`
    throw new ApiError(400, 'mutationError', description, {items: [{error: {id: document._id, type: 'invalidDocumentError', description}}]})
  }
}
