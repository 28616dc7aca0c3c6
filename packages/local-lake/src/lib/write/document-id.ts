import {randomBytes} from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/
const MAX_ID_LENGTH = 128

/** A random 22-character base62 id, like the ids Content Lake generates for documents and transactions. */
export function randomId(): string {
  const bytes = randomBytes(22)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

/**
 * Why `id` is not a valid document id, or `undefined` when it is.
 * Valid ids are 1–128 characters of `a-z A-Z 0-9 . _ -`, not starting with `.` or `-`,
 * and without empty path segments (`..`) or a trailing `.`.
 */
export function documentIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'is empty'
  if (id.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`
  if (!ID_PATTERN.test(id)) {
    return 'may only contain a-z, A-Z, 0-9, ".", "_" and "-", and may not start with "." or "-"'
  }
  if (id.includes('..') || id.endsWith('.')) return 'has an empty path segment'
  return undefined
}

/**
 * The id a `create` mutation gives its document: the `_id` asked for, a random id when none was
 * given, or the prefix plus a random id when the `_id` ends with `.` (e.g. `drafts.`).
 */
export function idForCreate(requested: string | undefined): string {
  if (requested === undefined) return randomId()
  if (requested.endsWith('.')) return `${requested}${randomId()}`
  return requested
}
