/**
 * A document as stored in the lake: a JSON object with a string `_id` and `_type`.
 * System fields (`_rev`, `_createdAt`, `_updatedAt`) are present once the lake has written it.
 */
export interface LakeDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Why `value` is not a {@link LakeDocument}, or `undefined` when it is one.
 * The reason is a short phrase meant to follow "document ...".
 */
export function lakeDocumentProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) {
    return `is ${describeJson(value)}, expected a JSON object`
  }
  if (typeof value._id !== 'string' || value._id === '') {
    return `has no string "_id" (got ${describeJson(value._id)})`
  }
  if (typeof value._type !== 'string' || value._type === '') {
    return `"${value._id}" has no string "_type" (got ${describeJson(value._type)})`
  }
  return undefined
}

/** A short, human description of a JSON value for error messages. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value)
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}
