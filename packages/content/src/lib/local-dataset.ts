import {evaluate, parse, type ExprNode} from 'groq-js'
import type {ContentSource} from './content-source.ts'

/**
 * A document of a dataset, as in Sanity's NDJSON export.
 *
 * @public
 */
export interface DatasetDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

/**
 * A dataset held in this process and answered with `groq-js`: for static builds, tests and
 * offline work. Reads NDJSON lazily on first use when given a path (Node only; the browser and
 * edge runtimes pass documents).
 *
 * @param pathOrDocuments - A path to an NDJSON file, or the documents themselves.
 * @public
 */
export function localDataset(pathOrDocuments: string | URL | readonly DatasetDocument[]): ContentSource {
  if (typeof pathOrDocuments !== 'string' && !(pathOrDocuments instanceof URL) && !Array.isArray(pathOrDocuments)) {
    throw new TypeError(
      `\`localDataset\` expects a path to an NDJSON file or an array of documents, got ${pathOrDocuments === null ? 'null' : typeof pathOrDocuments}`,
    )
  }
  let loaded: Promise<{dataset: readonly DatasetDocument[]; byId: Map<string, DatasetDocument>}> | undefined
  const trees = new Map<string, ExprNode>()
  // An id index makes each `->` a lookup instead of a scan of the whole dataset.
  const load = () =>
    (loaded ??= (Array.isArray(pathOrDocuments) ? Promise.resolve(pathOrDocuments) : readNdjson(pathOrDocuments as string | URL)).then(
      (dataset: readonly DatasetDocument[]) => ({dataset, byId: new Map(dataset.map((document) => [document._id, document]))}),
    ))
  return {
    async fetch<R>(query: string, params: Record<string, unknown>): Promise<R> {
      let tree = trees.get(query)
      if (!tree) {
        tree = parse(query)
        trees.set(query, tree)
      }
      const {dataset, byId} = await load()
      const result = await evaluate(tree, {dataset, params, dereference: ({_ref}) => byId.get(_ref) ?? null})
      return (await result.get()) as R
    },
  }
}

/**
 * Reads an NDJSON dataset file. Throws a `SyntaxError` naming the file and line of a line that
 * is not a JSON document.
 *
 * @public
 */
export async function readNdjson(path: string | URL): Promise<DatasetDocument[]> {
  const {readFile} = await import('node:fs/promises')
  const text = await readFile(path, 'utf8')
  return parseNdjson(text, String(path))
}

/**
 * Parses NDJSON text into documents; blank lines are skipped.
 *
 * @public
 */
export function parseNdjson(text: string, fileName = 'dataset.ndjson'): DatasetDocument[] {
  const documents: DatasetDocument[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    let document: unknown
    try {
      document = JSON.parse(line)
    } catch (error) {
      throw new SyntaxError(`${fileName}:${index + 1}: not a JSON document (${(error as Error).message})`)
    }
    if (!document || typeof document !== 'object' || Array.isArray(document)) {
      throw new SyntaxError(`${fileName}:${index + 1}: expected a JSON object per line`)
    }
    documents.push(document as DatasetDocument)
  }
  return documents
}
