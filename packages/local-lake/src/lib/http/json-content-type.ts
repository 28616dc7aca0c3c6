import type {IncomingMessage} from 'node:http'

import {ApiError} from '../api-error.ts'

/**
 * Refuses a request body that is not declared as `Content-Type: application/json` (optionally
 * with `charset=utf-8`). Browsers send cross-origin POSTs without a CORS preflight only for
 * `text/plain`, `application/x-www-form-urlencoded` and `multipart/form-data`, so requiring JSON
 * stops any web page from writing to the lake behind the user's back. `@sanity/client` sends
 * `application/json`.
 *
 * @throws ApiError 415 (`httpUnsupportedMediaType`) naming the content type received
 */
export function assertJsonContentType(request: IncomingMessage): void {
  const header = request.headers['content-type'] ?? ''
  if (isJson(header)) return
  throw new ApiError(
    415,
    'httpUnsupportedMediaType',
    `Request body must be sent with "Content-Type: application/json", got ${header === '' ? 'none' : `"${header}"`}`,
  )
}

function isJson(header: string): boolean {
  const [mediaType = '', ...parameters] = header.split(';')
  if (mediaType.trim().toLowerCase() !== 'application/json') return false
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=')
    if (name.trim().toLowerCase() !== 'charset') return true
    return /^"?utf-?8"?$/i.test(value.trim())
  })
}
