import type {ExprNode} from 'groq-js'

import type {KeptAnswer} from './answer-cache.ts'

/** A Content Source Map (`resultSourceMap` of a query answer), as `@sanity/client/csm` reads it. */
export interface ResultSourceMap {
  documents: Array<{_id: string; _type: string}>
  paths: string[]
  mappings: Record<string, {type: 'value'; source: {type: 'documentValue'; document: number; path: number}}>
}

/**
 * Whether a parse tree is `*` or `*[filter]`: its answer is whole stored documents, unchanged.
 * Asked where the query was parsed to run (a query worker): parsing it again on the main thread
 * held every other request (groq-js takes seconds for a long list).
 */
export function isWholeDocumentQuery(tree: ExprNode): boolean {
  return tree.type === 'Everything' || (tree.type === 'Filter' && tree.base.type === 'Everything')
}

/**
 * The Content Source Map of a query's answer, for what the lake can map exactly: a query that
 * answers whole documents (`*[filter]`) maps each element to its document (`$[i]` → document i
 * at `$`), which is what the Presentation tool needs to lay the form's unsaved state over the
 * answer (`applySourceDocuments`). Any other query gets an empty map: its values are not
 * claimed to come from anywhere, so nothing in it is ever replaced by a wrong field's value.
 *
 * @param answer - the query's serialized answer; only one that says it is whole documents
 *   ({@link isWholeDocumentQuery}) is read
 */
export function wholeDocumentSourceMap(answer: KeptAnswer): ResultSourceMap {
  const map: ResultSourceMap = {documents: [], paths: [], mappings: {}}
  if (answer.wholeDocuments !== true) return map
  const result: unknown = JSON.parse(Buffer.concat(answer.parts).toString())
  if (!Array.isArray(result)) return map
  map.paths.push('$')
  result.forEach((document: unknown, index) => {
    if (typeof document !== 'object' || document === null) return
    const {_id, _originalId, _type} = document as Record<string, unknown>
    const id = typeof _originalId === 'string' ? _originalId : _id
    if (typeof id !== 'string' || typeof _type !== 'string') return
    map.mappings[`$[${index}]`] = {type: 'value', source: {type: 'documentValue', document: map.documents.length, path: 0}}
    map.documents.push({_id: id, _type})
  })
  return map
}
