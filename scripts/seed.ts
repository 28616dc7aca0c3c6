/**
 * `pnpm seed`: loads an NDJSON dataset into the Sanity project from the environment, or into a
 * running local lake (`--lake URL`), with createOrReplace in reference order and in batches.
 * Running it twice gives the same documents. See packages/translations/README.md.
 */
import {readFile} from 'node:fs/promises'
import {relative} from 'node:path'
import {parseArgs} from 'node:util'

import {parseNdjson} from '@treatments/content/dataset'
import {seedDataset} from '@treatments/translations'

import {parseLakeUrl, withDatasetClient} from './lib/dataset-client.ts'
import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm seed [--lake URL] [--file FILE] [--batch N]

Loads the documents of an NDJSON file with createOrReplace (so running it again changes
nothing), documents referenced by others first, N documents per transaction, printing one
line per batch.

Options:
  --lake URL   a running local lake (pnpm lake), e.g. http://127.0.0.1:3333
  --file FILE  the NDJSON file to load (default: content/dataset.ndjson)
  --batch N    documents per transaction (default: 50)
  -h, --help   show this help

Target: --lake URL if given; otherwise the Sanity project from SANITY_PROJECT_ID,
SANITY_DATASET and SANITY_TOKEN (optional SANITY_API_HOST). One of them is required.`

/** Exit codes: 0 seeded, 1 failed, 2 bad command line. */
function usageError(message: string): never {
  console.error(`pnpm seed: ${message}\n\n${USAGE}`)
  process.exit(2)
}

let values
try {
  values = parseArgs({
    options: {
      lake: {type: 'string'},
      file: {type: 'string', default: defaultDatasetPath},
      batch: {type: 'string', default: '50'},
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
const batchSize = /^\d+$/.test(values.batch) ? Number(values.batch) : Number.NaN
if (!Number.isInteger(batchSize) || batchSize < 1) usageError(`--batch must be a positive integer; got "${values.batch}"`)
if (values.lake !== undefined) {
  try {
    parseLakeUrl(values.lake)
  } catch (error) {
    usageError((error as Error).message)
  }
}
if (values.lake === undefined && !process.env.SANITY_PROJECT_ID?.trim()) {
  usageError('give --lake URL, or set SANITY_PROJECT_ID, SANITY_DATASET and SANITY_TOKEN to seed a Sanity project')
}

try {
  const name = relative(process.cwd(), values.file) || values.file
  const documents = parseNdjson(await readFile(values.file, 'utf8'), name)
  await withDatasetClient(
    async (client, target) => {
      console.log(`Seeding ${documents.length} documents from ${name} into ${target.description}`)
      const result = await seedDataset(client, documents, {
        batchSize,
        onProgress: ({done, total, ids}) => console.log(`seeded ${done}/${total} (${ids[0]}${ids.length > 1 ? ` … ${ids.at(-1)}` : ''})`),
      })
      console.log(`Done: ${result.total} documents in ${result.batches} ${result.batches === 1 ? 'transaction' : 'transactions'}.`)
    },
    values.lake === undefined ? {} : {lake: values.lake},
  )
} catch (error) {
  console.error(`pnpm seed: ${(error as Error).message}`)
  process.exitCode = 1
}
