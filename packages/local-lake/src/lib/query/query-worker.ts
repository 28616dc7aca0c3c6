/**
 * A worker thread that evaluates GROQ queries for the lake's {@link QueryPool}, over its own copy
 * of each dataset. The pool terminates it when a query passes its time limit, whatever the query
 * is doing (even inside one regular-expression match or one serialization); its heap is bounded
 * by the pool's `resourceLimits`.
 */
import {getHeapStatistics} from 'node:v8'
import {parentPort, resourceLimits} from 'node:worker_threads'

import type {DatasetDocument} from '@treatments/content/dataset'

import {ApiError} from '../api-error.ts'
import type {DatasetDelta} from './dataset-delta.ts'
import {GroqRunner, type QueryView} from './groq-runner.ts'
import type {Perspective} from './perspective.ts'
import type {QueryWorkerReply, QueryWorkerRequest} from './query-pool.ts'
import {queryViewOf} from './query-view.ts'
import {serializeJson} from '../http/send-json.ts'
import {isWholeDocumentQuery} from './whole-document-source-map.ts'
import {documentIds, matchesAlone} from './document-ids.ts'
import {parseJsonObject} from '../http/read-body.ts'
import {queryOfBody} from './query-body.ts'

interface Replica {
  generation: number
  documents: readonly DatasetDocument[]
  views: Map<Perspective, QueryView>
}

const port = parentPort!
const replicas = new Map<string, Replica>()
let runner: GroqRunner | undefined
const reply = (message: QueryWorkerReply) => port.postMessage(message)

port.on('message', (message: QueryWorkerRequest) => {
  if (message.type === 'sync') {
    replicas.set(message.dataset, {generation: message.generation, documents: message.documents, views: new Map()})
  } else if (message.type === 'delta') {
    const replica = replicas.get(message.dataset)
    if (replica !== undefined) for (const delta of message.deltas) apply(replica, delta)
  } else {
    void run(message).then(reply)
  }
})

/** The documents `delta` leaves: the untouched ones in their order, the written ones at their indexes. */
function apply(replica: Replica, delta: DatasetDelta): void {
  if (delta.generation !== replica.generation + 1) return
  const touched = new Set([...delta.removed, ...delta.upserts.map(({document}) => document._id)])
  const documents = replica.documents.filter((document) => !touched.has(document._id))
  for (const {index, document} of delta.upserts) documents.splice(index, 0, document)
  replica.documents = documents
  replica.generation = delta.generation
  replica.views = new Map()
}

async function run(request: Extract<QueryWorkerRequest, {type: 'run'}>): Promise<QueryWorkerReply> {
  const {id} = request
  runner ??= new GroqRunner(request.queryCacheSize)
  const replica = replicas.get(request.dataset)
  if (replica === undefined || replica.generation !== request.generation) {
    return {id, error: {statusCode: 500, body: {error: {type: 'internalError', description: 'The query worker holds an outdated copy of the dataset; ask again'}}}}
  }
  if (request.eachDocument) return matchEach(runner, request, replica.documents)
  let view = replica.views.get(request.perspective)
  if (view === undefined) {
    view = queryViewOf(replica.documents, request.perspective)
    replica.views.set(request.perspective, view)
  }
  // The time limit runs from here: copying and indexing the dataset is not the query's time.
  reply({started: id})
  try {
    const {query, params} = request.body === undefined ? request : queryOfBody(parseJsonObject(withRoomToParse(request.body)))
    const result = await runner.run(query, params, view, request.scope, {timeoutMs: request.timeoutMs})
    // The parse is cached by the run just made.
    const wholeDocuments = isWholeDocumentQuery(runner.parse(query, params).tree)
    const text = serializeJson(request.idsOnly ? documentIds(result) : result, request.maxResponseBytes)
    return {id, text, wholeDocuments, ...(request.body === undefined ? {} : {query})}
  } catch (error) {
    return failed(id, error)
  }
}

/** A query's error as the worker's reply: an ApiError as it is, anything else a 500. */
function failed(id: number, error: unknown): QueryWorkerReply {
  if (error instanceof ApiError) return {id, error: {statusCode: error.statusCode, body: error.body}}
  const description = `Internal error evaluating the query: ${error instanceof Error ? error.message : String(error)}`
  return {id, error: {statusCode: 500, body: {error: {type: 'internalError', description}}}}
}

/** The indexes of the documents the query, asked of each alone, gives a result for (see `eachDocument`). */
async function matchEach(runner: GroqRunner, request: Extract<QueryWorkerRequest, {type: 'run'}>, documents: readonly DatasetDocument[]): Promise<QueryWorkerReply> {
  const {id} = request
  reply({started: id})
  try {
    const matched: number[] = []
    for (const [index, document] of documents.entries()) {
      if (await matchesAlone(runner, request.query, request.params, document, request.scope, request.timeoutMs)) matched.push(index)
    }
    return {id, text: JSON.stringify(matched), wholeDocuments: false}
  } catch (error) {
    return failed(id, error)
  }
}

/**
 * Most heap bytes a JSON text takes per character once parsed (`{},` makes an object and a slot
 * of an array, about 12 bytes a character), with room to spare.
 */
const PARSED_BYTES_PER_CHARACTER = 20

/**
 * `text`, when this worker's heap has room to parse it. V8 ends the whole process, not just the
 * worker, when `JSON.parse` passes a worker's heap limit: the lake crashed on one 10 MB body.
 *
 * @throws ApiError 400 `queryMemoryLimitError` when it may not fit
 */
function withRoomToParse(text: string): string {
  const {heap_size_limit: heapLimit, used_heap_size: used} = getHeapStatistics()
  // The pool bounds the old generation, where parsed values end up; the heap limit counts more.
  const old = resourceLimits.maxOldGenerationSizeMb
  const limit = old === undefined ? heapLimit : Math.min(heapLimit, old * 2 ** 20)
  if (text.length * PARSED_BYTES_PER_CHARACTER <= limit - used) return text
  throw new ApiError(
    400,
    'queryMemoryLimitError',
    `The query body (${text.length} characters) may need more than the local lake's memory limit for one query to read; send fewer or smaller parameters`,
  )
}

reply({ready: true})
