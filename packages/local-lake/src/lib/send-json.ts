import type {ServerResponse} from 'node:http'

/** CORS headers sent on every response, so browser pages on any origin can use the lake. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Sanity-Project-ID, X-Sanity-Lineage, traceparent',
  'Access-Control-Expose-Headers': 'Content-Type, X-Sanity-Warning',
  'Access-Control-Max-Age': '600',
}

/**
 * Sends `body` as a JSON response with CORS headers; an `undefined` body sends no content
 * (as for a CORS preflight).
 */
export function sendJson(
  response: ServerResponse,
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  response.writeHead(statusCode, {
    ...CORS_HEADERS,
    ...(body === undefined ? {} : {'Content-Type': 'application/json; charset=utf-8'}),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  })
  response.end(response.req?.method === 'HEAD' ? undefined : text)
}
