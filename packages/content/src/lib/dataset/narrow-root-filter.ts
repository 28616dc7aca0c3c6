import type {ExprNode} from 'groq-js'

import type {DatasetDocument} from './dataset-document.ts'
import {indexDocuments, type DocumentIndex} from './document-index.ts'

/** Node types a root filter may sit under without changing which documents it sees. */
const passThrough = new Set(['Projection', 'AccessElement', 'Slice', 'PipeFuncCall', 'Map', 'FlatMap', 'Group'])

/**
 * A query plan step: when the query's outermost `*[...]` filter requires `_type == "x"`,
 * `_id == …` or `slug.current == …` (as conjuncts, with a literal or a parameter), the filter
 * starts from the matching documents of an index instead of scanning all of them. The filter
 * itself still runs on those candidates, so results are the same as a full scan; other `*`
 * in the query (subqueries) still see the whole dataset. Returns `tree` unchanged when there is
 * nothing to narrow.
 */
export function narrowRootFilter(tree: ExprNode, documents: readonly DatasetDocument[], params: Record<string, unknown>): ExprNode {
  const path: ExprNode[] = []
  let node: ExprNode | undefined = tree
  while (node && passThrough.has(node.type)) {
    path.push(node)
    node = (node as {base?: ExprNode}).base
  }
  if (!node || node.type !== 'Filter' || node.base.type !== 'Everything') return tree
  const candidates = candidatesFor(node.expr, indexDocuments(documents), params)
  if (!candidates) return tree
  let rebuilt: ExprNode = {...node, base: {type: 'Value', value: candidates}}
  for (let index = path.length - 1; index >= 0; index--) rebuilt = {...path[index]!, base: rebuilt} as ExprNode
  return rebuilt
}

function candidatesFor(expr: ExprNode, index: DocumentIndex, params: Record<string, unknown>): readonly DatasetDocument[] | undefined {
  let best: readonly DatasetDocument[] | undefined
  for (const conjunct of conjuncts(expr)) {
    if (conjunct.type !== 'OpCall' || conjunct.op !== '==') continue
    const value = constant(conjunct.right, params) ?? constant(conjunct.left, params)
    const field = fieldPath(conjunct.left) ?? fieldPath(conjunct.right)
    if (typeof value !== 'string' || !field) continue
    let found: readonly DatasetDocument[] | undefined
    if (field === '_type') found = index.byType.get(value) ?? []
    else if (field === 'slug.current') found = index.bySlug.get(value) ?? []
    else if (field === '_id') found = index.byId.has(value) ? [index.byId.get(value)!] : []
    if (found && (!best || found.length < best.length)) best = found
  }
  return best
}

function conjuncts(expr: ExprNode): ExprNode[] {
  if (expr.type === 'And') return [...conjuncts(expr.left), ...conjuncts(expr.right)]
  if (expr.type === 'Group') return conjuncts(expr.base)
  return [expr]
}

function constant(node: ExprNode, params: Record<string, unknown>): unknown {
  if (node.type === 'Value') return node.value
  if (node.type === 'Parameter') return params[node.name]
  return undefined
}

function fieldPath(node: ExprNode): string | undefined {
  if (node.type !== 'AccessAttribute') return undefined
  if (!node.base) return node.name
  const parent = fieldPath(node.base)
  return parent === undefined ? undefined : `${parent}.${node.name}`
}
