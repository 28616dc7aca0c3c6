import {randomBytes} from 'node:crypto'

import type {ExprNode} from 'groq-js'

import {ApiError, badRequest} from '../api-error.ts'
import {isVersionId} from '../query/apply-perspective.ts'
import type {DatasetDocument} from '@treatments/content/dataset'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {type ChangeMatch, listenMatching} from './listen-matching.ts'
import {mendozaEffects} from '../history/mendoza-effects.ts'
import {paramsFromSearch} from '../http/search-params.ts'
import {cutOffIfBehind, keepEventStreamOpen, startEventStream, writeOrCutOff} from '../http/bounded-stream-write.ts'
import {sharedEventChunksOf} from '../http/shared-event-chunks.ts'
import type {CommittedTransaction, DocumentChange} from '../history/transaction-log.ts'

/** What a listener asked for in its query string (Sanity's names and defaults). */
interface ListenOptions {
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  includeAllVersions: boolean
  effects: boolean
  enableResume: boolean
}

/**
 * `GET /v{version}/data/listen/{dataset}?query=*[filter]&$param=…`: server-sent events in
 * Sanity's shapes. First `welcome` (or, for a client resuming with `enableResume=true` and
 * `Last-Event-ID`, `welcomeback` and the events it missed, or `reset` when they are no longer
 * kept), then one `mutation` event per matching document of each committed transaction, with
 * `transition` (`appear`, `update`, `disappear`), `previousRev`, `resultRev`, `mutations`,
 * `effects` (mendoza, with `effectFormat=mendoza`), `result` (with `includeResult=true`),
 * `previous` (with `includePreviousRevision=true`), `identity`, `timestamp`, `visibility`,
 * `transactionTotalEvents` and `transactionCurrentEvent`. The query must be a filter,
 * `*[…]`; a projection after it is ignored, as Content Lake does.
 *
 * @throws ApiError 400 for a missing or non-filter query or bad parameters
 */
