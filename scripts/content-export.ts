/**
 * `pnpm content:export`: writes a dataset (the Sanity project from the environment, a running
 * local lake, or the local file) to NDJSON, sorted by _type then _id, atomically.
 * See packages/translations/README.md.
 */
import {stat} from 'node:fs/promises'
import {relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {serializeNdjson, writeFileAtomically} from '@treatments/content/dataset'
import {exportDataset} from '@treatments/translations'

import {parseLakeUrl, withDatasetClient} from './lib/dataset-client.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm content:export [--out FILE] [--lake URL] [--drafts]

Writes every published document as NDJSON, one per line, sorted by _type then _id, so that
exports of the same content are byte-identical. The file is replaced atomically (written to a
temporary file beside it, flushed, then renamed).

Options:
  --out FILE   where to write; "-" for standard output (default: content/dataset.ndjson)
  --lake URL   read from a running local lake (pnpm lake), e.g. http://127.0.0.1:3333
  --drafts     include drafts (drafts.*) too
  -h, --help   show this help

Source: --lake URL if given; else the Sanity project from SANITY_PROJECT_ID, SANITY_DATASET and
SANITY_TOKEN (optional SANITY_API_HOST); else a local lake over CONTENT_DATASET or
content/dataset.ndjson, which must then not be the output (the export leaves out drafts and
release versions, so writing over the file it reads would lose them).

Without --drafts, the drafts left out are counted on standard error.`

/** Drafts, which an export without --drafts leaves out. */
const DRAFT_COUNT_QUERY = 'count(*[_id in path("drafts.**")])'

/** Exit codes: 0 written, 1 failed, 2 bad command line. */
function usageError(message: string): never {
  console.error(`pnpm content:export: ${message}\n\n${USAGE}`)
  process.exit(2)
}

let values
try {
  values = parseArgs({
    options: {
      out: {type: 'string', default: defaultDatasetPath},
      lake: {type: 'string'},
      drafts: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
  }).values
} catch (error) {
  usageError((error as Error).message)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

if (values.lake !== undefined) {
  try {
    parseLakeUrl(values.lake)
  } catch (error) {
    usageError((error as Error).message)
  }
}

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

// With neither --lake nor a project, the local lake serves this file; exporting over it would
// replace it with its published documents only.
const readsFile = values.lake === undefined && !process.env.SANITY_PROJECT_ID?.trim()
const source = process.env.CONTENT_DATASET ?? defaultDatasetPath
if (readsFile && values.out !== '-' && (await sameFile(values.out, source))) {
  usageError(
    `refusing to write ${values.out}: it is the dataset file being exported (no --lake and no SANITY_PROJECT_ID, ` +
      `so it is read from ${relative(process.cwd(), source) || source}), and the export leaves out drafts and release versions, which would be lost. ` +
      'Give --out another file (or -), or export from a project or a running lake (--lake URL)',
  )
}

try {
  const out = values.out
  await withDatasetClient(
    async (client, target) => {
      const documents = await exportDataset(client, {drafts: values.drafts})
      const text = serializeNdjson(documents)
      const draftsLeftOut = values.drafts ? 0 : await client.fetch<number>(DRAFT_COUNT_QUERY, {}, {perspective: 'raw'})
      const note = () => {
        if (draftsLeftOut > 0) {
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
      await writeFileAtomically(resolve(out), text)
      console.log(`Exported ${documents.length} documents${values.drafts ? ' (drafts included)' : ''} from ${target.description} to ${out}`)
      note()
    },
    values.lake === undefined ? {} : {lake: values.lake},
  )
} catch (error) {
  console.error(`pnpm content:export: ${(error as Error).message}`)
  process.exitCode = 1
}
