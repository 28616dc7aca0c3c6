import type {IncomingMessage, ServerResponse} from 'node:http'
import type {SanityClient} from '@sanity/client'

/** The draft changes that a preview page refreshes for: every document but the preview secrets. */
const changes = '*[!(_type in ["sanity.previewUrlSecret", "sanity.previewUrlShareAccess"])]'

/** Server-sent events to preview pages: one `change` per committed transaction that touched content. */
export interface PreviewEvents {
  /** Answers `GET /preview/events` (the caller checked draft mode) with an event stream. */
  handle(request: IncomingMessage, response: ServerResponse): void
  /** Ends every stream and the lake subscription. */
  close(): void
}

/**
 * Live preview: the site listens to the lake (or Content Lake) with its token, server-side, and
 * tells open preview pages when a document changed, so the token never reaches the browser.
 * One subscription, opened for the first page and closed after the last.
 */
export function createPreviewEvents(client: SanityClient): PreviewEvents {
  const streams = new Set<ServerResponse>()
  let closed = false
  // Whether the lake said `welcome`: from then on no change is missed.
  let listening = false
  const ready = ': listening\n\n'
  let subscription: {unsubscribe(): void} | undefined
  const broadcast = (chunk: string) => {
    for (const stream of streams) stream.write(chunk)
  }
  const subscribe = () => {
    subscription = client
      .listen(changes, {}, {events: ['welcome', 'mutation'], includeResult: false, visibility: 'query', tag: 'preview.events'})
      .subscribe({
        next: (event) => {
          if (event.type === 'welcome') {
            listening = true
            broadcast(ready)
          }
          // Pages coalesce: a change during a refresh makes one more refresh, not one per event.
          if (event.type === 'mutation') broadcast(`event: change\ndata: ${JSON.stringify({id: event.documentId})}\n\n`)
        },
        error: () => {
          // The pages reconnect (EventSource does), which subscribes again.
          subscription = undefined
          listening = false
          for (const stream of streams) stream.end()
        },
      })
  }
  return {
    handle(request, response) {
      if (closed) {
        response.writeHead(503, {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close'}).end('The site is stopping.\n')
        return
      }
      // `Connection: close`: ending the stream frees its socket, so the server can close.
      response.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', Connection: 'close'})
      response.write(': preview events\n\n')
      streams.add(response)
      if (subscription === undefined) subscribe()
      else if (listening) response.write(ready)
      request.once('close', () => {
        streams.delete(response)
        if (streams.size === 0) {
          subscription?.unsubscribe()
          subscription = undefined
          listening = false
        }
      })
    },
    close() {
      closed = true
      subscription?.unsubscribe()
      subscription = undefined
      for (const stream of streams) stream.end()
      streams.clear()
    },
  }
}
