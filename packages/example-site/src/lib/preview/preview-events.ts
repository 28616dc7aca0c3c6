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
  let subscription: {unsubscribe(): void} | undefined
  const broadcast = (chunk: string) => {
    for (const stream of streams) stream.write(chunk)
  }
  const subscribe = () => {
    subscription = client
      .listen(changes, {}, {events: ['mutation'], includeResult: false, visibility: 'query', tag: 'preview.events'})
      .subscribe({
        next: (event) => {
          // One event per document of a transaction: pages refresh once, at its last.
          if (event.type === 'mutation' && event.transactionCurrentEvent === event.transactionTotalEvents) broadcast(`event: change\ndata: ${JSON.stringify({id: event.documentId})}\n\n`)
        },
        error: () => {
          // The pages reconnect (EventSource does), which subscribes again.
          subscription = undefined
          for (const stream of streams) stream.end()
        },
      })
  }
  return {
    handle(request, response) {
      response.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no'})
      response.write(': preview events\n\n')
      streams.add(response)
      if (subscription === undefined) subscribe()
      request.once('close', () => {
        streams.delete(response)
        if (streams.size === 0) {
          subscription?.unsubscribe()
          subscription = undefined
        }
      })
    },
    close() {
      subscription?.unsubscribe()
      subscription = undefined
      for (const stream of streams) stream.end()
      streams.clear()
    },
  }
}
