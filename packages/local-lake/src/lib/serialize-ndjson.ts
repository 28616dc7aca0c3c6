import type {LakeDocument} from './lake-document.ts'

/**
 * Serializes documents as NDJSON: one compact JSON document per line, in the given order,
 * each line ending in `\n` (an empty dataset is the empty string).
 */
export function serializeNdjson(documents: readonly LakeDocument[]): string {
  let out = ''
  for (const document of documents) out += `${JSON.stringify(document)}\n`
  return out
}
