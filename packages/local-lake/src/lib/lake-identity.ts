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

/** The prefix of the user id of a write that named its own author (`X-Lake-Author`). */
const AUTHOR_ID_PREFIX = 'lake-author.'

/**
 * The user id a write is reported under (listen events, the History API): the lake's one user,
 * or for a write that named its author (`translations import de.xlf`) an id of that name, so the
 * Studio's history shows the tool, not the editor, as who made it. The name is in the id
 * (base64url), so `/users/{id}` can answer it without a table.
 */
export function authorIdentity(author: string | undefined): string {
  return author === undefined ? LOCAL_LAKE_USER_ID : `${AUTHOR_ID_PREFIX}${Buffer.from(author, 'utf8').toString('base64url')}`
}

/** The author name in an id made by {@link authorIdentity}, or `undefined` for any other id. */
export function authorOfIdentity(id: string): string | undefined {
  if (!id.startsWith(AUTHOR_ID_PREFIX)) return undefined
  const encoded = id.slice(AUTHOR_ID_PREFIX.length)
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined
  const name = Buffer.from(encoded, 'base64url').toString('utf8')
  // Only what authorIdentity makes: a valid author name that encodes back to the same id.
  return isAuthorName(name) && authorIdentity(name) === id ? name : undefined
}
