/**
 * A worker thread that evaluates GROQ queries for the lake's {@link QueryPool}, over its own copy
 * of each dataset. The pool terminates it when a query passes its time limit, whatever the query
 * is doing (even inside one regular-expression match or one serialization); its heap is bounded
 * by the pool's `resourceLimits`.
 */
import {parentPort} from 'node:worker_threads'

import type {DatasetDocument} from '@treatments/content/dataset'

import {ApiError} from '../api-error.ts'
import type {DatasetDelta} from './dataset-delta.ts'
import {GroqRunner, type QueryView} from './groq-runner.ts'
import type {Perspective} from './perspective.ts'
import type {QueryWorkerReply, QueryWorkerRequest} from './query-pool.ts'
import {queryViewOf} from './query-view.ts'
import {serializeJson} from '../http/send-json.ts'
import {isWholeDocumentQuery} from './whole-document-source-map.ts'
import {documentIds} from './document-ids.ts'

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
  let view = replica.views.get(request.perspective)
  if (view === undefined) {
    view = queryViewOf(replica.documents, request.perspective)
    replica.views.set(request.perspective, view)
  }
  // The time limit runs from here: copying and indexing the dataset is not the query's time.
  reply({started: id})
  try {
    const result = await runner.run(request.query, request.params, view, request.scope, {timeoutMs: request.timeoutMs})
    // The parse is cached by the run just made.
    const wholeDocuments = isWholeDocumentQuery(runner.parse(request.query, request.params).tree)
    return {id, text: serializeJson(request.idsOnly ? documentIds(result) : result, request.maxResponseBytes), wholeDocuments}
  } catch (error) {
    if (error instanceof ApiError) return {id, error: {statusCode: error.statusCode, body: error.body}}
    const description = `Internal error evaluating the query: ${error instanceof Error ? error.message : String(error)}`
    return {id, error: {statusCode: 500, body: {error: {type: 'internalError', description}}}}
  }
}

reply({ready: true})
