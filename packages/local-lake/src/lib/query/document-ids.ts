import {isRecord} from '@treatments/content/dataset'

/** The document ids in a GROQ result (a document, or an array of documents): what a mutation's query selects. */
export function documentIds(result: unknown): string[] {
  const items = Array.isArray(result) ? result : [result]
  return items.flatMap((item) => (isRecord(item) && typeof item._id === 'string' ? [item._id] : []))
}
