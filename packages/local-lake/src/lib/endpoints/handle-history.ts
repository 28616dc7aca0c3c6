import {ApiError, badRequest, notFound} from '../api-error.ts'
import {documentEvents} from '../history/document-events.ts'
import {type DocumentVersion, documentVersions, lastRevision, versionAtTime, versionByRevision} from '../history/document-versions.ts'
import type {HistoryEntry} from '../history/history-log.ts'
import type {LakeRequest, LakeResponse} from './lake-request.ts'
import {mendozaEffects} from '../history/mendoza-effects.ts'

/** Largest `limit` for transactions and events. */
const MAX_LIMIT = 10_000

/**
 * `GET /v{version}/data/history/{dataset}/...`: the History API, read from the dataset's
 * durable history log.
 *
 * - `documents/{id1,id2}?revision=R | time=T | lastRevision=true`: `{documents: [...]}`, each
 *   document as it was (for one id, 404 when the log has no such version).
 * - `transactions/{id1,id2}`: NDJSON, one `{id, timestamp, author, documentIDs, mutations, effects?}`
 *   per transaction that changed one of the ids; `fromTime`/`toTime`, `fromTransaction`/
 *   `toTransaction` (inclusive), `reverse`, `limit`, `excludeContent`, `effectFormat=mendoza`.
 * - `events/documents/{id}`: `{events: {[id]: [...]}, nextCursor}`, the lifecycle events
 *   (create, publish, unpublish, discard, delete) the Studio's history panel lists.
 */
export function handleHistory(context: LakeRequest): LakeResponse | undefined {
  const history = context.store.history
  if (history === undefined) {
    throw new ApiError(
      501,
      'historyUnavailable',
      `Dataset "${context.store.name}" has no history: the local lake keeps a history log only for datasets it serves from a file (not in memory)`,
    )
  }
  const segments = context.rest.split('/').map((segment) => decode(segment))
  const [kind, ...rest] = segments
  const entries = history.entries
  if (kind === 'documents' && rest.length === 1 && rest[0] !== '') return documentAt(context, entries, rest[0]!)
  if (kind === 'transactions' && rest.length === 1 && rest[0] !== '') return transactions(context, entries, rest[0]!.split(',').filter(Boolean))
  if (kind === 'events' && rest[0] === 'documents' && rest.length === 2 && rest[1] !== '') return events(context, entries, rest[1]!)
  throw notFound(
    'Unknown history route: use /data/history/{dataset}/documents/{id}, /data/history/{dataset}/transactions/{ids} or /data/history/{dataset}/events/documents/{id}',
  )
}

function documentAt(context: LakeRequest, entries: readonly HistoryEntry[], idList: string): LakeResponse {
  const search = context.url.searchParams
  const revision = search.get('revision')
  const time = search.get('time')
  let pick: (versions: DocumentVersion[]) => DocumentVersion | undefined
  let wanted: string
  if (revision !== null && revision !== '') {
    pick = (versions) => versionByRevision(versions, revision)
    wanted = `at revision "${revision}"`
  } else if (time !== null && time !== '') {
    const at = parseTime('time', time)
    pick = (versions) => versionAtTime(versions, at)
    wanted = `at ${time}`
  } else if (search.get('lastRevision') === 'true') {
    pick = lastRevision
    wanted = 'in any revision'
  } else {
    throw badRequest('Say which version: revision=<_rev>, time=<ISO 8601> or lastRevision=true')
  }
  const ids = [...new Set(idList.split(',').filter(Boolean))]
  const documents = ids.flatMap((id) => {
    const found = pick(documentVersions(entries, id, context.store.byId.get(id)))
    return found?.document ? [found.document] : []
  })
  // Several ids (the Studio asks for a draft and its published document at once): those found.
  if (documents.length === 0 && ids.length === 1) {
    throw new ApiError(404, 'documentNotFoundError', `The history of dataset "${context.store.name}" has no document "${ids[0]}" ${wanted}`, {id: ids[0]})
  }
  return {statusCode: 200, body: {documents}}
}