export async function handleListen(context: LakeRequest): Promise<LakeResponse | undefined> {
  const {url, request, response, store, runner} = context
  const query = url.searchParams.get('query')
  if (query === null || query.trim() === '') throw badRequest('Missing "query" parameter: a GROQ filter such as *[_type == "treatment"]')
  const params = paramsFromSearch(url.searchParams)
  const parsed = runner.parse(query)
  if (!isFilterQuery(parsed.tree)) {
    throw new ApiError(400, 'queryParseError', 'Listen queries must be a filter over all documents, such as *[_type == "treatment"]', {query})
  }
  const missing = parsed.parameters.find((name) => !Object.hasOwn(params, name))
  if (missing !== undefined) throw new ApiError(400, 'queryParseError', `param $${missing} referenced, but not provided`, {query})
  const flag = (name: string, fallback: boolean) => {
    const value = url.searchParams.get(name)
    return value === null || value === '' ? fallback : value === 'true'
  }
  const options: ListenOptions = {
    // @sanity/client sends includeResult=true by default and nothing for false.
    includeResult: flag('includeResult', false),
    includePreviousRevision: flag('includePreviousRevision', false),
    includeMutations: flag('includeMutations', true),
    includeAllVersions: flag('includeAllVersions', false),
    effects: url.searchParams.get('effectFormat') === 'mendoza',
    enableResume: flag('enableResume', false),
  }
  const matching = listenMatching(context, query, params, parsed.tree)

  startEventStream(response, context.request, context.corsHeaders)
  const send = (event: string, data: unknown, id?: string) => {
    // A client that stopped reading is cut off rather than buffered for without end.
    if (cutOffIfBehind(response)) return
    const encode = () => `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
    // Listeners asking the same get the same event: encode it once for all of them.
    const {transition, transactionTotalEvents, transactionCurrentEvent} = data as Record<string, unknown>
    const key = `${id}\u0000${optionsKey}\u0000${String(transition)}\u0000${String(transactionTotalEvents)}\u0000${String(transactionCurrentEvent)}`
    writeOrCutOff(response, id === undefined ? encode() : sharedEventChunksOf(store).get(key, encode))
  }
  const optionsKey = JSON.stringify(options)

  // Events are sent in commit order: each transaction's events are computed one after another.
  let queue: Promise<void> = Promise.resolve()
  // A listener whose filter cannot be evaluated gets a channelError and is closed; nothing is thrown.
  const failListener = (error: unknown) => {
    send('channelError', {message: `The local lake could not evaluate the listener: ${(error as Error).message}`})
    response.end()
  }
  const deliver = (transaction: CommittedTransaction) => {
    queue = queue
      .then(async () => {
        for (const event of eventsFor(transaction, await matching(transaction), options)) send('mutation', event, event.eventId)
      })
      .catch(failListener)
  }
  const unsubscribe = store.log.subscribe(deliver)
  const listenerName = `local-${randomBytes(8).toString('hex')}`
  const lastEventId = request.headers['last-event-id']
  const resumeFrom = typeof lastEventId === 'string' && options.enableResume ? lastEventId.split('#')[0] : undefined
  if (resumeFrom === undefined || resumeFrom === '') {
    send('welcome', {listenerName})
  } else {
    const missed = store.log.since(resumeFrom)
    if (missed === undefined) {
      send('reset', {})
    } else {
      send('welcomeback', {listenerName})
      const seen = lastEventId as string
      const [first, ...rest] = missed
      // Within the last transaction seen, skip the events up to and including the last one.
      queue = queue
        .then(async () => {
          const events = eventsFor(first!, await matching(first!), options)
          const after = events.findIndex((event) => event.eventId === seen)
          for (const event of events.slice(after + 1)) send('mutation', event, event.eventId)
        })
        .catch(failListener)
      for (const transaction of rest) deliver(transaction)
    }
  }

  keepEventStreamOpen(response, context.streams, unsubscribe)
  return undefined
}

/** The mutation events one listener gets for one transaction. */
function eventsFor(transaction: CommittedTransaction, matches: readonly ChangeMatch[], options: ListenOptions): Array<Record<string, unknown> & {eventId: string}> {
  // A release's version (`versions.**`) reaches only listeners that asked for every version.
  const seen = (document: DatasetDocument | null) => document !== null && (options.includeAllVersions || !isVersionId(document._id))
  const matched: Array<{change: DocumentChange; transition: 'appear' | 'update' | 'disappear'}> = []
  for (const [index, change] of transaction.changes.entries()) {
    const before = matches[index]![0] && seen(change.before)
    const after = matches[index]![1] && seen(change.after)
    if (!before && !after) continue
    matched.push({change, transition: before && after ? 'update' : after ? 'appear' : 'disappear'})
  }
  return matched.map(({change, transition}, index) => {
    const eventId = `${transaction.transactionId}#${change.id}`
    return {
      eventId,
      documentId: change.id,
      transactionId: transaction.transactionId,
      transition,
      identity: transaction.identity,
      ...(options.includeMutations ? {mutations: change.mutations} : {}),
      ...(change.before?._rev === undefined ? {} : {previousRev: change.before._rev}),
      // A deleted document has no revision left, but the event still carries the transaction's
      // (as Content Lake's do): the Studio chains events by previousRev -> resultRev and drops an
      // event without one, then stalls 30 s on the next event for that document.
      resultRev: change.after?._rev ?? transaction.transactionId,
      ...(options.includeResult && change.after !== null ? {result: change.after} : {}),
      ...(options.includePreviousRevision ? {previous: change.before} : {}),
      ...(options.effects ? {effects: mendozaEffects(change.before, change.after)} : {}),
      timestamp: transaction.timestamp,
      visibility: 'query',
      transactionTotalEvents: matched.length,
      transactionCurrentEvent: index,
    }
  })
}

/** Whether `tree` is `*` or `*[filter]`, possibly followed by projections and pipe functions. */
function isFilterQuery(tree: ExprNode): boolean {
  // What follows the filter is ignored, as Content Lake does: groq-js parses `*[…]{…}` as a Map
  // over the filter, and `… | order(…)` as a pipe over it (the Studio's releases listener sends
  // `*[…]{…} | order(_createdAt desc)`).
  let base = tree
  while (base.type === 'Projection' || base.type === 'Map' || base.type === 'PipeFuncCall') base = base.base
  return base.type === 'Everything' || (base.type === 'Filter' && base.base.type === 'Everything')
}
