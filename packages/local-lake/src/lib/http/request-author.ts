import type {IncomingMessage} from 'node:http'

import {badRequest} from '../api-error.ts'
import {AUTHOR_NAME_RULE, isAuthorName} from '../lake-identity.ts'

/** The header a script sends to name itself as the author of a write in the history log. */
export const AUTHOR_HEADER = 'x-lake-author'

/**
 * The author a write names for itself (`X-Lake-Author`, percent-encoded UTF-8), or `undefined`
 * when it names none (the lake's `--author` applies). Only token holders write, and the token
 * holder is the lake's one user, so this names no one they could not name with `--author`; it
 * lets one tool (`translations import de.xlf`) be told apart from the editor in the log. Browsers
 * cannot send it: CORS does not allow the header.
 *
 * @throws ApiError 400 when the header is not a valid, percent-encoded author name
 */
export function requestAuthor(request: IncomingMessage): string | undefined {
  const raw = request.headers[AUTHOR_HEADER]
  if (raw === undefined) return undefined
  let name: string
  try {
    name = decodeURIComponent(Array.isArray(raw) ? raw.join(', ') : raw)
  } catch {
    throw badRequest(`The ${AUTHOR_HEADER} header must be percent-encoded UTF-8 (encodeURIComponent)`)
  }
  if (!isAuthorName(name)) throw badRequest(`The ${AUTHOR_HEADER} header must be ${AUTHOR_NAME_RULE}`)
  return name.trim()
}
