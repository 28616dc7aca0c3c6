import type {IncomingMessage, ServerResponse} from 'node:http'

/**
 * Starts a server-sent event stream (`listen`, live events): its headers sent at once, before
 * any event, with the caller's CORS headers.
 */
export function startEventStream(response: ServerResponse, request: IncomingMessage, corsHeaders: Record<string, string>): void {
  response.writeHead(200, {
    ...corsHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    // Connection headers are HTTP/1.1 only (HTTP/2 refuses them: the Studio's lake speaks it).
    ...(request.httpVersionMajor < 2 ? {Connection: 'keep-alive'} : {}),
    'X-Accel-Buffering': 'no',
  })
  response.flushHeaders()
}

/** How often an idle stream gets a comment line, so proxies and clients keep it open. */
const KEEPALIVE_MS = 25_000

/**
 * Keeps a started event stream open: listed in `streams` (the lake ends them when it closes),
 * a comment line every 25 s while idle, and on close the keepalive stopped, `unsubscribe`
 * called and the stream delisted.
 */
export function keepEventStreamOpen(response: ServerResponse, streams: Set<ServerResponse>, unsubscribe: () => void): void {
  streams.add(response)
  const keepalive = setInterval(() => writeOrCutOff(response, ':\n\n'), KEEPALIVE_MS)
  keepalive.unref()
  response.once('close', () => {
    clearInterval(keepalive)
    unsubscribe()
    streams.delete(response)
  })
}

/**
 * Bytes a streaming response (`listen`) may hold unsent for a client that is not reading, past
 * what the operating system buffers. A client that reads keeps it near zero; one event larger
 * than this still goes to a client whose buffer is empty.
 */
export const MAX_UNSENT_BYTES = 1024 * 1024

/**
 * Bytes unsent from earlier events past which a client counts as not reading: its next event is
 * not even built (building one per listener is what grew the lake 145 MB a mutation).
 */
const BEHIND_BYTES = 64 * 1024

/**
 * Closes `response` when its client is behind (has not taken the earlier events), before the
 * next event is built for it.
 *
 * @returns whether the client was cut off (or is gone)
 */
export function cutOffIfBehind(response: ServerResponse): boolean {
  if (response.writableEnded || response.destroyed) return true
  if (response.writableLength <= BEHIND_BYTES) return false
  response.destroy()
  return true
}

/**
 * Writes `chunk` to a long-lived response, unless the client has stopped reading: when the
 * bytes it has not taken yet and `chunk` would pass {@link MAX_UNSENT_BYTES}, the connection is
 * closed instead, so a listener that never reads holds at most about one event of the lake's
 * memory. A `listen` client that reconnects with `Last-Event-ID` gets the events it missed
 * (`welcomeback`) or `reset`.
 *
 * @returns whether `chunk` was written
 */
export function writeOrCutOff(response: ServerResponse, chunk: string | Buffer): boolean {
  // The Studio's HTTP/2 responses (passed as ServerResponse) have the same writableLength.
  if (response.writableEnded || response.destroyed) return false
  const unsent = response.writableLength
  if (unsent > 0 && unsent + (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length) > MAX_UNSENT_BYTES) {
    response.destroy()
    return false
  }
  response.write(chunk)
  return true
}