function transactions(context: LakeRequest, entries: readonly HistoryEntry[], ids: string[]): undefined {
  const search = context.url.searchParams
  const wanted = new Set(ids)
  let selected = entries.filter((entry) => entry.changes.some((change) => wanted.has(change.id)))
  const fromTime = optionalTime(search, 'fromTime')
  const toTime = optionalTime(search, 'toTime')
  if (fromTime !== undefined) selected = selected.filter((entry) => Date.parse(entry.timestamp) >= fromTime)
  if (toTime !== undefined) selected = selected.filter((entry) => Date.parse(entry.timestamp) <= toTime)
  // Transaction bounds are places in the whole log (inclusive), so a bound need not touch `ids`.
  const position = (name: string): number | undefined => {
    const value = search.get(name)
    if (value === null || value === '') return undefined
    const index = entries.findIndex((entry) => entry.transactionId === value)
    if (index < 0) throw badRequest(`${name} "${value}" is not a transaction in the history of dataset "${context.store.name}"`)
    return index
  }
  const from = position('fromTransaction')
  const to = position('toTransaction')
  if (from !== undefined || to !== undefined) {
    const indexes = new Map(entries.map((entry, index) => [entry, index]))
    selected = selected.filter((entry) => {
      const index = indexes.get(entry)!
      return (from === undefined || index >= from) && (to === undefined || index <= to)
    })
  }
  if (search.get('reverse') === 'true') selected = selected.toReversed()
  selected = selected.slice(0, limitOf(search, MAX_LIMIT))
  const excludeContent = search.get('excludeContent') === 'true'
  const mendoza = search.get('effectFormat') === 'mendoza'
  const onlyIdentified = search.get('includeIdentifiedDocumentsOnly') === 'true'
  const maxBytes = context.options.maxResponseBytes
  let bytes = 0
  const lines = selected.map((entry) => {
    const changes = onlyIdentified ? entry.changes.filter((change) => wanted.has(change.id)) : entry.changes
    const before = mendoza ? previousStates(entries, entry) : undefined
    const line = JSON.stringify({
      id: entry.transactionId,
      timestamp: entry.timestamp,
      author: entry.identity,
      authorName: entry.author,
      documentIDs: changes.map((change) => change.id),
      ...(excludeContent ? {} : {mutations: changes.flatMap((change) => change.mutations)}),
      ...(mendoza
        ? {effects: Object.fromEntries(changes.map((change) => [change.id, mendozaEffects(before!.get(change.id) ?? null, change.after)]))}
        : {}),
    })
    // Counted as the lines are made, so an answer past the limit is refused before it is all in memory.
    bytes += Buffer.byteLength(line) + 1
    if (bytes > maxBytes) {
      throw new ApiError(
        400,
        'queryResultTooLarge',
        `The history answer would be larger than the local lake's limit of ${maxBytes} bytes; ask for fewer transactions (limit, fromTransaction, toTransaction), leave out their content (excludeContent=true) or raise the limit (--max-response-bytes)`,
      )
    }
    return line
  })
  context.response.writeHead(200, {...context.corsHeaders, 'Content-Type': 'application/x-ndjson; charset=utf-8'})
  context.response.end(lines.map((line) => `${line}\n`).join(''))
  return undefined
}

/** Each document of `entry` as it was just before it. */
function previousStates(entries: readonly HistoryEntry[], entry: HistoryEntry): Map<string, Record<string, unknown> | null> {
  const states = new Map<string, Record<string, unknown> | null>()
  const index = entries.indexOf(entry)
  for (const change of entry.changes) {
    if (change.before !== undefined) {
      states.set(change.id, change.before)
      continue
    }
    for (let earlier = index - 1; earlier >= 0; earlier--) {
      const previous = entries[earlier]!.changes.find((candidate) => candidate.id === change.id)
      if (previous !== undefined) {
        states.set(change.id, previous.after)
        break
      }
    }
  }
  return states
}

function events(context: LakeRequest, entries: readonly HistoryEntry[], id: string): LakeResponse {
  const search = context.url.searchParams
  const all = documentEvents(entries, id)
  const cursor = search.get('nextCursor')
  const offset = cursor === null || cursor === '' ? 0 : Number.parseInt(cursor, 10)
  if (!Number.isInteger(offset) || offset < 0) throw badRequest(`nextCursor "${cursor}" is not a cursor this lake gave out`)
  const limit = limitOf(search, 100)
  const page = all.slice(offset, offset + limit)
  return {statusCode: 200, body: {events: {[id]: page}, nextCursor: offset + limit < all.length ? String(offset + limit) : ''}}
}

function limitOf(search: URLSearchParams, fallback: number): number {
  const raw = search.get('limit')
  if (raw === null || raw === '') return fallback
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}; received "${raw}"`)
  return limit
}

function optionalTime(search: URLSearchParams, name: string): number | undefined {
  const raw = search.get(name)
  return raw === null || raw === '' ? undefined : parseTime(name, raw)
}

function parseTime(name: string, raw: string): number {
  const time = Date.parse(raw)
  if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO 8601 time like 2026-12-01T09:30:00Z; received "${raw}"`)
  return time
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest(`"${segment}" is not valid URL encoding`)
  }
}
