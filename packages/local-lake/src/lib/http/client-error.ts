import type {Duplex} from 'node:stream'

import type {ApiErrorBody} from '../api-error.ts'

/**
 * Answers a request Node's HTTP parser refused (the server's `clientError`) in Sanity's error
 * shape, as every other error of the lake is answered, and closes the connection: Node's own
 * answer is an empty `400 Bad Request`, which a client can only report as an unknown error.
 * Such requests are malformed HTTP (two `Content-Length` headers, `Content-Length` with
 * `Transfer-Encoding`, a NUL byte in the request line), headers over the size limit (431) or a
 * request not received in time (408). Nothing is answered on a connection that is gone or whose
 * answer has started.
 */
export function answerClientError(error: Error & {code?: string; reason?: string}, socket: Duplex): void {
  const started = (socket as Duplex & {_httpMessage?: {headersSent?: boolean}})._httpMessage?.headersSent === true
  if (error.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy()
    return
  }
  const [status, reason, type, description] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'httpRequestHeaderFieldsTooLarge', 'The request headers are larger than the local lake accepts; send a long query as POST']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'httpRequestTimeout', 'The request was not received in time']
        : [400, 'Bad Request', 'httpBadRequest', `The request is not valid HTTP: ${error.reason ?? error.message}`]
  const body = JSON.stringify({error: {description, type}} satisfies ApiErrorBody)
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  )
}
