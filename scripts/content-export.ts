/**
 * `pnpm content:export`: writes a dataset (the Sanity project from the environment, a running
 * local lake, or the local file) to NDJSON, sorted by _type then _id, atomically.
 * See packages/translations/README.md.
 */
import {readFile, stat} from 'node:fs/promises'
import {resolve} from 'node:path'

import {isDatasetFileError, parseNdjson, serializeNdjson, writeFileAtomically} from '@treatments/content/dataset'
import {isHttpError} from '@sanity/client'
import {isLocalLakeError} from '@treatments/local-lake'
import {exportDataset} from '@treatments/translations'

import {runCli, UsageError} from './lib/cli.ts'
import {DatasetClientError, explainRemoteFailure, parseLakeUrl, withDatasetClient} from './lib/dataset-client.ts'
import {datasetOwner, describeOwner} from './lib/dataset-owner.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm content:export [--out FILE] [--lake URL] [--drafts]

Writes every published document as NDJSON, one per line, sorted by _type then _id, so that
exports of the same content are byte-identical. The file is replaced atomically (written to a
temporary file beside it, flushed, then renamed).

Options:
  --out FILE   where to write; "-" for standard output (default: content/dataset.ndjson;
               relative paths start from the directory you run it in)
  --lake URL   read from a running local lake (pnpm lake), e.g. http://127.0.0.1:3334
  --drafts     include drafts (drafts.*) too
  --debug      show stack traces
  -h, --help   show this help

Source: --lake URL if given; else the Sanity project from SANITY_PROJECT_ID, SANITY_DATASET and
SANITY_TOKEN (optional SANITY_API_HOST); else a local lake over CONTENT_DATASET or
content/dataset.ndjson, which must then not be the output (the export leaves out drafts and
release versions, so writing over the file it reads would lose them). Never writes over a
dataset file a running local lake serves (the lake writes that file itself), over a file that is
not an NDJSON dataset, or, without --drafts, over one holding drafts or release versions.

Without --drafts, the drafts left out are counted on standard error.

Exit code: 0 written, 1 failed, 2 bad command line.`

/** Drafts, which an export without --drafts leaves out. */
const DRAFT_COUNT_QUERY = 'count(*[_id in path("drafts.**")])'

/** Whether `a` and `b` name the same file: the same path, or (for existing files) the same device and inode. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true
  try {
    const [first, second] = await Promise.all([stat(a), stat(b)])
    return first.dev === second.dev && first.ino === second.ino
  } catch {
    return false
  }
}

/**
 * Refuses to replace an existing `--out` that is not an NDJSON dataset (a slip of the name), or
 * one holding drafts or release versions that an export without `--drafts` leaves out (a
 * read-only or in-memory lake's file has no lock file to say so).
 */
async function refuseToReplace(out: string, drafts: boolean, display: (path: string) => string): Promise<void> {
  const existing = await readFile(out, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
  if (existing === undefined || existing.trim() === '') return
  let documents
  try {
    documents = parseNdjson(existing, display(out))
  } catch (error) {
    if (!isDatasetFileError(error)) throw error
    throw new UsageError(`refusing to replace ${display(out)}: it is not an NDJSON dataset (line ${error.line ?? 1}: ${error.problem}). Give --out another file (or -)`)
  }
  const unpublished = drafts ? 0 : documents.filter((document) => document._id.startsWith('drafts.') || document._id.startsWith('versions.')).length
  if (unpublished > 0) {
    throw new UsageError(
      `refusing to replace ${display(out)}: it holds ${unpublished} ${unpublished === 1 ? 'draft or release version' : 'drafts or release versions'} that this export leaves out, and they would be lost. ` +
        "Pass --drafts to export the source's drafts too, or give --out another file (or -)",
    )
  }
}

await runCli(
  {
    name: 'content:export',
    usage: USAGE,
    options: {out: {type: 'string'}, lake: {type: 'string'}, drafts: {type: 'boolean', default: false}},
    explain: (error) => (error instanceof DatasetClientError || isLocalLakeError(error) || isDatasetFileError(error) ? error.message : explainRemoteFailure(error)),
  },
  async ({values, path, display}) => {
    if (values.lake !== undefined) {
      try {
        parseLakeUrl(values.lake)
      } catch (error) {
        throw new UsageError((error as Error).message)
      }
    }
    const out = values.out === undefined ? defaultDatasetPath : values.out === '-' ? '-' : path(values.out)
    // With neither --lake nor a project, the local lake serves this file; exporting over it would
    // replace it with its published documents only.
    const readsFile = values.lake === undefined && !process.env.SANITY_PROJECT_ID?.trim()
    const source = process.env.CONTENT_DATASET?.trim() ? path(process.env.CONTENT_DATASET.trim()) : defaultDatasetPath
    if (readsFile && out !== '-' && (await sameFile(out, source))) {
      throw new UsageError(
        `refusing to write ${display(out)}: it is the dataset file being exported (no --lake and no SANITY_PROJECT_ID, ` +
          `so it is read from ${display(source)}), and the export leaves out drafts and release versions, which would be lost. ` +
          'Give --out another file (or -), or export from a project or a running lake (--lake URL)',
      )
    }
    // A lake holds its dataset in memory and writes the whole file on each commit: an export over
    // it would be undone by the next one, and meanwhile the file would lack what the export leaves out.
    const owner = out === '-' ? undefined : await datasetOwner(out)
    if (owner !== undefined) {
      throw new UsageError(
        `refusing to write ${display(out)}: it is the dataset file of ${describeOwner(owner)}, ` +
          'which writes it itself: its next change would undo the export, and until then the file would have lost what the export leaves out. ' +
          'Give --out another file (or -), or stop that lake first',
      )
    }
    if (out !== '-') await refuseToReplace(out, values.drafts, display)
    await withDatasetClient(
      async (client, target) => {
        const documents = await exportDataset(client, {drafts: values.drafts})
        const text = serializeNdjson(documents)
        // Published documents need no token; drafts do, so without one they cannot be counted.
        const draftsLeftOut = values.drafts
          ? 0
          : await client.fetch<number>(DRAFT_COUNT_QUERY, {}, {perspective: 'raw'}).catch((error: unknown) => {
              if (target.kind !== 'project' && isHttpError(error) && error.statusCode === 401) return undefined
              throw error
            })
        const note = () => {
          if (draftsLeftOut === undefined) {
            console.error(
              `pnpm content:export: did not count the drafts left out: reading drafts of ${target.description} needs its token (LAKE_TOKEN, printed by pnpm lake); pass --drafts with it to include them`,
            )
          } else if (draftsLeftOut > 0) {
            console.error(
              `pnpm content:export: left out ${draftsLeftOut} ${draftsLeftOut === 1 ? 'draft' : 'drafts'} of ${target.description}; pass --drafts to include them`,
            )
          }
        }
        if (out === '-') {
          process.stdout.write(text)
          note()
          return
        }
        await writeFileAtomically(out, text)
        console.log(`Exported ${documents.length} documents${values.drafts ? ' (drafts included)' : ''} from ${target.description} to ${display(out)}`)
        note()
      },
      values.lake === undefined ? {} : {lake: values.lake},
    )
  },
)
