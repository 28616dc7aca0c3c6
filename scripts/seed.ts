/**
 * `pnpm seed`: loads an NDJSON dataset into the Sanity project from the environment, or into a
 * running local lake (`--lake URL`), with createOrReplace in reference order and in batches.
 * Running it twice gives the same documents. See packages/translations/README.md.
 */
import {isHttpError} from '@sanity/client'
import {isDatasetFileError, parseNdjson, type DatasetDocument} from '@treatments/content/dataset'
import {documentIdProblem, isLocalLakeError} from '@treatments/local-lake'
import {seedDataset, type SeedResult} from '@treatments/translations'

import {CliError, parsePositiveInteger, readUserFile, runCli, UsageError} from './lib/cli.ts'
import {DatasetClientError, explainRemoteFailure, parseLakeUrl, withDatasetClient} from './lib/dataset-client.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm seed [--lake URL] [--file FILE] [--batch N]

Loads the documents of an NDJSON file with createOrReplace, documents referenced by others
first, N documents per transaction, printing one line per batch. Documents already as in the
file are not written, so running it again changes nothing; the last line counts the new ones,
the replaced ones (naming replaced drafts: someone's unpublished work) and the unchanged ones.

Options:
  --lake URL   a running local lake (pnpm lake), e.g. http://127.0.0.1:3334
  --file FILE  the NDJSON file to load (default: content/dataset.ndjson; relative paths start
               from the directory you run it in)
  --batch N    documents per transaction (default: 50)
  --debug      show stack traces
  -h, --help   show this help

Target: --lake URL if given; otherwise the Sanity project from SANITY_PROJECT_ID,
SANITY_DATASET and SANITY_TOKEN (optional SANITY_API_HOST). One of them is required.

Exit code: 0 seeded, 1 failed, 2 bad command line.`

await runCli(
  {
    name: 'seed',
    usage: USAGE,
    options: {lake: {type: 'string'}, file: {type: 'string'}, batch: {type: 'string', default: '50'}},
    explain: (error) => (error instanceof DatasetClientError || isLocalLakeError(error) || isDatasetFileError(error) ? error.message : explainRemoteFailure(error)),
  },
  async ({values, path, display}) => {
    const batchSize = parsePositiveInteger(values.batch, '--batch')
    if (values.lake !== undefined) lakeUrl(values.lake)
    if (values.lake === undefined && !process.env.SANITY_PROJECT_ID?.trim()) {
      throw new UsageError('give --lake URL, or set SANITY_PROJECT_ID, SANITY_DATASET and SANITY_TOKEN to seed a Sanity project')
    }
    const file = values.file === undefined ? defaultDatasetPath : path(values.file)
    const name = display(file)
    // A malformed line is a DatasetFileError naming file:line:column (explained below).
    const text = await readUserFile(file)
    const documents: DatasetDocument[] = parseNdjson(text, name)
    // Checked before the first batch, so a bad id cannot leave half the file written.
    for (const [index, document] of documents.entries()) {
      const problem = documentIdProblem(document._id)
      if (problem !== undefined) throw new CliError(`${name}:${lineOf(text, index)}: the _id ${JSON.stringify(document._id)} ${problem}; nothing was written`)
    }
    await withDatasetClient(
      async (client, target) => {
        console.log(`Seeding ${documents.length} documents from ${name} into ${target.description}`)
        let written = {done: 0, batch: 0}
        const result = await seedDataset(client, documents, {
          batchSize,
          onProgress: ({done, total, batch, ids}) => {
            written = {done, batch}
            console.log(`seeded ${done}/${total} (${ids[0]}${ids.length > 1 ? ` … ${ids.at(-1)}` : ''})`)
          },
        }).catch((error: unknown) => {
          // Each batch is one transaction: say exactly what stays written.
          const refused = isHttpError(error)
          // A server that cannot be reached before the first batch is explained as such.
          if (!refused && written.batch === 0) throw error
          const reason = (explainRemoteFailure(error) ?? (error instanceof Error ? error.message : String(error))).replace(/\s*\n\s*/g, ' ')
          const before = written.batch === 0 ? 'nothing was written before it' : `${written.done} of ${documents.length} documents (batches 1–${written.batch}) were written before it and stay`
          const what = refused ? `batch ${written.batch + 1} was refused, so nothing of it was written: ${reason}` : `batch ${written.batch + 1} failed: ${reason}`
          throw new CliError(`${what}; ${before}; seeding is idempotent: fix the file and seed it again`, {cause: error})
        })
        console.log(summary(result))
      },
      values.lake === undefined ? {} : {lake: values.lake},
    )
  },
)

/** Checks a --lake value. */
function lakeUrl(value: string): string {
  try {
    return parseLakeUrl(value)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** The line of the `index`th document of `text`, which parseNdjson read: blank lines hold none. */
function lineOf(text: string, index: number): number {
  let seen = -1
  const lines = text.split('\n')
  for (const [number, line] of lines.entries()) if (line.trim() !== '' && ++seen === index) return number + 1
  return lines.length
}

/** The last line: what was new, what was replaced (drafts named: someone's unpublished work), what was already so. */
function summary(result: SeedResult): string {
  if (result.unchanged === result.total) return `Done: ${result.total} documents already as in the file; nothing written.`
  const drafts = result.replaced.filter((id) => id.startsWith('drafts.') || id.startsWith('versions.'))
  const parts = [
    result.created.length > 0 ? `${result.created.length} new` : '',
    result.replaced.length > 0 ? `${result.replaced.length} replaced${drafts.length > 0 ? ` (drafts among them: ${drafts.join(', ')})` : ''}` : '',
    result.unchanged > 0 ? `${result.unchanged} already as in the file` : '',
  ].filter(Boolean)
  return `Done: ${result.total} documents: ${parts.join(', ')}; ${result.batches} ${result.batches === 1 ? 'transaction' : 'transactions'}.`
}
