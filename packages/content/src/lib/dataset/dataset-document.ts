import {describeValue} from '../describe-value.ts'

/**
 * A document of a dataset, as in Sanity's NDJSON export: a JSON object with a non-empty string
 * `_id` and `_type`. System fields (`_rev`, `_createdAt`, `_updatedAt`) are present once a
 * Content Lake (hosted or local) has written it.
 *
 * @public
 */
export interface DatasetDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/**
 * Whether `value` is a plain JSON object (not `null`, not an array).
 *
 * @public
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Why `value` is not a {@link DatasetDocument}, or `undefined` when it is one. The reason is a
 * short phrase meant to follow "document …", e.g. `has no string "_id" (got nothing)`.
 *
 * @public
 */
export function datasetDocumentProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `is ${describeValue(value)}, expected a JSON object`
  if (typeof value._id !== 'string' || value._id === '') return `has no string "_id" (got ${describeValue(value._id)})`
  if (typeof value._type !== 'string' || value._type === '') {
    return `"${value._id}" has no string "_type" (got ${describeValue(value._type)})`
  }
  return undefined
}

