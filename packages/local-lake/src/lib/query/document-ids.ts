import {type DatasetDocument, isRecord} from '@treatments/content/dataset'

import type {GroqRunner, QueryScope} from './groq-runner.ts'

/** The document ids in a GROQ result (a document, or an array of documents): what a mutation's query selects. */
export function documentIds(result: unknown): string[] {
  const items = Array.isArray(result) ? result : [result]
  return items.flatMap((item) => (isRecord(item) && typeof item._id === 'string' ? [item._id] : []))
}

/**
 * Whether `query`, asked of `document` alone, gives a result: how a listener's filter matches a
 * document, on the main thread or in a query worker.
 */
export async function matchesAlone(runner: GroqRunner, query: string, params: Record<string, unknown>, document: DatasetDocument, scope: QueryScope, timeoutMs: number): Promise<boolean> {
  const result = await runner.run(query, params, {documents: [document], byId: new Map([[document._id, document]])}, scope, {timeoutMs})
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
}
