/**
 * `pnpm lake`: serves NDJSON datasets over the part of Sanity's HTTP API that `@sanity/client`
 * uses, on loopback, for local development and tests. See packages/local-lake/README.md.
 */
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'

import {isLocalLakeError, type LocalLake, startLocalLake} from '@treatments/local-lake'

import {defaultDatasetPath} from './lib/paths.ts'

const USAGE = `Usage: pnpm lake [--port PORT] [--host HOST] [--dataset NAME=PATH ...] [--read-only] [--in-memory]

Serves NDJSON dataset files over Sanity's HTTP API (query, doc, mutate) so @sanity/client works
against them unchanged. Mutations are written back to the files atomically.

Options:
  --port PORT          port to listen on (default: $PORT or 3333; 0 picks a free port)
  --host HOST          interface to listen on (default: 127.0.0.1; keep it on loopback)
  --dataset NAME=PATH  serve PATH as dataset NAME; repeatable
                       (default: production=content/dataset.ndjson)
  --read-only          reject every mutation with 403
  --in-memory          apply mutations in memory only, never write files
  -h, --help           show this help`

/** Exit codes: 0 ok, 1 the lake could not start, 2 bad command line. */
function usageError(message: string): never {
  console.error(`pnpm lake: ${message}\n\n${USAGE}`)
  process.exit(2)
}

let parsed
try {
  parsed = parseArgs({
    options: {
      port: {type: 'string'},
      host: {type: 'string', default: '127.0.0.1'},
      dataset: {type: 'string', multiple: true},
      'read-only': {type: 'boolean', default: false},
      'in-memory': {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
  })
} catch (error) {
  usageError((error as Error).message)
}
const {values} = parsed

if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const portText = values.port ?? process.env.PORT ?? '3333'
const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN
if (!Number.isInteger(port) || port > 65535) {
  usageError(`--port (or $PORT) must be an integer from 0 to 65535, got "${portText}"`)
}

const datasets: Record<string, string> = {}
for (const entry of values.dataset ?? [`production=${defaultDatasetPath}`]) {
  const equals = entry.indexOf('=')
  if (equals <= 0 || equals === entry.length - 1) usageError(`--dataset must look like NAME=PATH, got "${entry}"`)
  const name = entry.slice(0, equals)
  if (name in datasets) usageError(`--dataset "${name}" is given more than once`)
  datasets[name] = resolve(entry.slice(equals + 1))
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
if (!LOOPBACK.has(values.host)) {
  console.warn(`Warning: listening on ${values.host}, not loopback. The local lake has no authentication; never expose it publicly.`)
}

let lake: LocalLake
try {
  lake = await startLocalLake({
    datasets,
    port,
    host: values.host,
    readOnly: values['read-only'],
    inMemory: values['in-memory'],
  })
} catch (error) {
  if (error instanceof TypeError) usageError(error.message)
  console.error(`pnpm lake: ${isLocalLakeError(error) ? error.message : String(error)}`)
  process.exit(1)
}

const mode = values['read-only'] ? ' (read-only)' : values['in-memory'] ? ' (in memory; files are not written)' : ''
console.log(`Local lake listening on ${lake.url}${mode}`)
for (const [name, file] of Object.entries(datasets)) console.log(`  dataset ${name}: ${file}`)
console.log(`
Point @sanity/client at it with:

  createClient(${JSON.stringify(lake.clientConfig, null, 2).replace(/\n/g, '\n  ')})

Press Ctrl+C to stop.`)

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) {
    console.error(`Received ${signal} again; exiting without waiting for pending writes.`)
    process.exit(1)
  }
  stopping = true
  console.log(`\nReceived ${signal}; waiting for pending writes, then stopping…`)
  await lake.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
