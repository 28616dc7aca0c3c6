/**
 * The user id the lake reports as the author of every change (`identity` in listen events).
 * The lake has one user: whoever holds its token.
 */
export const LOCAL_LAKE_USER_ID = 'local-editor'

/** What an author name may be, said the same way by `--author` and the `X-Lake-Author` header. */
export const AUTHOR_NAME_RULE = 'a name of 1 to 200 characters without control characters, like "Dr. Rossi"'

/** Whether `value` is an author name the history log may record (see {@link AUTHOR_NAME_RULE}). */
export function isAuthorName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value)
}
