import type {ContentSource, SourceFetchOptions} from './content-source.ts'
import type {DatasetDocument} from '../dataset/dataset-document.ts'
import {datasetDocumentCheck} from '../dataset/dataset-document-check.ts'
import {GroqRunner} from '../dataset/groq-runner.ts'
import {isPublishedId} from '../dataset/is-published-id.ts'
import {readNdjson} from '../dataset/read-ndjson.ts'

/**
 * A dataset held in this process and answered with `groq-js`: for static builds, tests and
 * offline work. Reads NDJSON (streamed, line by line) on first use when given a path (Node
 * only; the browser and edge runtimes pass documents). Files and arrays are checked by the same
 * rules as the local lake's and `content:check`'s: one JSON document per line with a string
 * `_id` and `_type`, and no `_id` twice. Serves the published perspective, as a site reads
 * Content Lake: drafts and release versions are not there at all, so a reference to one leads
 * nowhere (and the page is refused) instead of showing unreviewed text.
 *
 * @param pathOrDocuments - A path to an NDJSON file, or the documents themselves.
 * @throws {TypeError} for anything else
 * @throws {DatasetFileError} (rejecting the first read) for a document that breaks a rule, the
 *   same for a file and for documents in memory (`code`, `rule`; in memory, the line is the
 *   document's position from 1)
 * @public
 */
export function localDataset(pathOrDocuments: string | URL | readonly DatasetDocument[]): ContentSource {
  if (typeof pathOrDocuments !== 'string' && !(pathOrDocuments instanceof URL) && !Array.isArray(pathOrDocuments)) {
    throw new TypeError(
      `\`localDataset\` expects a path to an NDJSON file or an array of documents, got ${pathOrDocuments === null ? 'null' : typeof pathOrDocuments}`,
    )
  }
  // Refused now: read, they would fail with a message that names no file (or only a URL's path).
  if (typeof pathOrDocuments === 'string' && pathOrDocuments.trim() === '') {
    throw new TypeError('`localDataset` expects a path to an NDJSON file or an array of documents, got an empty path')
  }
  if (pathOrDocuments instanceof URL && pathOrDocuments.protocol !== 'file:') {
    throw new TypeError(`\`localDataset\` expects a path to an NDJSON file or an array of documents, got ${pathOrDocuments.href} (only file: URLs are read)`)
  }
  const runner = new GroqRunner()
  let loaded: Promise<readonly DatasetDocument[]> | undefined
  const load = () =>
    (loaded ??= (
      Array.isArray(pathOrDocuments)
        ? Promise.resolve(checkDocuments(pathOrDocuments as readonly DatasetDocument[]))
        : readNdjson(pathOrDocuments as string | URL)
    ).then(publishedOnly))
  return {
    async fetch<R>(query: string, params: Record<string, unknown>, options: SourceFetchOptions = {}): Promise<R> {
      // Answering a draft read with published text would pass it off as the draft: refuse it.
      if (options.perspective === 'drafts') throw new TypeError('`localDataset` serves published documents only; read drafts from a Sanity project or the local lake (`pnpm lake`)')
      return (await runner.run(query, params, await load())) as R
    },
  }
}

/** The published perspective: no drafts (`drafts.…`) and no release versions (`versions.…`). */
function publishedOnly(documents: readonly DatasetDocument[]): readonly DatasetDocument[] {
  return documents.every((document) => isPublishedId(document._id)) ? documents : documents.filter((document) => isPublishedId(document._id))
}

/** What in-memory documents are called in errors; `documents[0]` is its line 1. */
const inMemory = '`localDataset` documents'

/**
 * Documents passed in memory obey the file rules too, with the same error: a `DatasetFileError`
 * whose line is the document's position from 1, as if the array were the file.
 */
function checkDocuments(documents: readonly DatasetDocument[]): readonly DatasetDocument[] {
  const firstLines = new Map<string, number>()
  documents.forEach((document, index) => {
    const problem = datasetDocumentCheck(document, {file: inMemory, line: index + 1}, firstLines)
    if (problem !== undefined) throw problem
    firstLines.set(document._id, index + 1)
  })
  return documents
}
