import type {DatasetDocument} from '@treatments/content/dataset'
import type {ExprNode} from 'groq-js'

import type {CommittedTransaction} from '../history/transaction-log.ts'
import {matchesAlone} from '../query/document-ids.ts'
import type {PoolDataset} from '../query/query-pool.ts'
import type {LakeRequest} from './lake-request.ts'

/** Whether a listener's filter matched a change's document before and after the transaction. */
export type ChangeMatch = [before: boolean, after: boolean]

/** A transaction's documents as one dataset for the query workers, and where each change's are in it. */
interface TransactionDocuments {
  dataset: PoolDataset
  /** Per change, the index in `dataset.documents` of its document before and after (-1: none). */
  at: Array<[before: number, after: number]>
}

/** Each committed transaction's documents, made once for all of its listeners. */
const transactionDocuments = new WeakMap<CommittedTransaction, TransactionDocuments>()
/** Numbers the transactions' datasets, so a worker always takes the newest. */
let generations = 0

/**
 * How a listener finds which of a transaction's changes its filter matches: the filter is asked
 * of each document alone, before and after. A filter that is not plain (see {@link isPlainFilter})
 * is asked in a query worker, so it stops at the time limit even inside one regular-expression
 * match: on the main thread a token holder's backtracking `match` held the whole lake at every
 * commit. All listeners of a transaction share its documents, sent to each worker once. A plain
 * filter, as the Studio sends, is asked on the main thread, as every filter is with
 * `queryWorkers: 0`: a worker round trip per listener and commit took a Studio typing test in
 * Chromium from 84 to 97 s and from 31 to 41 s of CPU.
 *
 * @throws ApiError as the query's evaluation does; 408 `queryTimeoutError` at the time limit
 */
export function listenMatching(context: LakeRequest, query: string, params: Record<string, unknown>, tree: ExprNode): (transaction: CommittedTransaction) => Promise<ChangeMatch[]> {
  const {store, runner, queries, options} = context
  const scope = {projectId: context.projectId, dataset: store.name}
  const onMainThread = queries === undefined || isPlainFilter(tree, params)
  return async (transaction) => {
    if (onMainThread) {
      const matches = async (document: DatasetDocument | null) => document !== null && (await matchesAlone(runner, query, params, document, scope, options.queryTimeoutMs))
      const matched: ChangeMatch[] = []
      for (const change of transaction.changes) matched.push([await matches(change.before), await matches(change.after)])
      return matched
    }
    const {dataset, at} = documentsOf(transaction, store.name)
    const {text} = await queries.run({
      dataset,
      perspective: 'raw',
      query,
      params,
      scope,
      timeoutMs: options.queryTimeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      eachDocument: true,
    })
    const matched = new Set(JSON.parse(text) as number[])
    return at.map(([before, after]) => [matched.has(before), matched.has(after)])
  }
}

function documentsOf(transaction: CommittedTransaction, datasetName: string): TransactionDocuments {
  let found = transactionDocuments.get(transaction)
  if (found === undefined) {
    const documents: DatasetDocument[] = []
    const indexOf = (document: DatasetDocument | null) => (document === null ? -1 : documents.push(document) - 1)
    const at = transaction.changes.map((change): [number, number] => [indexOf(change.before), indexOf(change.after)])
    const dataset: PoolDataset = {name: `${datasetName}\u0000listen`, generation: ++generations, documents, deltasSince: () => undefined}
    found = {dataset, at}
    transactionDocuments.set(transaction, found)
  }
  return found
}

/** Functions a plain filter may call: each reads its arguments once. */
const PLAIN_FUNCTIONS = new Set(['global::defined', 'global::references', 'global::coalesce', 'global::count', 'global::path', 'sanity::versionOf'])

/**
 * Whether `tree` is `*` or `*[filter]` whose filter takes time linear in one document and the
 * parameters: comparisons, `in`, `&&`, `||`, `!`, attributes, literals and parameters, and the
 * functions above, with `path()` patterns of at most one `**` (each becomes a regular expression,
 * and several `**` backtrack). No `match`, no projection, no function over arrays or strings,
 * no subquery: what can take longer is asked in a worker.
 */
export function isPlainFilter(tree: ExprNode, params: Record<string, unknown>): boolean {
  if (tree.type === 'Everything') return true
  if (tree.type !== 'Filter' || tree.base.type !== 'Everything') return false
  const plain = (node: ExprNode): boolean => {
    switch (node.type) {
      case 'Value':
      case 'Parameter':
      case 'This':
        return true
      case 'And':
      case 'Or':
        return plain(node.left) && plain(node.right)
      case 'OpCall':
        return node.op !== 'match' && plain(node.left) && plain(node.right)
      case 'Not':
      case 'Group':
        return plain(node.base)
      case 'AccessAttribute':
        return node.base === undefined || plain(node.base)
      case 'AccessElement':
        return plain(node.base)
      case 'Array':
        return node.elements.every((element) => plain(element.value))
      case 'FuncCall': {
        if (!PLAIN_FUNCTIONS.has(`${node.namespace}::${node.name}`) || !node.args.every(plain)) return false
        if (node.name !== 'path') return true
        const [pattern] = node.args
        const text = pattern?.type === 'Value' ? pattern.value : pattern?.type === 'Parameter' ? params[pattern.name] : undefined
        return typeof text === 'string' && text.split('.').filter((part) => part === '**').length <= 1
      }
      default:
        return false
    }
  }
  return plain(tree.expr)
}
