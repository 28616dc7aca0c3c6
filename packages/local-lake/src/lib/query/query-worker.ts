/**
 * A worker thread that evaluates GROQ queries for the lake's {@link QueryPool}, over its own copy
 * of each dataset. The pool terminates it when a query passes its time limit, whatever the query
 * is doing (even inside one regular-expression match or one serialization); its heap is bounded
 * by the pool's `resourceLimits`.
 */
import {parentPort} from 'node:worker_threads'

import type {DatasetDocument} from '@treatments/content/dataset'

import {ApiError} from '../api-error.ts'
import {GroqRunner, type QueryView} from './groq-runner.ts'
import type {Perspective} from './perspective.ts'
import type {QueryWorkerReply, QueryWorkerRequest} from './query-pool.ts'
import {queryViewOf} from './query-view.ts'
import {serializeJson} from '../http/send-json.ts'

interface Replica {
  generation: number
  documents: readonly DatasetDocument[]
  views: Map<Perspective, QueryView>
}

const port = parentPort!
const replicas = new Map<string, Replica>()
let runner: GroqRunner | undefined

port.on('message', (message: QueryWorkerRequest) => {
  if (message.type === 'sync') {
    replicas.set(message.dataset, {generation: message.generation, documents: message.documents, views: new Map()})
    return
  }
  void run(message).then((reply) => port.postMessage(reply))
})

async function run(request: Extract<QueryWorkerRequest, {type: 'run'}>): Promise<QueryWorkerReply> {
  const {id} = request
  runner ??= new GroqRunner(request.queryCacheSize)
  const replica = replicas.get(request.dataset)
  if (replica === undefined || replica.generation !== request.generation) {
    return {id, error: {statusCode: 500, body: {error: {type: 'internalError', description: 'The query worker has an outdated copy of the dataset'}}}}
  }
  let view = replica.views.get(request.perspective)
  if (view === undefined) {
    view = queryViewOf(replica.documents, request.perspective)
    replica.views.set(request.perspective, view)
  }
  try {
    const result = await runner.run(request.query, request.params, view, request.scope, {timeoutMs: request.timeoutMs})
    return {id, text: serializeJson(result, request.maxResponseBytes)}
  } catch (error) {
    if (error instanceof ApiError) return {id, error: {statusCode: error.statusCode, body: error.body}}
    const description = `Internal error evaluating the query: ${error instanceof Error ? error.message : String(error)}`
    return {id, error: {statusCode: 500, body: {error: {type: 'internalError', description}}}}
  }
}

port.postMessage({ready: true})
