import type {IncomingMessage} from 'node:http'

import {ApiError, badRequest} from '../api-error.ts'
import {assertJsonContentType} from './json-content-type.ts'

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes.
 *
 * @throws ApiError 413 when the body (or its declared `Content-Length`) exceeds `limit`
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Reads a request body as a JSON object; the request must declare `Content-Type: application/json`.
 *
 * @throws ApiError 415 when the content type is not JSON; 400 when the body is empty, not JSON,
 *   or not an object; 413 when too large
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  return parseJsonObject(await readJsonText(request, limit))
}

/**
 * Reads a request body declared as JSON, unparsed (for a body too large to parse on the main thread).
 *
 * @throws ApiError 415 when the content type is not JSON; 413 when too large
 */
export async function readJsonText(request: IncomingMessage, limit: number): Promise<string> {
  assertJsonContentType(request)
  return readBody(request, limit)
}

/**
 * A request body's text as a JSON object.
 *
 * @throws ApiError 400 when the text is empty, not JSON, or not an object
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') throw badRequest('Request body is empty; expected a JSON object')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('Request body must be a JSON object')
  }
  return value as Record<string, unknown>
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'httpPayloadTooLarge', `Request body is larger than the local lake's limit of ${limit} bytes`)
}
