import type {ServerResponse} from 'node:http'

import {ApiError} from '../api-error.ts'

/**
 * A JSON body serialized already (parts written one after another), so an answer kept as bytes
 * is sent without being parsed or serialized again. A part given as bytes is written as it is:
 * a string part is encoded to UTF-8 on the way out, which for a long text with any character
 * past Latin-1 (an en dash, a typographic apostrophe) is a slow two-byte transcoding.
 */
export class SerializedJson {
  readonly parts: ReadonlyArray<string | Uint8Array>
  /** UTF-8 bytes of all parts. */
  readonly byteLength: number

  constructor(parts: ReadonlyArray<string | Uint8Array>) {
    this.parts = parts
    let bytes = 0
    for (const part of parts) bytes += typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength
    this.byteLength = bytes
  }
}

/**
 * Sends `body` as a JSON response (with `headers`, such as CORS headers); an `undefined` body
 * sends no content (as for a CORS preflight), a {@link SerializedJson} is sent as it is.
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
  const head = response.req?.method === 'HEAD'
  if (body instanceof SerializedJson) {
    if (body.byteLength > maxBytes) throw answerTooLarge(maxBytes)
    response.writeHead(statusCode, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'no-store',
      ...headers,
    })
    if (head) {
      response.end()
      return
    }
    // One writev for the headers and every part.
    response.cork()
    for (const part of body.parts) response.write(part)
    response.end()
    response.uncork()
    return
  }
  const text = body === undefined ? '' : serializeJson(body, maxBytes)
  response.writeHead(statusCode, {
    ...(body === undefined ? {} : {'Content-Type': 'application/json; charset=utf-8'}),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  })
  response.end(head ? undefined : text)
}

/**
 * `value` as JSON text (`null` for `undefined`).
 *
 * @throws ApiError 400 `queryResultTooLarge` when the text would be larger than `maxBytes` UTF-8
 *   bytes or too large to build at all
 */
export function serializeJson(value: unknown, maxBytes: number): string {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (error) {
    // V8 cannot build strings past ~1 GB ("Invalid string length"); deep values overflow the stack.
    if (error instanceof RangeError) throw answerTooLarge(maxBytes)
    throw error
  }
  if (text === undefined) return 'null'
  // A UTF-8 byte count is at most three times the UTF-16 length; only count when it may matter.
  if (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes) throw answerTooLarge(maxBytes)
  return text
}

/** 400 `queryResultTooLarge`: the answer would pass the lake's limit of `maxBytes`. */
export function answerTooLarge(maxBytes: number): ApiError {
  return new ApiError(
    400,
    'queryResultTooLarge',
    `The answer would be larger than the local lake's limit of ${maxBytes} bytes; project fewer fields, slice the result ([0...100]) or raise the limit (--max-response-bytes)`,
  )
}
