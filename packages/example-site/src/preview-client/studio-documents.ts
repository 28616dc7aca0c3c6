import {createNode, createNodeMachine} from '@sanity/comlink'
import {createCompatibilityActors} from '@sanity/presentation-comlink'
import type {DatasetDocument} from '@treatments/content/dataset'

/**
 * The documents a treatment page reads: the page and everything it references. A whole-document
 * query: Content Lake and the local lake map each document of the answer to its source
 * (`resultSourceMap`), which is what lets the Studio lay the form's unsaved state over it. A
 * projection would leave the Studio nothing to replace.
 */
export const pageDocumentsQuery = '*[_type in $types]'
export const pageDocumentsParams = {types: ['treatment', 'condition', 'ingredient', 'effect', 'sideEffect', 'contraindication']}
const query = pageDocumentsQuery

/** How often the query is listened to again; the Studio forgets a query whose heartbeat stops (at least 1 s). */
const HEARTBEAT_MS = 10_000

type QueryData = {
  projectId: string
  dataset: string
  perspective: unknown
  query: string
  params: Record<string, unknown>
}
type Sends = {type: 'loader/query-listen'; data: QueryData & {heartbeat: number}}
type Receives =
  | {type: 'loader/query-change'; data: QueryData & {result: unknown}}
  | {type: 'loader/perspective'; data: {projectId: string; dataset: string; perspective: unknown}}

/** What the page hears from the Studio. */
export interface StudioDocumentsHandlers {
  /** The page's documents in the drafts view, with the form's unsaved edits: on every keystroke, and after every commit. */
  documents(documents: DatasetDocument[]): void
  /** The Studio shows another perspective (a release) than the page can (drafts): stop showing its answers. */
  unsupported(): void
}

/**
 * Listens, through the Presentation tool's loader channel (`@sanity/comlink`, node `loaders`),
 * to the documents a treatment page reads. The Studio runs the query with its own credentials,
 * lays the displayed form's state over the answer, including edits it has not saved yet
 * (`sanity/presentation` `LiveQueries`: `turboChargeResultIfSourceMap` with the document that
 * `BroadcastDisplayedDocument` reports), refetches on the lake's live events, and posts each
 * result as `loader/query-change`. Outside the Studio nothing ever connects and nothing is heard.
 */
export function listenToStudioDocuments(config: {projectId: string; dataset: string}, handlers: StudioDocumentsHandlers): () => void {
  // The Studio's loader channel speaks the older message format too: listen and answer as
  // Sanity's own loaders do (`@sanity/core-loader`), or the handshake never completes.
  const node = createNode<Sends, Receives>({name: 'loaders', connectTo: 'presentation'}, createNodeMachine<Sends, Receives>().provide({actors: createCompatibilityActors<Sends>()}))
  const params = pageDocumentsParams
  const ours = (data: {projectId: string; dataset: string}) => data.projectId === config.projectId && data.dataset === config.dataset
  let drafts = true
  let connected = false
  const listen = () =>
    connected &&
    node.post('loader/query-listen', {projectId: config.projectId, dataset: config.dataset, perspective: 'drafts', query, params, heartbeat: HEARTBEAT_MS})
  node.on('loader/perspective', (data) => {
    if (!ours(data)) return
    drafts = data.perspective === 'drafts' || data.perspective === 'previewDrafts'
    if (!drafts) handlers.unsupported()
  })
  node.on('loader/query-change', (data) => {
    if (!drafts || !ours(data) || data.query !== query || data.perspective !== 'drafts' || !Array.isArray(data.result)) return
    handlers.documents(data.result as DatasetDocument[])
  })
  const stopStatus = node.onStatus((status) => {
    connected = status === 'connected'
    listen()
  })
  const heartbeat = setInterval(listen, HEARTBEAT_MS)
  node.start()
  return () => {
    clearInterval(heartbeat)
    stopStatus()
    node.stop()
  }
}
