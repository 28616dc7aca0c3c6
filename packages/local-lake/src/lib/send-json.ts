import type {ServerResponse} from 'node:http'

import {ApiError} from './api-error.ts'

/**
 * Sends `body` as a JSON response (with `headers`, such as CORS headers); an `undefined` body
 * sends no content (as for a CORS preflight).
 *
 * @param maxBytes - largest body to send
 * @throws ApiError 400 `queryResultTooLarge` (before anything is sent) when the body would be
 *   larger than `maxBytes` or too large to serialize at all
 */
export function sendJson(
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
  maxBytes = Number.POSITIVE_INFINITY,
): void {
  const text = body === undefined ? '' : serialize(body, maxBytes)
  response.writeHead(statusCode, {
    ...(body === undefined ? {} : {'Content-Type': 'application/json; charset=utf-8'}),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  })
  response.end(response.req?.method === 'HEAD' ? undefined : text)
}

function serialize(body: unknown, maxBytes: number): string {
  let text: string
  try {
    text = JSON.stringify(body)
  } catch (error) {
    // V8 cannot build strings past ~1 GB ("Invalid string length"); deep values overflow the stack.
    if (error instanceof RangeError) throw tooLarge(maxBytes)
    throw error
  }
  // A UTF-8 byte count is at most three times the UTF-16 length; only count when it may matter.
  if (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes)
  return text
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(
    400,
    'queryResultTooLarge',
    `The answer would be larger than the local lake's limit of ${maxBytes} bytes; project fewer fields, slice the result ([0...100]) or raise the limit (--max-response-bytes)`,
  )
}
