import {isRecord} from '@treatments/content/dataset'

/** The document ids in a GROQ result (a document, or an array of documents): what a mutation's query selects. */
export function documentIds(result: unknown): string[] {
  const items = Array.isArray(result) ? result : [result]
  return items.flatMap((item) => (isRecord(item) && typeof item._id === 'string' ? [item._id] : []))
}

/** Whether a GROQ result holds anything: a listener's filter matches a document it gives a result for. */
export function hasResult(result: unknown): boolean {
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
}
