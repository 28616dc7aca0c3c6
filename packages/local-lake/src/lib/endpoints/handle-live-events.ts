import {badRequest, notFound} from '../api-error.ts'
import {requireToken} from '../http/lake-access.ts'
import {keepEventStreamOpen, startEventStream, writeOrCutOff} from '../http/bounded-stream-write.ts'
import {isDraftId, isVersionId} from '../query/apply-perspective.ts'
import type {CommittedTransaction} from '../history/transaction-log.ts'
import type {DatasetStore} from '../store/dataset-store.ts'
import type {LakeResponse, LakeRouteRequest} from './lake-request.ts'

/**
 * The one sync tag of a dataset: every query answer of a live-aware request carries it, and
 * every committed transaction is announced with it. Coarser than Content Lake's per-query
 * tags (any change refetches every live query), which is exact, and cheap on a local dataset.
 */
export function syncTagOf(store: DatasetStore): string {
  return `s1:${store.name}`
}

/**
 * `GET /v{version}/data/live/events/{dataset}[?includeDrafts=true]`: the Live Content API's
 * server-sent events, as `client.live.events()` reads them. First `welcome`, then one `message`
 * per committed transaction (`id`, `tags`: the dataset's {@link syncTagOf}); a client refetches
 * the queries whose `syncTags` hold one (the Presentation tool's live queries do). Without
 * `includeDrafts` (which needs the token), transactions that touched only drafts or release
 * versions are not announced.
 */
export function handleLiveEvents(context: LakeRouteRequest): LakeResponse | undefined {
  const {response, url, match, stores} = context
  const name = decodeDatasetName(match[2] ?? '')
  const store = stores.get(name)
  if (store === undefined) throw notFound(`Dataset "${name}" not found; the local lake serves: ${[...stores.keys()].join(', ')}`)
  const includeDrafts = url.searchParams.get('includeDrafts') === 'true'
  if (includeDrafts) requireToken(context.access, 'Live events with includeDrafts=true')
  const tags = [syncTagOf(store)]
  startEventStream(response, context.request, context.corsHeaders)
  writeOrCutOff(response, 'event: welcome\ndata: {}\n\n')
  const unsubscribe = store.log.subscribe((transaction: CommittedTransaction) => {
    if (!includeDrafts && transaction.changes.every((change) => isDraftId(change.id) || isVersionId(change.id))) return
    const id = transaction.transactionId
    writeOrCutOff(response, `id: ${id}\nevent: message\ndata: ${JSON.stringify({id, tags})}\n\n`)
  })
  keepEventStreamOpen(response, context.streams, unsubscribe)
  return undefined
}

/** @throws ApiError 400 for a segment that is not valid URL encoding (a client's error, not the lake's) */
function decodeDatasetName(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest(`Dataset name "${segment}" is not valid URL encoding`)
  }
}
